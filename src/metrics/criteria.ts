import type { Row } from '../db.ts';
import { runQuery, type Queryable, type QueryParams } from './queries.ts';
import type { CriteriaCounts, CriteriaMetric, CriteriaTotals } from './types.ts';

type CriteriaRow = CriteriaCounts &
  Row & {
    grain: 'unit' | 'unit_area' | 'area' | 'all';
    year: number;
    unit_code: string | null;
    area: string | null;
    rank: number | null;
  };

/**
 * metrics.md § PAR criteria: one entry per assessed unit in scope, with its areas, and the same
 * added up over the entries (null when there is none). Every figure is a row of queries/criteria.sql.
 */
export async function criteriaMetrics(
  db: Queryable,
  params: QueryParams,
): Promise<{ criteria: CriteriaMetric[]; totals: CriteriaTotals | null }> {
  const rows = await runQuery<CriteriaRow>(db, 'criteria', params);
  const counts = ({
    total,
    achieved,
    not_achieved,
    in_progress,
    not_due,
    points,
    max_points,
    points_at_risk,
    points_lost,
  }: CriteriaRow): CriteriaCounts => ({
    total,
    achieved,
    not_achieved,
    in_progress,
    not_due,
    points,
    max_points,
    points_at_risk,
    points_lost,
  });
  const areas = (of: (r: CriteriaRow) => boolean) => rows.filter(of).map((a) => ({ area: a.area!, ...counts(a) }));
  const criteria = rows
    .filter((r) => r.grain === 'unit')
    .map((e) => ({
      year: e.year,
      unit_code: e.unit_code!,
      ...counts(e),
      rank: e.rank!,
      name: e.name,
      short_name: e.short_name,
      kind: e.kind,
      by_area: areas((a) => a.grain === 'unit_area' && a.unit_code === e.unit_code),
    }));
  const all = rows.find((r) => r.grain === 'all');
  const totals = all ? { year: all.year, ...counts(all), by_area: areas((a) => a.grain === 'area') } : null;
  return { criteria, totals };
}
