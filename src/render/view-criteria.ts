import type { Metrics } from '../metrics/types.ts';
import { AREAS } from '../schema.ts';
import type { UnitNames } from './context.ts';
import { criteriaSummary } from './findings.ts';
import { date, int, num } from './format.ts';
import type { ChartFn, Section, Block } from './view.ts';
import { areaShort } from './vocab.ts';

export async function criteriaSection(m: Metrics, names: UnitNames, chart: ChartFn): Promise<Section> {
  const year = Number(m.period.end.slice(0, 4));
  const section: Section = { numeral: '', title: `KẾT QUẢ TỰ ĐÁNH GIÁ BỘ CHỈ SỐ CCHC NĂM ${year}`, empty: null, blocks: [] };
  if (m.criteria.length === 0) {
    section.empty = `Chưa có kết quả tự đánh giá Bộ chỉ số CCHC năm ${year} tính đến ngày ${date(m.period.as_of)}.`;
    return section;
  }
  const own = m.criteria.find((c) => c.unit_code === m.scope.unit_code);
  // The scope's own assessment when it has one; otherwise the assessed units added up by area.
  const areas = new Map<string, { points: number; risk: number; lost: number }>();
  for (const c of own ? [own] : m.criteria) {
    for (const a of c.by_area) {
      const x = areas.get(a.area) ?? { points: 0, risk: 0, lost: 0 };
      x.points += a.points;
      x.risk += a.points_at_risk;
      x.lost += a.points_lost;
      areas.set(a.area, x);
    }
  }
  const text = own
    ? [`${m.scope.name} ${criteriaSummary(own)}.`]
    : [`Có ${int(m.criteria.length)} cơ quan, đơn vị đã tự đánh giá.`];
  const block: Block = { paragraphs: text };
  if (areas.size > 0) {
    block.chart = await chart('tieu-chi-theo-linh-vuc', 'criteria-by-area', `Điểm đạt, điểm có nguy cơ không đạt và điểm bị trừ theo lĩnh vực${own ? '' : ' (cộng các đơn vị)'}`, {
      rows: [...areas].sort(([a], [b]) => areaOrder(a) - areaOrder(b)).flatMap(([area, x], i) => [
        { label: areaShort(area), area_order: i, part: 'Điểm đạt', part_order: 0, points: x.points },
        { label: areaShort(area), area_order: i, part: 'Có nguy cơ không đạt', part_order: 1, points: x.risk },
        { label: areaShort(area), area_order: i, part: 'Điểm bị trừ', part_order: 2, points: x.lost },
      ]),
    });
  }
  section.blocks.push(block);
  if (m.criteria.length > 1) {
    const ranked = [...m.criteria].sort((a, b) => a.rank - b.rank || a.unit_code.localeCompare(b.unit_code));
    section.blocks.push({
      chart: await chart('tieu-chi-xep-hang', 'criteria-ranking', 'Xếp hạng các cơ quan, đơn vị theo điểm tự đánh giá', {
        rows: ranked.map((c, i) => ({ label: names.label(c.unit_code), points: c.points, points_label: `${num(c.points)}/${num(c.max_points)}`, rank: i })),
      }),
      table: {
        caption: 'Kết quả tự đánh giá theo cơ quan, đơn vị',
        head: ['Hạng', 'Cơ quan, đơn vị', 'Tiêu chí đạt', 'Điểm', 'Nguy cơ không đạt', 'Điểm bị trừ'],
        numeric: [0, 2, 3, 4, 5],
        rows: ranked.map((c) => [int(c.rank), names.name(c.unit_code), `${int(c.achieved)}/${int(c.total)}`, `${num(c.points)}/${num(c.max_points)}`, num(c.points_at_risk), num(c.points_lost)]),
      },
    });
  }
  return section;
}

/** Areas in the order of the Bộ chỉ số (the contract's list), not alphabetically by code. */
function areaOrder(area: string): number {
  const i = (AREAS as readonly string[]).indexOf(area);
  return i < 0 ? AREAS.length : i;
}
