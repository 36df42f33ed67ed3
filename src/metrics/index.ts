import type { Db } from '../db.ts';
import { changesMetrics } from './changes.ts';
import { criteriaMetrics } from './criteria.ts';
import { assertCurrentDefinitions } from './definitions.ts';
import { indicesMetrics } from './indices.ts';
import { onlineMetrics } from './online.ts';
import { periodMonths, previousPeriod } from './period.ts';
import { QueryPool } from './pool.ts';
import { runQuery, type Queryable, type QueryParams } from './queries.ts';
import { resolveScope } from './scope.ts';
import { tasksMetrics } from './tasks.ts';
import type { DataMetrics, LineageMetrics, Metrics, Period } from './types.ts';

export { parsePeriod, previousPeriod, periodMonths } from './period.ts';

export interface MetricsOptions {
  period: Period;
  /** unit_code of the scope; default: the one province unit that has child units. */
  unit?: string;
}

/**
 * Every figure of metrics.json (docs/metrics.md) for one period and scope, from the .sql files in
 * queries/. Deterministic: no clock, so the same database gives the same metrics.json.
 */
export async function computeMetrics(db: Db, options: MetricsOptions): Promise<Metrics> {
  const { period } = options;
  const previous = previousPeriod(period);
  // The query files are independent: they run on a few connections at once (see ./pool.ts).
  const pool = await QueryPool.open(db, CONNECTIONS);
  try {
    // Both at once, but an outdated database is the cause to report whichever fails first: a query
    // missing a macro it lacks would otherwise win the race about half the time.
    const [found, current] = await Promise.allSettled([
      resolveScope(pool, period, options.unit),
      assertCurrentDefinitions(pool),
    ]);
    if (current.status === 'rejected') throw current.reason;
    if (found.status === 'rejected') throw found.reason;
    const scope = found.value;
    const params: QueryParams = {
      unit: scope.unit_code,
      start: period.start,
      end: period.end,
      prev_start: previous.start,
      prev_end: previous.end,
    };
    const targets = runQuery(pool, 'targets', params).then((rows) => new Map(rows.map((t) => [t.metric, t.target])));
    // Awaited by tasks and online at their end; when another query fails first, nobody does.
    targets.catch(() => {});
    const online$ = onlineMetrics(pool, params, targets);
    // Changes compare with the previous period of the same kind; the online side only when there is online data.
    const changes$ = changesMetrics(
      pool,
      scope.unit_code,
      period,
      online$.then((o) => o !== null),
    );
    const [tasks, online, { indices, rankings }, { criteria, totals }, lineage, data, changes] = await Promise.all([
      tasksMetrics(pool, params, targets),
      online$,
      indicesMetrics(pool, params),
      criteriaMetrics(pool, params),
      lineageMetrics(pool, params),
      dataInfo(pool),
      changes$,
    ]);
    return {
      period: {
        id: period.id,
        kind: period.kind,
        start: period.start,
        end: period.end,
        as_of: period.end,
        months: periodMonths(period),
        previous: { id: previous.id, start: previous.start, end: previous.end },
      },
      scope,
      tasks,
      online,
      indices,
      index_rankings: rankings,
      criteria,
      criteria_totals: totals,
      lineage,
      changes,
      data,
    };
  } finally {
    await pool.close();
  }
}

/** Enough to overlap the small queries with the two dossier scans of each period; more measured no faster. */
const CONNECTIONS = 4;

/** metrics.md § Unit history and lineage: what the scope takes over and what it leaves out at E. */
async function lineageMetrics(db: Queryable, params: QueryParams): Promise<LineageMetrics> {
  const rows = await runQuery(db, 'lineage', params);
  return {
    as_of: params.end!,
    split_units: rows.filter((r) => r.kind === 'split').map((r) => r.unit_code),
    carried: rows.filter((r) => r.kind === 'carried').map((r) => ({ from_code: r.unit_code, to_codes: r.to_codes })),
  };
}

/** What the figures were computed from, for the brief's appendix. */
async function dataInfo(db: Queryable): Promise<DataMetrics> {
  const [files, counts, [load]] = await Promise.all([
    runQuery(db, 'data_files', {}),
    runQuery(db, 'data_rows', {}),
    runQuery(db, 'data_load', {}),
  ]);
  return {
    rows: Object.fromEntries(counts.map((c) => [c.table_name, c.rows])),
    files,
    loaded_at: load?.loaded_at ?? null,
    fingerprint: load?.fingerprint ?? null,
    sample: load?.sample ?? false,
  };
}
