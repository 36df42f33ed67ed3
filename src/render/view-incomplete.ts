import type { Missing } from '../load/readiness.ts';
import type { UnitNames } from './context.ts';
import { date } from './format.ts';
import { indexShort } from './vocab.ts';

/** `2024` → `năm 2024`, `2024-11` → `tháng 11/2024`. */
const when = (period: string) =>
  period.length === 4 ? `năm ${period}` : `tháng ${Number(period.slice(5, 7))}/${period.slice(0, 4)}`;

/**
 * The brief's note when it was rendered with data it requires missing (`--force`): one line per
 * missing item, for the reader who must know which figures are short.
 */
export function incompleteLines(missing: Missing[], names: UnitNames): string[] {
  return missing.map((m) => {
    switch (m.what) {
      case 'dossiers':
        return `${names.name(m.unit_code)}: chưa có số liệu hồ sơ thủ tục hành chính ${m.months.length > 1 ? 'các ' : ''}tháng ${m.months.map((x) => `${Number(x.slice(5, 7))}/${x.slice(0, 4)}`).join(', ')}`;
      case 'criteria':
        return `${names.name(m.unit_code)}: chưa có kết quả tự đánh giá Bộ chỉ số cải cách hành chính năm ${m.year}`;
      case 'indices':
        return `${indexShort(m.index_code)}: kết quả mới nhất là ${when(m.latest)}, chưa có kết quả ${when(m.expected)}`;
      case 'tasks':
        return `Nhiệm vụ ${m.task_id} (${names.name(m.lead_unit)}) chưa có thời hạn, giao ngày ${date(m.assigned_on)}, đã quá một năm`;
    }
  });
}
