import type { OnlineFigures } from '../metrics/types.ts';
import type { UnitNames } from './context.ts';
import { int, monthShort, pct, pctTarget, periodName, ppText, sameTimeLastYear } from './format.ts';
import type { Block, Section, SectionFn } from './view.ts';
import { comparedFigures, figureTiles, valueOf } from './view-figures.ts';
import {
  alphabetical,
  extremes,
  fullOnline,
  gapLabel,
  groupByKind,
  isUnit,
  unitLabel,
  unitName,
} from './view-units.ts';

type UnitOnline = OnlineFigures & { unit_code: string | null };

const ONLINE = 'Tiếp nhận trực tuyến';
const FULL = 'Trực tuyến toàn trình';

export const onlineSection: SectionFn = async (m, ctx, names, chart, annex) => {
  const section: Section = { numeral: '', title: 'DỊCH VỤ CÔNG TRỰC TUYẾN', empty: null, blocks: [] };
  const o = m.online;
  if (!o || o.received === 0) {
    section.empty = `Không có số liệu hồ sơ thủ tục hành chính của ${m.scope.name} trong ${periodName(m.period.id)}.`;
    return section;
  }
  const target = o.target?.online_ratio ?? null;
  const since = sameTimeLastYear(m.period.id);
  const full = fullOnline(o);
  const facts = [
    `Trong kỳ tiếp nhận ${int(o.received)} hồ sơ, trong đó ${int(o.received_online)} hồ sơ trực tuyến${o.online_ratio === null ? '' : ` (${pct(o.online_ratio)}${target === null ? '' : `; chỉ tiêu ${pctTarget(target)}`})`}${full === null ? '' : `; tỷ lệ hồ sơ trực tuyến toàn trình đạt ${pct(full)}`}.`,
  ];
  if (o.resolved > 0 && o.on_time_rate !== null)
    facts.push(
      `Đã giải quyết ${int(o.resolved)} hồ sơ, trong đó ${int(o.resolved_on_time)} hồ sơ đúng hạn (${pct(o.on_time_rate)}).`,
    );
  if (o.online_payment_ratio !== null) facts.push(`Tỷ lệ hồ sơ thanh toán trực tuyến: ${pct(o.online_payment_ratio)}.`);
  const d = o.delta.online_ratio;
  if (d !== null)
    facts.push(
      `So với ${since}, tỷ lệ hồ sơ tiếp nhận trực tuyến ${Math.round(d * 1000) === 0 ? 'không đổi' : `${d > 0 ? 'tăng' : 'giảm'} ${ppText(d)}`}.`,
    );
  const general: Block = { paragraphs: facts };
  const tiles = figureTiles(m, 'online', 'online');
  if (tiles.length > 0) general.tiles = tiles;
  const targetData = target === null ? [] : [{ target, label: `Chỉ tiêu ${pctTarget(target)}` }];
  const months = o.monthly.filter((x) => x.online_ratio !== null);
  if (months.length > 1) {
    const fullMonths = months.filter((x) => fullOnline(x) !== null);
    general.chart = await chart(
      'truc-tuyen-theo-thang',
      'online-monthly',
      `Tỷ lệ hồ sơ tiếp nhận trực tuyến${fullMonths.length > 0 ? ' (cột) và tỷ lệ hồ sơ trực tuyến toàn trình (đường)' : ''} theo tháng`,
      {
        rows: months.map((x, i) => ({
          month_label: monthShort(x.month).replace('/', '|'),
          order: i,
          series: ONLINE,
          ratio: x.online_ratio,
          ratio_label: pct(x.online_ratio!),
        })),
        full: months.flatMap((x, i) =>
          fullOnline(x) === null
            ? []
            : [{ month_label: monthShort(x.month).replace('/', '|'), order: i, series: FULL, ratio: fullOnline(x) }],
        ),
        target: targetData,
      },
    );
  }
  section.blocks.push(general);
  const byUnit = o.by_unit as UnitOnline[];
  if (byUnit.filter((u) => u.online_ratio !== null).length > 1) {
    const groups = groupByKind(byUnit, ctx);
    for (const g of groups) {
      const cut = extremes(
        g.rows,
        (u) => u.online_ratio,
        names,
        (a, b) => b.received - a.received,
      );
      if (cut.shown.length === 0) continue;
      const block: Block = groups.length > 1 ? { subheading: g.title } : {};
      let caption = 'Tỷ lệ hồ sơ tiếp nhận trực tuyến theo cơ quan, đơn vị';
      if (groups.length > 1 || cut.cut) caption += ` (${g.title.toLowerCase()})`;
      if (cut.cut) {
        caption += ': các đơn vị cao nhất và thấp nhất';
        const n = annex.add(
          `Dịch vụ công trực tuyến theo đơn vị ${g.title.toLowerCase()}`,
          onlineTable(
            g.rows,
            names,
            `Hồ sơ tiếp nhận và giải quyết của ${int(g.rows.filter(isUnit).length)} ${g.noun}, xếp theo tên`,
          ),
        );
        block.note = `${cut.between > 0 ? `Giữa nhóm cao nhất và nhóm thấp nhất còn ${int(cut.between)} đơn vị. ` : ''}Số liệu của từng đơn vị tại Phụ lục, mục ${n}, xếp theo tên.`;
      }
      const split = g.rows.filter((u) => u.unit_code === null && u.online_ratio !== null);
      block.chart = await chart(`truc-tuyen-${g.slug}`, 'online-by-unit', caption, {
        rows: [...cut.shown, ...split].map((u, i) =>
          u === null
            ? { label: gapLabel(cut.between), order: i, ratio: null, ratio_label: '', below: 'Đạt chỉ tiêu' }
            : {
                label: unitLabel(names, u.unit_code),
                order: i,
                ratio: u.online_ratio,
                ratio_label: pct(u.online_ratio!),
                below: target !== null && u.online_ratio! < target ? 'Chưa đạt chỉ tiêu' : 'Đạt chỉ tiêu',
              },
        ),
        target: targetData,
      });
      section.blocks.push(block);
    }
  }
  const pairs = comparedFigures(m);
  if (pairs.length > 0) {
    const before = periodName(`${Number(m.period.id.slice(0, 4)) - 1}${m.period.id.slice(4)}`);
    const side = (f: (typeof pairs)[number], x: object, when: string, when_order: number, i: number) => {
      const value = valueOf(x, f.key)!;
      return { measure: f.label, measure_order: i, when, when_order, value, value_label: f.format(value) };
    };
    section.blocks.push({
      chart: await chart('truc-tuyen-cung-ky', 'online-compare', `Kỳ báo cáo so với ${since}`, {
        rows: pairs.flatMap((f, i) => [side(f, o.previous, before, 0, i), side(f, o, periodName(m.period.id), 1, i)]),
      }),
    });
  }
  return section;
};

function onlineTable(rows: UnitOnline[], names: UnitNames, caption: string): NonNullable<Block['table']> {
  const withFull = rows.some((u) => fullOnline(u) !== null);
  const ratio = (x: number | null) => (x === null ? '' : pct(x));
  return {
    caption,
    head: [
      'TT',
      'Đơn vị',
      'Hồ sơ tiếp nhận',
      'Trực tuyến',
      'Tỷ lệ trực tuyến',
      ...(withFull ? ['Tỷ lệ toàn trình'] : []),
      'Giải quyết đúng hạn',
    ],
    numeric: withFull ? [0, 2, 3, 4, 5, 6] : [0, 2, 3, 4, 5],
    widths: withFull ? ['7%', '33%', '12%', '11%', '12%', '12%', '13%'] : ['7%', '39%', '13%', '12%', '14%', '15%'],
    rows: alphabetical(rows, names).map((u, i) => [
      int(i + 1),
      unitName(names, u.unit_code),
      int(u.received),
      int(u.received_online),
      ratio(u.online_ratio),
      ...(withFull ? [ratio(fullOnline(u))] : []),
      ratio(u.on_time_rate),
    ]),
  };
}
