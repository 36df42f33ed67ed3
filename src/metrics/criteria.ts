import { figuresOf, pick } from '../figures/index.ts';
import { runQuery, type Queryable, type QueryParams } from './queries.ts';
import type { RowOf } from './rows.ts';
import type { CriteriaMetric, CriteriaTotals } from './types.ts';

const FIGURES = figuresOf('criteria');

/**
 * metrics.md § PAR criteria: one entry per assessed unit in scope, with its areas, and the same
 * added up over the entries (null when there is none). Every figure is a row of queries/criteria.sql.
 */
export async function criteriaMetrics(
  db: Queryable,
  params: QueryParams,
): Promise<{ criteria: CriteriaMetric[]; totals: CriteriaTotals | null }> {
  const rows = await runQuery(db, 'criteria', params);
  const areas = (of: (r: RowOf<'criteria'>) => boolean) =>
    rows.filter(of).map((a) => ({ area: a.area!, ...pick(a, FIGURES) }));
  const criteria = rows
    .filter((r) => r.grain === 'unit')
    .map((e) => ({
      year: e.year,
      unit_code: e.unit_code!,
      ...pick(e, FIGURES),
      rank: e.rank!,
      name: e.name,
      short_name: e.short_name,
      kind: e.kind,
      by_area: areas((a) => a.grain === 'unit_area' && a.unit_code === e.unit_code),
    }));
  const all = rows.find((r) => r.grain === 'all');
  const totals = all
    ? {
        year: all.year,
        ...pick(all, FIGURES),
        units: all.units!,
        points_at_risk_per_unit: all.points_at_risk_per_unit!,
        by_area: areas((a) => a.grain === 'area'),
      }
    : null;
  return { criteria, totals };
}
