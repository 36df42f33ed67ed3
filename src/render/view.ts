import type { IndexMetric, Metrics } from '../metrics/types.ts';
import { AREAS } from '../schema.ts';
import type { ChartRenderer, Datasets } from './charts.ts';
import { unitNames, type BriefContext, type PeerScore, type UnitNames } from './context.ts';
import { criteriaSummary, findings, headlineIndices, recommendations } from './findings.ts';
import { arrow, date, dateTime, int, monthShort, num, pct, pctTarget, periodName, placeDate, pp, ppText, roman, sameTimeLastYear, score } from './format.ts';
import type { DocumentHeader } from './options.ts';
import { INDEX_ORDER, TASK_STATES, areaShort, componentName, indexName, indexShort } from './vocab.ts';

/**
 * Everything the template prints, already formatted: the template only places strings, so every
 * number format and every "no data" decision is here, testable without a browser.
 */
export interface BriefView {
  header: DocumentHeader & { dateLine: string; subject: string };
  sample: boolean;
  /** Tasks and online services, then one tile per index. */
  tiles: Tile[];
  indexTiles: Tile[];
  findings: string[];
  sections: Section[];
  recommendations: string[];
  appendix: Appendix;
  /** Charts by file name (without .svg); each also sits in a section. */
  charts: Record<string, string>;
}

export interface Tile {
  label: string;
  value: string;
  note: string;
  trend: string | null;
  /** `up` (better), `down` (worse) or empty. */
  trendClass: string;
}

export interface Section {
  numeral: string;
  title: string;
  /** One line instead of the section's body when it has no data. */
  empty: string | null;
  blocks: Block[];
}

export interface Block {
  heading?: string;
  paragraphs?: string[];
  chart?: { file: string; caption: string; svg: string };
  table?: { caption: string; head: string[]; rows: string[][]; numeric: number[]; widths?: string[] };
  note?: string;
}

export interface Appendix {
  asOf: string;
  loadedAt: string | null;
  fingerprint: string | null;
  dataDir: string | null;
  tables: { name: string; files: string; rows: string }[];
  methods: string[];
}

export async function briefView(m: Metrics, ctx: BriefContext, header: DocumentHeader, charts: ChartRenderer): Promise<BriefView> {
  const names = unitNames(ctx, m);
  const drawn: Record<string, string> = {};
  let figure = 0;
  const chart = async (file: string, spec: string, caption: string, data: Datasets) => {
    const svg = await charts.render(spec, data);
    drawn[file] = svg;
    return { file, caption: `Biểu đồ ${++figure}. ${caption}`, svg };
  };
  const scopeText = m.scope.unit_code === rootCode(ctx, m) ? '' : ` của ${m.scope.name}`;
  const sections = [
    await tasksSection(m, names, chart),
    await indicesSection(m, ctx, chart),
    await onlineSection(m, names, chart),
    await criteriaSection(m, names, chart),
  ];
  sections.forEach((s, i) => (s.numeral = roman(i + 2)));
  return {
    header: {
      ...header,
      dateLine: placeDate(header.place, header.date),
      subject: `Tình hình thực hiện nhiệm vụ cải cách hành chính ${periodName(m.period.id)}${scopeText}`,
    },
    sample: ctx.data.sample,
    tiles: tiles(m),
    indexTiles: indexTiles(m),
    findings: findings(m, names),
    sections,
    recommendations: recommendations(m, names),
    appendix: appendix(m, ctx),
    charts: drawn,
  };
}

type ChartFn = (file: string, spec: string, caption: string, data: Datasets) => Promise<NonNullable<Block['chart']>>;

/** The province at the top of the tree: a brief for it needs no "của …" in its subject. */
function rootCode(ctx: BriefContext, m: Metrics): string {
  const withChildren = new Set(ctx.units.map((u) => u.parent_code));
  return ctx.units.find((u) => u.kind === 'province' && withChildren.has(u.unit_code))?.unit_code ?? m.scope.unit_code;
}

function tile(label: string, value: string, note: string, trend: string | null = null, good: boolean | null = null): Tile {
  return { label, value, note, trend, trendClass: good === null ? '' : good ? 'up' : 'down' };
}

function tiles(m: Metrics): Tile[] {
  const t = m.tasks;
  const out: Tile[] = [];
  if (t.total > 0 && t.completion_rate !== null) {
    out.push(
      tile('Hoàn thành nhiệm vụ', pct(t.completion_rate), `${int(t.done_on_time + t.done_late)}/${int(t.total)} nhiệm vụ${t.on_time_rate === null ? '' : `; ${pct(t.on_time_rate)} đúng hạn`}`),
      tile('Nhiệm vụ quá hạn', int(t.overdue), `${t.overdue_rate === null ? '' : `${pct(t.overdue_rate)} tổng số; `}${int(t.due_soon)} đến hạn trong 14 ngày`),
    );
  } else {
    out.push(tile('Nhiệm vụ', '0', 'Không có nhiệm vụ trong phạm vi báo cáo'));
  }
  const o = m.online;
  if (o && o.online_ratio !== null) {
    const target = o.target?.online_ratio ?? null;
    const d = o.delta.online_ratio;
    out.push(tile(
      'Hồ sơ tiếp nhận trực tuyến',
      pct(o.online_ratio),
      target === null ? `${int(o.received_online)}/${int(o.received)} hồ sơ` : `Chỉ tiêu ${pctTarget(target)}`,
      d === null ? null : `${arrow(Math.round(d * 1000) / 1000, pp)} điểm % so với cùng kỳ`,
      d === null || Math.round(d * 1000) === 0 ? null : d > 0,
    ));
  }
  return out;
}

/** The latest score of each index with its rank and movement (rank first: it is what committees track). */
function indexTiles(m: Metrics): Tile[] {
  return headlineIndices(m)
    .filter((x) => x.index_code !== 'PCI')
    .map((i) => {
      const note = i.rank !== null && i.rank_of !== null ? `Hạng ${int(i.rank)}/${int(i.rank_of)}` : i.max_score !== null ? `Thang điểm ${num(i.max_score)}` : '';
      const d = i.delta === null ? null : Math.round(i.delta * 100) / 100;
      const move = i.rank_delta !== null ? `${arrow(i.rank_delta, int)} bậc` : d !== null ? `${arrow(d, score)} điểm` : null;
      const good = i.rank_delta !== null ? (i.rank_delta === 0 ? null : i.rank_delta > 0) : !d ? null : d > 0;
      return tile(`${indexShort(i.index_code)} ${shortPeriod(i.period)}`, score(i.score), note, move, good);
    });
}

function shortPeriod(period: string): string {
  return /^\d{4}-\d{2}$/.test(period) ? monthShort(period) : period;
}

async function tasksSection(m: Metrics, names: UnitNames, chart: ChartFn): Promise<Section> {
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

async function indicesSection(m: Metrics, ctx: BriefContext, chart: ChartFn): Promise<Section> {
  const section: Section = { numeral: '', title: 'CÁC CHỈ SỐ ĐÁNH GIÁ', empty: null, blocks: [] };
  const own = m.indices.filter((i) => i.unit_code === m.scope.unit_code);
  if (m.indices.length === 0) {
    section.empty = `Chưa có kết quả chỉ số đánh giá nào của ${m.scope.name} đến hết ${periodName(m.period.id)}.`;
    return section;
  }
  const totals = new Map(headlineIndices(m).map((i) => [i.index_code, i]));
  const names = unitNames(ctx, m);
  // The five indices are listed (missing ones in one line) only for a scope that is scored itself.
  const codes = own.length === 0 ? [] : [...INDEX_ORDER, ...[...new Set(own.map((i) => i.index_code))].filter((c) => !INDEX_ORDER.includes(c)).sort()];
  let n = 0;
  for (const code of codes) {
    const total = totals.get(code);
    const heading = `${++n}. ${indexName(code)}`;
    if (!total) {
      section.blocks.push({ heading, paragraphs: [`Chưa có kết quả đến hết ${periodName(m.period.id)}.`] });
      continue;
    }
    const block: Block = { heading, paragraphs: [indexLine(total)] };
    if (total.series.length > 1) {
      const { points, caption } = seriesWindow(total);
      block.chart = await chart(`chi-so-${slug(code)}`, 'index-series', `${indexShort(code)} ${caption}`, { rows: points });
    }
    section.blocks.push(block);
    const parts = own.filter((i) => i.index_code === code && i.component !== 'TOTAL');
    if (parts.length > 0) section.blocks.push(await componentsBlock(code, parts, ctx.peers, m, chart));
    const peers = ctx.peers.filter((p) => p.index_code === code && p.component === 'TOTAL' && p.period === total.period);
    if (peers.length >= 5) section.blocks.push(await positionBlock(total, peers, m, chart));
  }
  const below = belowBlock(m, names, n + 1);
  if (below) section.blocks.push(below);
  return section;
}

/** Scores of units below the scope (e.g. a district index of each district), one table row each. */
function belowBlock(m: Metrics, names: UnitNames, n: number): Block | null {
  const rows = m.indices
    .filter((i) => i.unit_code !== m.scope.unit_code && i.component === 'TOTAL')
    .sort((a, b) => a.index_code.localeCompare(b.index_code) || (a.rank ?? Infinity) - (b.rank ?? Infinity) || b.score - a.score || a.unit_code.localeCompare(b.unit_code));
  if (rows.length === 0) return null;
  return {
    heading: `${n}. Kết quả chỉ số của các cơ quan, đơn vị trực thuộc`,
    table: {
      caption: 'Điểm và thứ hạng mới nhất của các cơ quan, đơn vị',
      head: ['Chỉ số', 'Cơ quan, đơn vị', 'Kỳ', 'Điểm', 'Xếp hạng', 'So với kỳ trước'],
      numeric: [3, 4, 5],
      rows: rows.map((i) => [
        indexShort(i.index_code),
        names.name(i.unit_code),
        shortPeriod(i.period),
        score(i.score),
        i.rank !== null && i.rank_of !== null ? `${int(i.rank)}/${int(i.rank_of)}` : '',
        i.delta === null ? '' : arrow(Math.round(i.delta * 100) / 100, score),
      ]),
    },
  };
}

/** Yearly indices show their last 6 years, monthly ones their last 12 months. */
const SERIES_WINDOW = { year: 6, month: 12 };
/** Above this many points, rank labels and every score label would collide: keep only the telling ones. */
const LABEL_ALL_UP_TO = 7;

/**
 * The points of an index chart. Long series are cut to a recent window (PAPI totals before 2018
 * add up 6 dimensions instead of 8 and would not compare anyway); crowded ones label only the
 * first, last, highest and lowest scores.
 */
function seriesWindow(i: IndexMetric) {
  const monthly = /^\d{4}-\d{2}$/.test(i.period);
  const window = monthly ? SERIES_WINDOW.month : SERIES_WINDOW.year;
  const series = i.series.slice(-window);
  const crowded = series.length > LABEL_ALL_UP_TO;
  const scores = series.map((p) => p.score);
  const telling = new Set([0, series.length - 1, scores.indexOf(Math.max(...scores)), scores.indexOf(Math.min(...scores))]);
  // '|' breaks an axis label in two lines (see index-series.vl.json).
  const when = (p: string) => (monthly ? monthShort(p).replace('/', '|') : p);
  const points = series.map((p, k) => ({
    order: k,
    period_label: !crowded && p.rank !== null && p.rank_of !== null ? `${when(p.period)}|hạng ${int(p.rank)}/${int(p.rank_of)}` : when(p.period),
    score: p.score,
    score_label: !crowded || telling.has(k) ? score(p.score) : '',
  }));
  const span = i.series.length > series.length ? ` ${series.length} ${monthly ? 'tháng' : 'năm'} gần nhất` : ' qua các kỳ';
  return { points, caption: `${span.trim()}: điểm${crowded ? '' : ' và thứ hạng'}` };
}

function indexLine(i: IndexMetric): string {
  let s = `Kết quả ${periodName(i.period)}: ${score(i.score)}${i.max_score !== null ? `/${num(i.max_score)}` : ''} điểm`;
  if (i.rank !== null && i.rank_of !== null) s += `, xếp hạng ${int(i.rank)}/${int(i.rank_of)}${i.rank_computed ? ' (thứ hạng tính từ số liệu)' : ''}`;
  if (i.prev_period !== null && i.delta !== null) {
    const d = Math.round(i.delta * 100) / 100;
    s += `; so với ${periodName(i.prev_period)} ${d === 0 ? 'không đổi' : `${d > 0 ? 'tăng' : 'giảm'} ${score(Math.abs(d))} điểm`}`;
    if (i.rank_delta !== null) s += i.rank_delta === 0 ? ', giữ nguyên thứ hạng' : `, ${i.rank_delta > 0 ? 'tăng' : 'giảm'} ${int(Math.abs(i.rank_delta))} bậc`;
  }
  return s + '.';
}

async function componentsBlock(code: string, parts: IndexMetric[], peers: PeerScore[], m: Metrics, chart: ChartFn): Promise<Block> {
  const sorted = [...parts].sort((a, b) => a.component.localeCompare(b.component, 'en', { numeric: true }));
  const medians = new Map(sorted.map((p) => [p.component, median(peers.filter((x) => x.index_code === code && x.component === p.component && x.period === p.period).map((x) => x.score))]));
  const hasMedian = [...medians.values()].some((v) => v !== null);
  const label = (c: string) => `${c}. ${componentName(code, c)}`;
  const block: Block = {
    table: {
      caption: `Các chỉ số thành phần ${indexShort(code)}`,
      head: ['Chỉ số thành phần', 'Điểm', ...(hasMedian ? ['Trung vị cả nước'] : []), 'Xếp hạng', 'So với kỳ trước'],
      numeric: hasMedian ? [1, 2, 3, 4] : [1, 2, 3],
      rows: sorted.map((p) => {
        const med = medians.get(p.component) ?? null;
        return [
          label(p.component),
          score(p.score),
          ...(hasMedian ? [med === null ? '' : score(med)] : []),
          p.rank !== null && p.rank_of !== null ? `${int(p.rank)}/${int(p.rank_of)}` : '',
          p.delta === null ? '' : arrow(Math.round(p.delta * 100) / 100, score),
        ];
      }),
    },
  };
  if (sorted.some((p) => p.rank_computed)) {
    block.note = 'Thứ hạng các chỉ số thành phần được tính từ điểm của các tỉnh, thành phố có số liệu, không phải thứ hạng công bố.';
  }
  if (hasMedian && code === 'PAPI') {
    block.chart = await chart(`${slug(code)}-thanh-phan`, 'papi-dimensions', `Chỉ số thành phần ${indexShort(code)} ${periodName(sorted[0]!.period)} so với trung vị cả nước`, {
      rows: sorted.flatMap((p, i) => {
        const med = medians.get(p.component);
        return [
          { label: label(p.component), order: i, who: m.scope.name, who_order: 0, score: p.score },
          ...(med == null ? [] : [{ label: label(p.component), order: i, who: 'Trung vị cả nước', who_order: 1, score: med }]),
        ];
      }),
    });
  }
  return block;
}

async function positionBlock(total: IndexMetric, peers: PeerScore[], m: Metrics, chart: ChartFn): Promise<Block> {
  const rankText = total.rank !== null && total.rank_of !== null ? ` (hạng ${int(total.rank)}/${int(total.rank_of)})` : '';
  return {
    chart: await chart(`${slug(total.index_code)}-vi-tri`, 'province-position', `Vị trí của ${m.scope.name} trong ${int(peers.length)} tỉnh, thành phố, ${indexShort(total.index_code)} ${periodName(total.period)}`, {
      rows: [...peers].sort((a, b) => b.score - a.score || a.unit_code.localeCompare(b.unit_code)).map((p, i) => ({
        unit_code: p.unit_code,
        order: i,
        score: p.score,
        base: Math.floor(Math.min(...peers.map((x) => x.score))) - 1,
        is_scope: p.unit_code === m.scope.unit_code,
        label: p.unit_code === m.scope.unit_code ? `${score(p.score)}${rankText}` : '',
      })),
    }),
  };
}

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function slug(code: string): string {
  return code.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

async function onlineSection(m: Metrics, names: UnitNames, chart: ChartFn): Promise<Section> {
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

async function criteriaSection(m: Metrics, names: UnitNames, chart: ChartFn): Promise<Section> {
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

const TABLE_LABELS: Record<string, string> = {
  units: 'Danh mục cơ quan, đơn vị',
  documents: 'Văn bản giao nhiệm vụ',
  tasks: 'Nhiệm vụ',
  criteria: 'Tiêu chí Bộ chỉ số CCHC',
  criteria_results: 'Kết quả tự đánh giá tiêu chí',
  index_scores: 'Kết quả các chỉ số',
  dossiers: 'Hồ sơ TTHC (từng hồ sơ)',
  dossier_stats: 'Hồ sơ TTHC (tổng hợp theo tháng)',
  targets: 'Chỉ tiêu',
};

function appendix(m: Metrics, ctx: BriefContext): Appendix {
  return {
    asOf: date(m.period.as_of),
    loadedAt: ctx.data.loaded_at === null ? null : dateTime(ctx.data.loaded_at),
    fingerprint: ctx.data.fingerprint,
    dataDir: ctx.data.data_dir,
    tables: ctx.data.tables.map((t) => ({ name: `${TABLE_LABELS[t.name] ?? t.name} (${t.name})`, files: t.files.join(', '), rows: int(t.rows) })),
    methods: [
      `Kỳ báo cáo: ${periodName(m.period.id)}, từ ngày ${date(m.period.start)} đến ngày ${date(m.period.end)}; chỉ dùng số liệu có ngày đến hết ngày ${date(m.period.as_of)}. Cùng kỳ là kỳ tương ứng của năm trước.`,
      'Nhiệm vụ: tỷ lệ hoàn thành = số nhiệm vụ đã hoàn thành / tổng số nhiệm vụ đã giao (trừ nhiệm vụ đã dừng thực hiện); nhiệm vụ quá hạn là nhiệm vụ chưa hoàn thành mà hạn xử lý trước ngày tính; nhiệm vụ không có hạn xử lý (thường xuyên) không bao giờ quá hạn.',
      'Dịch vụ công trực tuyến: tỷ lệ hồ sơ tiếp nhận trực tuyến = số hồ sơ tiếp nhận trực tuyến / tổng số hồ sơ tiếp nhận trong kỳ, gồm cả số liệu tổng hợp theo tháng; chênh lệch giữa hai tỷ lệ tính bằng điểm phần trăm.',
      'Các chỉ số: lấy kết quả mới nhất có kỳ đánh giá đến hết kỳ báo cáo; thứ hạng không được công bố thì tính trong các đơn vị cùng cấp có điểm (điểm cao hơn xếp trên, bằng điểm cùng hạng).',
      'Bộ chỉ số CCHC: mỗi tiêu chí lấy kết quả tự đánh giá mới nhất; tiêu chí chưa có kết quả tính 0 điểm; điểm có nguy cơ không đạt = điểm tối đa của các tiêu chí đang thực hiện và chưa đến hạn.',
    ],
  };
}
