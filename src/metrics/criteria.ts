import type { Row } from '../db.ts';
import { runQuery, type Queryable, type QueryParams } from './queries.ts';
import type { CriteriaCounts, CriteriaEntry, CriteriaMetric } from './types.ts';

type AreaRow = CriteriaCounts & { unit_code: string; area: string };

/** metrics.md § PAR criteria: one entry per assessed unit in scope, with its areas. */
export async function criteriaMetrics(db: Queryable, params: QueryParams): Promise<CriteriaMetric[]> {
  const [entries, areas] = await Promise.all([
    runQuery<CriteriaEntry>(db, 'criteria_summary', params),
    runQuery<AreaRow & Row>(db, 'criteria_by_area', params),
  ]);
  return entries.map((e) => ({
    ...e,
    by_area: areas.filter((a) => a.unit_code === e.unit_code).map(({ unit_code: _, ...a }) => a),
  }));
}
