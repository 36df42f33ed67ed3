import type { Metrics } from '../metrics/types.ts';
import type { UnitNames } from './context.ts';
import { dueSoonDays } from './findings.ts';
import { date, int, pct } from './format.ts';
import type { Block, Section, SectionFn } from './view.ts';
import { alphabetical, extremes, gapLabel, groupByKind, isUnit, unitLabel, unitName } from './view-units.ts';
import { TASK_STATES } from './vocab.ts';

type UnitTasks = Metrics['tasks']['by_unit'][number];

export const tasksSection: SectionFn = async (m, ctx, names, chart, annex) => {
  const t = m.tasks;
  const section: Section = { numeral: '', title: 'TÌNH HÌNH THỰC HIỆN NHIỆM VỤ ĐƯỢC GIAO', empty: null, blocks: [] };
  if (t.total === 0) {
    section.empty = `Không có nhiệm vụ được giao cho ${m.scope.name} tính đến ngày ${date(m.period.as_of)}.`;
    return section;
  }
  section.blocks.push({
    heading: '1. Kết quả chung',
    paragraphs: [
      `Tính đến ngày ${date(m.period.as_of)}, tổng số nhiệm vụ được giao là ${int(t.total)} nhiệm vụ (trong kỳ giao mới ${int(t.assigned)}, hoàn thành ${int(t.completed)}); đã hoàn thành ${int(t.done_on_time + t.done_late)} nhiệm vụ (${int(t.done_on_time)} đúng hạn, ${int(t.done_late)} quá hạn); đang thực hiện trong hạn ${int(t.in_progress)}; quá hạn chưa hoàn thành ${int(t.overdue)}.`,
    ],
  });
  const rows = t.by_unit as (UnitTasks & { unit_code: string | null })[];
  if (rows.filter((u) => u.total > 0).length > 1) {
    const groups = groupByKind(rows, ctx);
    for (const g of groups) {
      const active = g.rows.filter((u) => u.total > 0);
      if (active.length === 0) continue;
      const block: Block = groups.length > 1 ? { subheading: g.title } : {};
      // Equal rates: fewer overdue, then more tasks, ranks higher (10/10 done above 1/1; 0/5 below 0/1).
      const cut = extremes(
        g.rows,
        (u) => (u.total > 0 ? u.completion_rate : null),
        names,
        (a, b) => a.overdue - b.overdue || b.total - a.total,
      );
      // The split row is no unit and may count more than all communes together: it is left out
      // of the chart (whose bars it would flatten) and stated under it.
      const split = g.rows.find((u) => u.unit_code === null && u.total > 0);
      const splitText = split
        ? `${int(split.total)} nhiệm vụ của các đơn vị đã chia tách (${int(split.done_on_time + split.done_late)} đã hoàn thành, ${int(split.overdue)} quá hạn) không tính riêng cho đơn vị nào và không có trong biểu đồ.`
        : '';
      let order: ((typeof rows)[number] | null)[];
      let caption = 'Tình trạng thực hiện nhiệm vụ theo cơ quan, đơn vị';
      if (cut.cut) {
        order = cut.shown;
        caption += ` (${g.title.toLowerCase()}): các đơn vị có tỷ lệ hoàn thành cao nhất và thấp nhất`;
        const n = annex.add(
          `Nhiệm vụ theo đơn vị ${g.title.toLowerCase()}`,
          tasksTable(
            g.rows,
            names,
            `Kết quả thực hiện nhiệm vụ của ${int(g.rows.filter(isUnit).length)} ${g.noun}, xếp theo tên`,
          ),
        );
        block.note = [
          cut.between > 0 ? `Giữa nhóm cao nhất và nhóm thấp nhất còn ${int(cut.between)} đơn vị.` : '',
          splitText,
          `Số liệu của từng đơn vị (${int(g.rows.filter(isUnit).length)} ${g.noun}) tại Phụ lục, mục ${n}, xếp theo tên.`,
        ]
          .filter(Boolean)
          .join(' ');
      } else {
        // Most overdue first: the units the committee will ask about head the chart.
        order = active
          .filter((u) => u.unit_code !== null)
          .sort(
            (a, b) =>
              b.overdue - a.overdue || b.total - a.total || (a.unit_code ?? '').localeCompare(b.unit_code ?? ''),
          );
        if (groups.length > 1) caption += ` (${g.title.toLowerCase()})`;
        const idle = g.rows.filter(isUnit).length - order.length;
        const note = [idle > 0 ? `${int(idle)} ${g.noun} không có nhiệm vụ trong phạm vi báo cáo.` : '', splitText]
          .filter(Boolean)
          .join(' ');
        if (note) block.note = note;
      }
      block.chart = await chart(`nhiem-vu-${g.slug}`, 'tasks-by-unit', caption, {
        rows: order.flatMap((u, i) =>
          TASK_STATES.map((s, k) => ({
            label: u === null ? gapLabel(cut.between) : unitLabel(names, u.unit_code),
            sort: i,
            state_label: s.label,
            state_order: k,
            count: u === null ? 0 : u[s.key],
          })),
        ),
      });
      section.blocks.push(block);
    }
  }
  section.blocks.push(
    t.overdue_list.length === 0
      ? { heading: '2. Nhiệm vụ quá hạn', paragraphs: ['Không có nhiệm vụ quá hạn.'] }
      : {
          heading: '2. Nhiệm vụ quá hạn',
          table: overdueTable(m, names),
        },
  );
  section.blocks.push(dueSoon(m, names));
  return section;
};

/** A local government's full name: `UBND xã Cần Đăng` → level `xã`, place `Cần Đăng`. */
const LOCAL = /^UBND (xã|phường|đặc khu|thị trấn|thị xã|huyện|thành phố) (.+)$/;
const LEVELS = ['xã', 'phường', 'đặc khu', 'thị trấn', 'thị xã', 'huyện', 'thành phố'];

/**
 * Many full names in one cell, the way a notice addresses them: other bodies by name, then the
 * local governments once, `17 đơn vị: Sở Nội vụ; UBND các xã, phường: Cần Đăng, …`, or
 * `UBND 10 xã: Giồng Riềng, …` when all are; so 17 units stay a few lines.
 */
function manyUnits(full: string[]): string {
  const cmp = (a: string, b: string) => a.localeCompare(b, 'vi');
  const bodies: string[] = [];
  const places: string[] = [];
  const levels = new Set<string>();
  for (const n of full) {
    const x = LOCAL.exec(n);
    if (x) {
      levels.add(x[1]!);
      places.push(x[2]!);
    } else bodies.push(n);
  }
  const level = LEVELS.filter((l) => levels.has(l)).join(', ');
  places.sort(cmp);
  if (bodies.length === 0) return `UBND ${int(places.length)} ${level}: ${places.join(', ')}`;
  const parts = [bodies.sort(cmp).join(', ')];
  if (places.length === 1) parts.push(`UBND ${level} ${places[0]}`);
  else if (places.length > 1) parts.push(`UBND các ${level}: ${places.join(', ')}`);
  return `${int(full.length)} đơn vị: ${parts.join('; ')}`;
}

/**
 * The overdue list, one row per task; the same task of one notice given to many units (a notice
 * asking every commune for its plan) is one row naming them all, so 102 communes do not make
 * 102 rows. The list keeps its order (most days overdue first).
 */
function overdueTable(m: Metrics, names: UnitNames): NonNullable<Block['table']> {
  const t = m.tasks;
  const rows = new Map<string, { doc: string; title: string; due: string; days: number; units: string[] }>();
  for (const x of t.overdue_list) {
    const key = JSON.stringify([x.doc_no, x.title, x.due_on]);
    const row = rows.get(key) ?? {
      doc: x.doc_no ?? '',
      title: x.title,
      due: x.due_on,
      days: x.days_overdue,
      units: [],
    };
    row.units.push(x.lead_unit);
    rows.set(key, row);
  }
  const grouped = rows.size < t.overdue_list.length;
  const cmp = (a: string, b: string) => a.localeCompare(b, 'vi');
  // Up to three units by full name; more after the count, still by full name (short names are for charts).
  const lead = (units: string[]) =>
    units.length === 1
      ? names.name(units[0]!)
      : units.length <= 3
        ? units
            .map((u) => names.name(u))
            .sort(cmp)
            .join('; ')
        : manyUnits(units.map((u) => names.name(u)));
  return {
    caption: `Danh sách ${int(t.overdue_list.length)} nhiệm vụ quá hạn (tính đến ngày ${date(m.period.as_of)})${grouped ? '; nhiệm vụ giống nhau của nhiều cơ quan, đơn vị ghi chung một dòng' : ''}`,
    head: ['TT', 'Văn bản giao', 'Cơ quan chủ trì', 'Nội dung nhiệm vụ', 'Hạn xử lý', 'Số ngày quá hạn'],
    numeric: [0, 5],
    ids: [1],
    // The document column is as wide as its longest number (ids never wrap), a quarter of the page holds GL-KG-01/TB-VPUBND at 11 pt.
    widths: grouped ? ['5%', '25%', '26%', '23%', '11%', '10%'] : ['5%', '25%', '20%', '29%', '11%', '10%'],
    rows: [...rows.values()].map((r, i) => [int(i + 1), r.doc, lead(r.units), r.title, date(r.due), int(r.days)]),
  };
}

function tasksTable(
  rows: (UnitTasks & { unit_code: string | null })[],
  names: UnitNames,
  caption: string,
): NonNullable<Block['table']> {
  return {
    caption,
    head: ['TT', 'Đơn vị', 'Tổng số', 'Đã hoàn thành', 'Đang thực hiện', 'Quá hạn', 'Tỷ lệ hoàn thành'],
    numeric: [0, 2, 3, 4, 5, 6],
    widths: ['7%', '37%', '11%', '12%', '12%', '9%', '12%'],
    rows: alphabetical(rows, names).map((u, i) => [
      int(i + 1),
      unitName(names, u.unit_code),
      int(u.total),
      int(u.done_on_time + u.done_late),
      int(u.in_progress),
      int(u.overdue),
      u.completion_rate === null ? '' : pct(u.completion_rate),
    ]),
  };
}

/** The list when metrics carries one (`due_soon_list`; older files lack it), else the count per unit. */
function dueSoon(m: Metrics, names: UnitNames): Block {
  const days = int(dueSoonDays(m));
  const heading = `3. Nhiệm vụ đến hạn trong ${days} ngày tới`;
  const t = m.tasks;
  if (t.due_soon === 0) return { heading, paragraphs: [`Không có nhiệm vụ đến hạn trong ${days} ngày tới.`] };
  const list = t.due_soon_list ?? null;
  if (list) {
    return {
      heading,
      table: {
        caption: `Danh sách ${int(list.length)} nhiệm vụ đến hạn trong ${days} ngày tới`,
        head: ['TT', 'Văn bản giao', 'Cơ quan chủ trì', 'Nội dung nhiệm vụ', 'Hạn xử lý'],
        numeric: [0],
        ids: [1],
        widths: ['5%', '25%', '20%', '39%', '11%'],
        rows: list.map((x, i) => [int(i + 1), x.doc_no ?? '', names.name(x.lead_unit), x.title, date(x.due_on)]),
      },
    };
  }
  const units = (t.by_unit as (UnitTasks & { unit_code: string | null })[])
    .filter((u) => u.due_soon > 0)
    .sort((a, b) => b.due_soon - a.due_soon || (a.unit_code ?? '\uffff').localeCompare(b.unit_code ?? '\uffff'));
  return {
    heading,
    paragraphs: [`Có ${int(t.due_soon)} nhiệm vụ đến hạn trong ${days} ngày tới.`],
    table:
      units.length > 1
        ? {
            caption: `Số nhiệm vụ đến hạn trong ${days} ngày tới theo cơ quan chủ trì`,
            head: ['Cơ quan chủ trì', 'Số nhiệm vụ'],
            numeric: [1],
            rows: units.map((u) => [unitName(names, u.unit_code), int(u.due_soon)]),
          }
        : undefined,
  };
}
