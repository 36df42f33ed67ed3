import type { Metrics } from '../metrics/types.ts';
import type { UnitNames } from './context.ts';
import { joinVi, scopeIsOneUnit } from './findings.ts';
import { date, int, pct, periodName, ppText, score, shortPeriod } from './format.ts';
import { indexShort } from './vocab.ts';
import type { Block } from './view.ts';

/** The close of section I: what changed since the previous period of the same kind. */
export interface ChangesView {
  heading: string;
  /** `So với quý III năm 2024 (đến hết ngày 30/9/2024)`, or why there is nothing to compare with. */
  lead: string;
  items: string[];
  /** The tasks that became overdue, by id: the change a meeting acts on first. */
  table: NonNullable<Block['table']> | null;
  note: string | null;
}

/** Rows of the overdue table in the brief; metrics.json `changes.tasks.became_overdue_list` keeps every one. */
const TABLE_ROWS = 10;

const STATUS: Record<string, string> = {
  achieved: 'đạt',
  not_achieved: 'không đạt',
  in_progress: 'đang thực hiện',
  not_due: 'chưa đến hạn',
};

/** Null for a metrics.json written before `changes` existed: the brief then opens as it did. */
/** `tasksPart`: the numeral of the tasks section, whose list of overdue tasks holds the rows left out here. */
export function changesView(m: Metrics, names: UnitNames, tasksPart: string): ChangesView | null {
  const c = m.changes;
  if (!c) return null;
  const heading = 'Những thay đổi kể từ kỳ trước';
  if (!c.previous) {
    return {
      heading,
      lead: `Đây là kỳ báo cáo đầu tiên của ${m.scope.name}: chưa có kỳ trước để so sánh.`,
      items: [],
      table: null,
      note: null,
    };
  }
  const t = c.tasks;
  const items = [
    t.completed > 0 ? `Hoàn thành thêm ${int(t.completed)} nhiệm vụ.` : 'Không có nhiệm vụ nào được hoàn thành thêm.',
    t.became_overdue > 0 ? `${int(t.became_overdue)} nhiệm vụ chuyển sang quá hạn.` : 'Không có nhiệm vụ mới quá hạn.',
    t.assigned > 0 ? `Giao mới ${int(t.assigned)} nhiệm vụ.` : 'Không có nhiệm vụ giao mới.',
    online(c.online),
    indices(m),
    criteria(m),
  ].filter((s): s is string => s !== null);
  const overdue = t.became_overdue_list;
  const table =
    overdue.length === 0
      ? null
      : {
          caption: 'Nhiệm vụ chuyển sang quá hạn kể từ kỳ trước',
          head: ['Mã nhiệm vụ', 'Đơn vị chủ trì', 'Nội dung', 'Hạn'],
          rows: overdue.slice(0, TABLE_ROWS).map((x) => [x.task_id, names.name(x.lead_unit), x.title, date(x.due_on)]),
          numeric: [],
          // A task id is looked up as a whole: it never breaks at its hyphens.
          ids: [0],
          widths: ['20%', '24%', '42%', '14%'],
        };
  return {
    heading,
    lead: `So với ${periodName(c.previous.id)} (đến hết ngày ${date(c.since)}):`,
    items,
    table,
    note:
      overdue.length > TABLE_ROWS
        ? `Và ${int(overdue.length - TABLE_ROWS)} nhiệm vụ khác, có trong danh sách nhiệm vụ quá hạn tại phần ${tasksPart}.`
        : null,
  };
}

function online(o: NonNullable<Metrics['changes']>['online']): string | null {
  if (!o || o.online_ratio === null) return null;
  if (o.previous_online_ratio === null || o.delta === null)
    return `Tỷ lệ hồ sơ tiếp nhận trực tuyến đạt ${pct(o.online_ratio)}; kỳ trước chưa có hồ sơ để so sánh.`;
  const d = Math.round(o.delta * 1000) / 1000;
  const how = d === 0 ? 'bằng kỳ trước' : `${d > 0 ? 'tăng' : 'giảm'} ${ppText(o.delta)} so với kỳ trước`;
  return `Tỷ lệ hồ sơ tiếp nhận trực tuyến ${pct(o.online_ratio)}, ${how} (${pct(o.previous_online_ratio)}).`;
}

/** The scope's own totals by name; other units' and components' results as a count. */
function indices(m: Metrics): string | null {
  const { latest_totals: own, other } = m.changes!.indices;
  if (own.length === 0 && other === 0) return null;
  const named = own.map((i) => {
    const rank = i.rank !== null && i.rank_of !== null ? `, hạng ${int(i.rank)}/${int(i.rank_of)}` : '';
    return `${indexShort(i.index_code)} ${shortPeriod(i.period)} (${score(i.score)} điểm${rank})`;
  });
  // One count over three kinds: worded as where the results may come from, not as a list of them.
  const more =
    other > 0
      ? `${named.length ? '; cùng ' : ''}${int(other)} kết quả ${named.length ? 'khác ' : ''}của chỉ số thành phần, kỳ trước hoặc đơn vị trực thuộc`
      : '';
  return `Kết quả chỉ số mới: ${joinVi(named)}${more}.`;
}

function criteria(m: Metrics): string | null {
  const c = m.changes!.criteria;
  if (c.changed === 0) return null;
  const parts = (['achieved', 'not_achieved', 'in_progress', 'not_due'] as const)
    .filter((s) => c.by_status[s] > 0)
    .map((s) => `${int(c.by_status[s])} ${STATUS[s]}`);
  const where = scopeIsOneUnit(m) ? '' : ` tại ${int(c.units)} đơn vị`;
  return `Bộ chỉ số CCHC: ${int(c.changed)} tiêu chí có kết quả đánh giá mới${where} (${parts.join(', ')}).`;
}
