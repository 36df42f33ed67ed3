import { componentName, indexName } from './labels.ts';
import { runQuery, type Queryable, type QueryParams } from './queries.ts';
import type { RowOf } from './rows.ts';
import type { IndexMetric, IndexPoint, IndexRanking } from './types.ts';

/** metrics.md § Indices: each latest score in scope with its series, and the scope unit among its peers. */
export async function indicesMetrics(
  db: Queryable,
  params: QueryParams,
): Promise<{ indices: IndexMetric[]; rankings: IndexRanking[] }> {
  const [latest, points, peers] = await Promise.all([
    runQuery(db, 'indices_latest', params),
    runQuery(db, 'indices_series', params),
    runQuery(db, 'indices_peers', params),
  ]);
  const series = new Map<string, IndexPoint[]>();
  for (const r of points) {
    const key = seriesKey(r);
    if (!series.has(key)) series.set(key, []);
    series.get(key)!.push({ period: r.period, score: r.score, rank: r.rank, rank_of: r.rank_of });
  }
  const indices: IndexMetric[] = latest.map((r) => ({
    ...r,
    index_name: indexName(r.index_code),
    component_name: componentName(r.index_code, r.component),
    series: series.get(seriesKey(r)) ?? [],
  }));
  return { indices, rankings: rankings(peers) };
}

function seriesKey(r: { unit_code: string; index_code: string; component: string }): string {
  return JSON.stringify([r.unit_code, r.index_code, r.component]);
}

function rankings(rows: RowOf<'indices_peers'>[]): IndexRanking[] {
  const out: IndexRanking[] = [];
  for (const { index_code, period, ...unit } of rows) {
    let last = out.at(-1);
    if (last?.index_code !== index_code) out.push((last = { index_code, period, units: [] }));
    last.units.push(unit);
  }
  return out;
}
