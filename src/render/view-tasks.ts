import type { Metrics } from '../metrics/types.ts';
import type { UnitNames } from './context.ts';
import { date, int } from './format.ts';
import type { Block, ChartFn, Section } from './view.ts';
import { TASK_STATES } from './vocab.ts';

export async function tasksSection(m: Metrics, names: UnitNames, chart: ChartFn): Promise<Section> {
  const t = m.tasks;
  const section: Section = { numeral: '', title: 'TÌNH HÌNH THỰC HIỆN NHIỆM VỤ ĐƯỢC GIAO', empty: null, blocks: [] };
  if (t.total === 0) {
    section.empty = `Không có nhiệm vụ được giao cho ${m.scope.name} tính đến ngày ${date(m.period.as_of)}.`;
    return section;
  }
  const general: Block = {
    heading: '1. Kết quả chung',
    paragraphs: [
      `Tính đến ngày ${date(m.period.as_of)}, tổng số nhiệm vụ được giao là ${int(t.total)} nhiệm vụ (trong kỳ giao mới ${int(t.assigned)}, hoàn thành ${int(t.completed)}); đã hoàn thành ${int(t.done_on_time + t.done_late)} nhiệm vụ (${int(t.done_on_time)} đúng hạn, ${int(t.done_late)} quá hạn); đang thực hiện trong hạn ${int(t.in_progress)}; quá hạn chưa hoàn thành ${int(t.overdue)}.`,
    ],
  };
  const rows = t.by_unit.filter((u) => u.total > 0);
  if (rows.length > 1) {
    // Most overdue first: the units the committee will ask about head the chart.
    const order = [...rows].sort((a, b) => b.overdue - a.overdue || b.total - a.total || a.unit_code.localeCompare(b.unit_code));
    general.chart = await chart('nhiem-vu-theo-don-vi', 'tasks-by-unit', 'Tình trạng thực hiện nhiệm vụ theo cơ quan, đơn vị', {
      rows: order.flatMap((u, i) =>
        TASK_STATES.map((s, k) => ({ label: names.label(u.unit_code), sort: i, state_label: s.label, state_order: k, count: u[s.key] })),
      ),
    });
    const idle = t.by_unit.length - rows.length;
    if (idle > 0) general.note = `${int(idle)} cơ quan, đơn vị không có nhiệm vụ trong phạm vi báo cáo.`;
  }
  section.blocks.push(general);
  section.blocks.push(
    t.overdue_list.length === 0
      ? { heading: '2. Nhiệm vụ quá hạn', paragraphs: ['Không có nhiệm vụ quá hạn.'] }
      : {
          heading: '2. Nhiệm vụ quá hạn',
          table: {
            caption: `Danh sách ${int(t.overdue_list.length)} nhiệm vụ quá hạn (tính đến ngày ${date(m.period.as_of)})`,
            head: ['TT', 'Văn bản giao', 'Cơ quan chủ trì', 'Nội dung nhiệm vụ', 'Hạn xử lý', 'Số ngày quá hạn'],
            numeric: [0, 5],
            widths: ['6%', '20%', '18%', '32%', '12%', '12%'],
            rows: t.overdue_list.map((x, i) => [int(i + 1), x.doc_no ?? '', names.name(x.lead_unit), x.title, date(x.due_on), int(x.days_overdue)]),
          },
        },
  );
  section.blocks.push(dueSoon(m, names));
  return section;
}

interface DueSoonTask {
  task_id: string;
  doc_no: string | null;
  lead_unit: string;
  title: string;
  due_on: string;
}

/** The list when metrics carries one (`due_soon_list`, an extra key), else the count per unit. */
function dueSoon(m: Metrics, names: UnitNames): Block {
  const heading = '3. Nhiệm vụ đến hạn trong 14 ngày tới';
  const t = m.tasks;
  if (t.due_soon === 0) return { heading, paragraphs: ['Không có nhiệm vụ đến hạn trong 14 ngày tới.'] };
  const list = Array.isArray(t.due_soon_list) ? (t.due_soon_list as DueSoonTask[]) : null;
  if (list) {
    return {
      heading,
      table: {
        caption: `Danh sách ${int(list.length)} nhiệm vụ đến hạn trong 14 ngày tới`,
        head: ['TT', 'Văn bản giao', 'Cơ quan chủ trì', 'Nội dung nhiệm vụ', 'Hạn xử lý'],
        numeric: [0],
        widths: ['6%', '20%', '20%', '40%', '14%'],
        rows: list.map((x, i) => [int(i + 1), x.doc_no ?? '', names.name(x.lead_unit), x.title, date(x.due_on)]),
      },
    };
  }
  const units = t.by_unit.filter((u) => u.due_soon > 0).sort((a, b) => b.due_soon - a.due_soon || a.unit_code.localeCompare(b.unit_code));
  return {
    heading,
    paragraphs: [`Có ${int(t.due_soon)} nhiệm vụ đến hạn trong 14 ngày tới.`],
    table: units.length > 1
      ? { caption: 'Số nhiệm vụ đến hạn trong 14 ngày tới theo cơ quan chủ trì', head: ['Cơ quan chủ trì', 'Số nhiệm vụ'], numeric: [1], rows: units.map((u) => [names.name(u.unit_code), int(u.due_soon)]) }
      : undefined,
  };
}
