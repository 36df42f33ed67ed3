import type { Missing } from '../load/readiness.ts';
import type { UnitNames } from './context.ts';
import { andOthers } from './findings.ts';
import { date, int } from './format.ts';
import { indexShort } from './vocab.ts';

/** `2024` → `năm 2024`, `2024-11` → `tháng 11/2024`. */
const when = (period: string) =>
  period.length === 4 ? `năm ${period}` : `tháng ${Number(period.slice(5, 7))}/${period.slice(0, 4)}`;

/** Named examples per kind: the note opens the brief, so it must not push section I off its first page. */
const EXAMPLES = 5;

/** `2026-08, 2026-09, 2027-01` → `tháng 8, 9/2026, 1/2027`. */
function months(list: string[]): string {
  const byYear = new Map<string, number[]>();
  for (const m of list) byYear.set(m.slice(0, 4), [...(byYear.get(m.slice(0, 4)) ?? []), Number(m.slice(5, 7))]);
  return `tháng ${[...byYear].map(([y, ms]) => `${ms.join(', ')}/${y}`).join(', ')}`;
}

/** `A, B, C, D, E và 100 nhiệm vụ khác` — the first EXAMPLES of `total`. */
const examples = (shown: string[], total: number, noun: string) => andOthers(shown.slice(0, EXAMPLES), total, noun);

/**
 * The brief's note when it was rendered with data it requires missing (`--force`): the reader must
 * know which figures are short, but a note of 105 lines would bury section I. A kind with one
 * missing item keeps its own sentence; more are one line with the count and the first EXAMPLES,
 * and a last line says where the full list is (`cchc check`, the run history).
 */
export function incompleteLines(
  missing: Missing[],
  names: UnitNames,
  brief: { period: string; unit_code: string },
): string[] {
  const of = <K extends Missing['what']>(k: K) =>
    missing.filter((m): m is Extract<Missing, { what: K }> => m.what === k);
  const out: string[] = [];
  let cut = false;

  const dossiers = of('dossiers');
  if (dossiers.length === 1)
    out.push(
      `${names.name(dossiers[0]!.unit_code)}: chưa có số liệu hồ sơ thủ tục hành chính ${months(dossiers[0]!.months)}`,
    );
  else if (dossiers.length > 1) {
    cut ||= dossiers.length > EXAMPLES;
    const shown = dossiers.map((m) => `${names.name(m.unit_code)} (${months(m.months)})`);
    out.push(
      `${int(dossiers.length)} đơn vị chưa có đủ số liệu hồ sơ thủ tục hành chính: ${examples(shown, dossiers.length, 'đơn vị')}`,
    );
  }

  const criteria = of('criteria');
  if (criteria.length === 1)
    out.push(
      `${names.name(criteria[0]!.unit_code)}: chưa có kết quả tự đánh giá Bộ chỉ số cải cách hành chính năm ${criteria[0]!.year}`,
    );
  else if (criteria.length > 1) {
    cut ||= criteria.length > EXAMPLES;
    const shown = criteria.map((m) => names.name(m.unit_code));
    out.push(
      `${int(criteria.length)} đơn vị chưa có kết quả tự đánh giá Bộ chỉ số cải cách hành chính năm ${criteria[0]!.year}: ${examples(shown, criteria.length, 'đơn vị')}`,
    );
  }

  // One line per index: there are only a handful of indices.
  for (const m of of('indices'))
    out.push(`${indexShort(m.index_code)}: kết quả mới nhất là ${when(m.latest)}, chưa có kết quả ${when(m.expected)}`);

  const tasks = of('tasks');
  if (tasks.length === 1) {
    const t = tasks[0]!;
    out.push(
      `Nhiệm vụ ${t.task_id} (${names.name(t.lead_unit)}) chưa có thời hạn, giao ngày ${date(t.assigned_on)}, đã quá một năm`,
    );
  } else if (tasks.length > 1) {
    cut ||= tasks.length > EXAMPLES;
    const days = tasks.map((t) => t.assigned_on).sort();
    const shown = tasks.map((t) => `${t.task_id} (${names.name(t.lead_unit)})`);
    out.push(
      `${int(tasks.length)} nhiệm vụ chưa có thời hạn, giao từ ngày ${date(days[0]!)} đến ngày ${date(days.at(-1)!)}, đã quá một năm: ${examples(shown, tasks.length, 'nhiệm vụ')}`,
    );
  }

  if (cut)
    out.push(
      `Danh sách đầy đủ: kết quả lệnh cchc check --period ${brief.period} --unit ${brief.unit_code}, hoặc lịch sử chạy (cchc runs --json) khi báo cáo được lập theo lịch`,
    );
  return out;
}
