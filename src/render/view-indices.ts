import type { IndexMetric, IndexRanking, Metrics } from '../metrics/types.ts';
import { seriesStyles } from './charts.ts';
import { lineageOf } from './view-units.ts';
import { unitNames, type BriefContext, type UnitNames } from './context.ts';
import { headlineIndices, rankChange } from './findings.ts';
import { arrow, int, monthShort, num, periodName, score, shortPeriod } from './format.ts';
import type { Block, ChartFn, Section } from './view.ts';
import { INDEX_ORDER, componentName, indexName, indexShort } from './vocab.ts';

export async function indicesSection(m: Metrics, ctx: BriefContext, chart: ChartFn): Promise<Section> {
  const section: Section = { numeral: '', title: 'CÁC CHỈ SỐ ĐÁNH GIÁ', empty: null, blocks: [] };
  const own = m.indices.filter((i) => i.unit_code === m.scope.unit_code);
  const before = predecessors(m);
  if (m.indices.length === 0) {
    section.empty = `Chưa có kết quả chỉ số đánh giá nào của ${m.scope.name} đến hết ${periodName(m.period.id)}.`;
    return section;
  }
  const totals = new Map(headlineIndices(m).map((i) => [i.index_code, i]));
  const names = unitNames(ctx, m);
  // The five indices are listed (missing ones in one line) only for a scope that is scored itself.
  // Predecessors' scores are the scope's own history (metrics.md: never summed across a merger).
  const history = m.indices.filter((i) => before.includes(i.unit_code));
  const mine = [...own, ...history];
  const codes =
    mine.length === 0
      ? []
      : [...INDEX_ORDER, ...[...new Set(mine.map((i) => i.index_code))].filter((c) => !INDEX_ORDER.includes(c)).sort()];
  let n = 0;
  for (const code of codes) {
    const total = totals.get(code);
    const heading = `${++n}. ${indexName(code)}`;
    const old = history
      .filter((i) => i.index_code === code && i.component === 'TOTAL')
      .sort((a, b) => before.indexOf(a.unit_code) - before.indexOf(b.unit_code));
    if (!total && old.length === 0) {
      section.blocks.push({ heading, paragraphs: [`Chưa có kết quả đến hết ${periodName(m.period.id)}.`] });
      continue;
    }
    const paragraphs = total
      ? [indexLine(total)]
      : [`${m.scope.name} chưa có kết quả đến hết ${periodName(m.period.id)}.`];
    for (const i of old) paragraphs.push(`${names.name(i.unit_code)}: ${lowerFirst(indexLine(i))}`);
    const block: Block = { heading, paragraphs };
    if (old.length > 0) {
      // The scope's own line first in the legend; each line's style comes from its name (seriesStyles).
      const lines = [...(total ? [total] : []), ...old];
      if (lines.some((i) => i.series.length > 0)) {
        block.chart = await chart(
          `chi-so-${slug(code)}`,
          'index-lineage',
          `${indexShort(code)} qua các kỳ: mỗi đơn vị một đường, không cộng điểm các đơn vị trước sắp xếp`,
          {
            rows: lineageSeries(lines, m.scope.unit_code, names),
          },
        );
      }
    } else if (total && total.series.length > 1) {
      const { points, caption } = seriesWindow(total);
      block.chart = await chart(`chi-so-${slug(code)}`, 'index-series', `${indexShort(code)} ${caption}`, {
        rows: points,
      });
    }
    section.blocks.push(block);
    if (!total) continue;
    const parts = own.filter((i) => i.index_code === code && i.component !== 'TOTAL');
    if (parts.length > 0) section.blocks.push(await componentsBlock(code, parts, m, chart));
    const peers = m.index_rankings?.find((r) => r.index_code === code && r.period === total.period)?.units ?? [];
    if (peers.length >= 5) section.blocks.push(await positionBlock(total, peers, m, chart));
  }
  const below = belowBlock(m, names, n + 1);
  if (below) section.blocks.push(below);
  return section;
}

/** Scores of units below the scope (e.g. a district index of each district), one table row each. */
function belowBlock(m: Metrics, names: UnitNames, n: number): Block | null {
  const rows = m.indices
    .filter(
      (i) => i.unit_code !== m.scope.unit_code && !predecessors(m).includes(i.unit_code) && i.component === 'TOTAL',
    )
    .sort(
      (a, b) =>
        a.index_code.localeCompare(b.index_code) ||
        (a.rank ?? Infinity) - (b.rank ?? Infinity) ||
        b.score - a.score ||
        a.unit_code.localeCompare(b.unit_code),
    );
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
  const telling = new Set([
    0,
    series.length - 1,
    scores.indexOf(Math.max(...scores)),
    scores.indexOf(Math.min(...scores)),
  ]);
  // '|' breaks an axis label in two lines (see index-series.vl.json).
  const when = (p: string) => (monthly ? monthShort(p).replace('/', '|') : p);
  const points = series.map((p, k) => ({
    order: k,
    period_label:
      !crowded && p.rank !== null && p.rank_of !== null
        ? `${when(p.period)}|hạng ${int(p.rank)}/${int(p.rank_of)}`
        : when(p.period),
    score: p.score,
    score_label: !crowded || telling.has(k) ? score(p.score) : '',
  }));
  const span =
    i.series.length > series.length ? ` ${series.length} ${monthly ? 'tháng' : 'năm'} gần nhất` : ' qua các kỳ';
  return { points, caption: `${span.trim()}: điểm${crowded ? '' : ' và thứ hạng'}` };
}

/**
 * Units whose whole figures went to the scope alone (old An Giang and old Kiên Giang for the new
 * An Giang), in the order of metrics.json `lineage.carried`.
 */
function predecessors(m: Metrics): string[] {
  const l = lineageOf(m);
  if (!l) return [];
  return l.carried
    .filter((c) => c.to_codes.length === 1 && c.to_codes[0] === m.scope.unit_code)
    .map((c) => c.from_code);
}

/**
 * The points of an index drawn across a merger, one line per unit. The window is the last 6
 * years or 12 months of all lines together, reaching back (up to 24 months) to show the
 * predecessors' last points; only the last point of the scope's line (of each line when the scope
 * has none) is labelled, with its rank and denominator, since ranks out of 63 and 34 do not compare.
 */
function lineageSeries(lines: IndexMetric[], scope: string, names: UnitNames) {
  const monthly = /^\d{4}-\d{2}$/.test(lines[0]!.period);
  const periods = [...new Set(lines.flatMap((i) => i.series.map((p) => p.period)))].sort();
  const window = monthly ? SERIES_WINDOW.month : SERIES_WINDOW.year;
  let from = Math.max(0, periods.length - window);
  const lastOld = lines
    .filter((i) => i.unit_code !== scope)
    .map((i) => i.series.at(-1)?.period)
    .filter((p): p is string => !!p)
    .sort()
    .at(-1);
  if (lastOld && periods.indexOf(lastOld) < from)
    from = Math.max(0, periods.indexOf(lastOld) - 2, periods.length - 2 * window);
  const kept = periods.slice(from);
  const when = (p: string) => (monthly ? monthShort(p).replace('/', '|') : p);
  // Predecessors' last points crowd one another (and the scope's first) near the merger: when the
  // scope has a line, only its last point is labelled; the predecessors' results are in the text.
  const scopeDrawn = lines.some((i) => i.unit_code === scope && i.series.some((p) => kept.includes(p.period)));
  const styles = seriesStyles(
    lines.map((i) => names.label(i.unit_code)),
    names.label(scope),
  );
  return lines.flatMap((i, k) => {
    const pts = i.series.filter((p) => kept.includes(p.period));
    const labelled = !scopeDrawn || i.unit_code === scope;
    const who = names.label(i.unit_code);
    const { colour, dash, shape } = styles.get(who)!;
    return pts.map((p, j) => ({
      order: kept.indexOf(p.period),
      period_label: when(p.period),
      who,
      who_order: k,
      colour,
      dash,
      shape,
      score: p.score,
      score_label:
        labelled && j === pts.length - 1
          ? `${score(p.score)}${p.rank !== null && p.rank_of !== null ? ` (${int(p.rank)}/${int(p.rank_of)})` : ''}`
          : '',
    }));
  });
}

const lowerFirst = (s: string) => s.replace(/^./, (c) => c.toLowerCase());

function indexLine(i: IndexMetric): string {
  let s = `Kết quả ${periodName(i.period)}: ${score(i.score)}${i.max_score !== null ? `/${num(i.max_score)}` : ''} điểm`;
  if (i.rank !== null && i.rank_of !== null)
    s += `, xếp hạng ${int(i.rank)}/${int(i.rank_of)}${i.rank_computed ? ' (thứ hạng tính từ số liệu)' : ''}`;
  if (i.prev_period !== null && i.delta !== null) {
    const d = Math.round(i.delta * 100) / 100;
    s += `; so với ${periodName(i.prev_period)} ${d === 0 ? 'không đổi' : `${d > 0 ? 'tăng' : 'giảm'} ${score(Math.abs(d))} điểm`}`;
    const r = rankChange(i);
    if (r !== null) s += r === 0 ? ', giữ nguyên thứ hạng' : `, ${r > 0 ? 'tăng' : 'giảm'} ${int(Math.abs(r))} bậc`;
  }
  return s + '.';
}

/** A median only means "cả nước" when the group holds other units than the scope. */
const peerMedian = (p: IndexMetric): number | null => ((p.peer_count ?? 0) > 1 ? (p.peer_median ?? null) : null);

async function componentsBlock(code: string, parts: IndexMetric[], m: Metrics, chart: ChartFn): Promise<Block> {
  const sorted = [...parts].sort((a, b) => a.component.localeCompare(b.component, 'en', { numeric: true }));
  const medians = new Map(sorted.map((p) => [p.component, peerMedian(p)]));
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
    block.note =
      'Thứ hạng các chỉ số thành phần được tính từ điểm của các tỉnh, thành phố có số liệu, không phải thứ hạng công bố.';
  }
  if (hasMedian && code === 'PAPI') {
    block.chart = await chart(
      `${slug(code)}-thanh-phan`,
      'papi-dimensions',
      `Chỉ số thành phần ${indexShort(code)} ${periodName(sorted[0]!.period)} so với trung vị cả nước`,
      {
        rows: sorted.flatMap((p, i) => {
          const med = medians.get(p.component);
          return [
            { label: label(p.component), order: i, who: m.scope.name, who_order: 0, score: p.score },
            ...(med == null
              ? []
              : [{ label: label(p.component), order: i, who: 'Trung vị cả nước', who_order: 1, score: med }]),
          ];
        }),
      },
    );
  }
  return block;
}

async function positionBlock(
  total: IndexMetric,
  peers: IndexRanking['units'],
  m: Metrics,
  chart: ChartFn,
): Promise<Block> {
  const rankText =
    total.rank !== null && total.rank_of !== null ? ` (hạng ${int(total.rank)}/${int(total.rank_of)})` : '';
  return {
    chart: await chart(
      `${slug(total.index_code)}-vi-tri`,
      'province-position',
      `Vị trí của ${m.scope.name} trong ${int(peers.length)} tỉnh, thành phố, ${indexShort(total.index_code)} ${periodName(total.period)}`,
      {
        rows: [...peers]
          .sort((a, b) => b.score - a.score || a.unit_code.localeCompare(b.unit_code))
          .map((p, i) => ({
            unit_code: p.unit_code,
            order: i,
            score: p.score,
            base: Math.floor(Math.min(...peers.map((x) => x.score))) - 1,
            is_scope: p.unit_code === m.scope.unit_code,
            label: p.unit_code === m.scope.unit_code ? `${score(p.score)}${rankText}` : '',
          })),
      },
    ),
  };
}

function slug(code: string): string {
  return code.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}
