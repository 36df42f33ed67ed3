import { AREAS } from '../schema.ts';
import { criteriaSummary } from './findings.ts';
import { date, int, num } from './format.ts';
import type { Block, Section, SectionFn } from './view.ts';
import { alphabetical, extremes, gapLabel, groupByKind } from './view-units.ts';
import { areaShort } from './vocab.ts';

export const criteriaSection: SectionFn = async (m, ctx, names, chart, annex) => {
  const year = Number(m.period.end.slice(0, 4));
  const section: Section = {
    numeral: '',
    title: `KẾT QUẢ TỰ ĐÁNH GIÁ BỘ CHỈ SỐ CCHC NĂM ${year}`,
    empty: null,
    blocks: [],
  };
  if (m.criteria.length === 0) {
    section.empty = `Chưa có kết quả tự đánh giá Bộ chỉ số CCHC năm ${year} tính đến ngày ${date(m.period.as_of)}.`;
    return section;
  }
  const own = m.criteria.find((c) => c.unit_code === m.scope.unit_code);
  // The scope's own assessment when it has one; otherwise the assessed units added up by area
  // (metrics.json `criteria_totals`, added up in SQL; absent from older files, which skip the chart).
  const byArea = own ? own.by_area : (m.criteria_totals?.by_area ?? []);
  const areas = new Map(byArea.map((a) => [a.area, { points: a.points, risk: a.points_at_risk, lost: a.points_lost }]));
  const text = own
    ? [`${m.scope.name} ${criteriaSummary(own)}.`]
    : [`Có ${int(m.criteria.length)} cơ quan, đơn vị đã tự đánh giá.`];
  const block: Block = { paragraphs: text };
  if (areas.size > 0) {
    block.chart = await chart(
      'tieu-chi-theo-linh-vuc',
      'criteria-by-area',
      `Điểm đạt, điểm có nguy cơ không đạt và điểm bị trừ theo lĩnh vực${own ? '' : ' (cộng các đơn vị)'}`,
      {
        rows: [...areas]
          .sort(([a], [b]) => areaOrder(a) - areaOrder(b))
          .flatMap(([area, x], i) => [
            { label: areaShort(area), area_order: i, part: 'Điểm đạt', part_order: 0, points: x.points },
            { label: areaShort(area), area_order: i, part: 'Có nguy cơ không đạt', part_order: 1, points: x.risk },
            { label: areaShort(area), area_order: i, part: 'Điểm bị trừ', part_order: 2, points: x.lost },
          ]),
      },
    );
  }
  section.blocks.push(block);
  if (m.criteria.length > 1) {
    const groups = groupByKind(m.criteria, ctx);
    const of = int(m.criteria.length);
    for (const g of groups) {
      if (g.rows.length === 0) continue;
      const ranked = [...g.rows].sort((a, b) => a.rank - b.rank || a.unit_code.localeCompare(b.unit_code));
      const cut = extremes(g.rows, (c) => c.points, names);
      const table = (rows: typeof ranked, caption: string): NonNullable<Block['table']> => ({
        caption,
        head: ['Hạng', 'Cơ quan, đơn vị', 'Tiêu chí đạt', 'Điểm', 'Nguy cơ không đạt', 'Điểm bị trừ'],
        numeric: [0, 2, 3, 4, 5],
        rows: rows.map((c) => [
          `${int(c.rank)}/${of}`,
          names.name(c.unit_code),
          `${int(c.achieved)}/${int(c.total)}`,
          `${num(c.points)}/${num(c.max_points)}`,
          num(c.points_at_risk),
          num(c.points_lost),
        ]),
      });
      const kindText = groups.length > 1 || cut.cut ? ` (${g.title.toLowerCase()})` : '';
      const block: Block = groups.length > 1 ? { subheading: g.title } : {};
      block.chart = await chart(
        `tieu-chi-xep-hang-${g.slug}`,
        'criteria-ranking',
        `Xếp hạng các cơ quan, đơn vị theo điểm tự đánh giá${kindText}${cut.cut ? ': các đơn vị cao nhất và thấp nhất' : ''}`,
        {
          rows: (cut.cut ? cut.shown : ranked).map((c, i) =>
            c === null
              ? { label: gapLabel(cut.between), points: null, points_label: '', rank: i }
              : {
                  label: names.label(c.unit_code),
                  points: c.points,
                  points_label: `${num(c.points)}/${num(c.max_points)}`,
                  rank: i,
                },
          ),
        },
      );
      if (cut.cut) {
        const n = annex.add(
          `Kết quả tự đánh giá Bộ chỉ số CCHC ${g.title.toLowerCase()}`,
          table(alphabetical(g.rows, names), `Kết quả tự đánh giá của ${int(g.rows.length)} ${g.noun}, xếp theo tên`),
        );
        block.note = `${cut.between > 0 ? `Giữa nhóm cao nhất và nhóm thấp nhất còn ${int(cut.between)} đơn vị. ` : ''}Kết quả của từng đơn vị tại Phụ lục, mục ${n}, xếp theo tên.`;
      } else {
        block.table = table(ranked, `Kết quả tự đánh giá theo cơ quan, đơn vị${kindText}`);
      }
      section.blocks.push(block);
    }
  }
  return section;
};

/** Areas in the order of the Bộ chỉ số (the contract's list), not alphabetically by code. */
function areaOrder(area: string): number {
  const i = (AREAS as readonly string[]).indexOf(area);
  return i < 0 ? AREAS.length : i;
}
