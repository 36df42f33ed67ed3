import type { Metrics } from '../metrics/types.ts';
import type { UnitNames } from './context.ts';
import { int, monthShort, pct, pctTarget, periodName, ppText, sameTimeLastYear } from './format.ts';
import type { Block, ChartFn, Section } from './view.ts';

export async function onlineSection(m: Metrics, names: UnitNames, chart: ChartFn): Promise<Section> {
  const section: Section = { numeral: '', title: 'DỊCH VỤ CÔNG TRỰC TUYẾN', empty: null, blocks: [] };
  const o = m.online;
  if (!o || o.received === 0) {
    section.empty = `Không có số liệu hồ sơ thủ tục hành chính của ${m.scope.name} trong ${periodName(m.period.id)}.`;
    return section;
  }
  const target = o.target?.online_ratio ?? null;
  const since = sameTimeLastYear(m.period.id);
  const facts = [
    `Trong kỳ tiếp nhận ${int(o.received)} hồ sơ, trong đó ${int(o.received_online)} hồ sơ trực tuyến${o.online_ratio === null ? '' : ` (${pct(o.online_ratio)}${target === null ? '' : `; chỉ tiêu ${pctTarget(target)}`})`}.`,
  ];
  if (o.resolved > 0 && o.on_time_rate !== null) facts.push(`Đã giải quyết ${int(o.resolved)} hồ sơ, trong đó ${int(o.resolved_on_time)} hồ sơ đúng hạn (${pct(o.on_time_rate)}).`);
  if (o.online_payment_ratio !== null) facts.push(`Tỷ lệ hồ sơ thanh toán trực tuyến: ${pct(o.online_payment_ratio)}.`);
  const d = o.delta.online_ratio;
  if (d !== null) facts.push(`So với ${since}, tỷ lệ hồ sơ tiếp nhận trực tuyến ${Math.round(d * 1000) === 0 ? 'không đổi' : `${d > 0 ? 'tăng' : 'giảm'} ${ppText(d)}`}.`);
  const general: Block = { paragraphs: facts };
  const targetData = target === null ? [] : [{ target, label: `Chỉ tiêu ${pctTarget(target)}` }];
  const months = o.monthly.filter((x) => x.online_ratio !== null);
  if (months.length > 1) {
    general.chart = await chart('truc-tuyen-theo-thang', 'online-monthly', 'Tỷ lệ hồ sơ tiếp nhận trực tuyến theo tháng', {
      rows: months.map((x, i) => ({ month_label: monthShort(x.month).replace('/', '|'), order: i, ratio: x.online_ratio, ratio_label: pct(x.online_ratio!) })),
      target: targetData,
    });
  }
  section.blocks.push(general);
  const units = o.by_unit.filter((u) => u.online_ratio !== null);
  if (units.length > 1) {
    section.blocks.push({
      chart: await chart('truc-tuyen-theo-don-vi', 'online-by-unit', 'Tỷ lệ hồ sơ tiếp nhận trực tuyến theo cơ quan, đơn vị', {
        rows: [...units].sort((a, b) => b.online_ratio! - a.online_ratio! || a.unit_code.localeCompare(b.unit_code)).map((u, i) => ({
          label: names.label(u.unit_code),
          order: i,
          ratio: u.online_ratio,
          ratio_label: pct(u.online_ratio!),
          below: target !== null && u.online_ratio! < target ? 'Chưa đạt chỉ tiêu' : 'Đạt chỉ tiêu',
        })),
        target: targetData,
      }),
    });
  }
  const measures = [
    ['Tỷ lệ tiếp nhận trực tuyến', 'online_ratio'],
    ['Tỷ lệ trực tuyến (TTHC có DVC)', 'online_ratio_eligible'],
    ['Tỷ lệ giải quyết đúng hạn', 'on_time_rate'],
    ['Tỷ lệ thanh toán trực tuyến', 'online_payment_ratio'],
  ] as const;
  const pairs = measures.filter(([, k]) => o[k] !== null && o.previous[k] !== null);
  if (pairs.length > 0) {
    const before = periodName(`${Number(m.period.id.slice(0, 4)) - 1}${m.period.id.slice(4)}`);
    section.blocks.push({
      chart: await chart('truc-tuyen-cung-ky', 'online-compare', `Kỳ báo cáo so với ${since}`, {
        rows: pairs.flatMap(([label, k], i) => [
          { measure: label, measure_order: i, when: before, when_order: 0, value: o.previous[k], value_label: pct(o.previous[k]!) },
          { measure: label, measure_order: i, when: periodName(m.period.id), when_order: 1, value: o[k], value_label: pct(o[k]!) },
        ]),
      }),
    });
  }
  return section;
}
