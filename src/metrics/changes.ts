import { precedingPeriod } from './period.ts';
import { runQuery, type Queryable } from './queries.ts';
import type { RowOf } from './rows.ts';
import type { IndexScore, Period } from './types.ts';

type ChangeRow = RowOf<'changes'>;
/** The columns of each grain of queries/changes.sql (the union of grains pads the others with NULL). */
type ByGrain = { [R in ChangeRow as R['grain']]: Omit<R, 'grain'> };

/**
 * A task that became overdue since the previous period: the brief tables them, by task_id;
 * `state_before` is null when the task was not yet assigned at the previous period's end.
 */
export type OverdueChange = ByGrain['overdue'];

/** An index score dated since the previous period: an indices_latest row without its history. */
export type IndexChange = Pick<
  IndexScore,
  'index_code' | 'component' | 'unit_code' | 'period' | 'score' | 'max_score' | 'rank' | 'rank_of' | 'rank_computed'
>;

/** `changes` in metrics.json: what changed between the previous period of the same kind and this one. */
export interface ChangesMetrics {
  /**
   * The previous period of the same kind; null when there is none for this unit (the first brief),
   * and then the brief says so instead of listing changes (the figures below still count from `since`).
   */
  previous: { id: string; start: string; end: string } | null;
  /** Why there is no earlier period, for people; null when there is one. */
  no_previous_reason: string | null;
  /** Changes are counted in (since, until]: the previous period's end and this one's. */
  since: string;
  until: string;
  tasks: {
    completed: number;
    became_overdue: number;
    assigned: number;
    /** Every task counted in `became_overdue`. */
    became_overdue_list: OverdueChange[];
  };
  /** The online ratio of both periods and the change (a fraction); null without dossier data. */
  online: { online_ratio: number | null; previous_online_ratio: number | null; delta: number | null } | null;
  /** Index scores of the scope dated after `since`. */
  indices: {
    /** The latest of each index total of the scope unit itself, by index_code. */
    latest_totals: IndexChange[];
    /** The other scores: components, earlier periods, units below the scope. */
    other: number;
  };
  /** PAR criteria whose status changed by a result assessed after `since`, counted by their status now. */
  criteria: {
    changed: number;
    /** Assessed units they belong to. */
    units: number;
    by_status: Record<CriterionStatus, number>;
  };
}

export type CriterionStatus = 'achieved' | 'not_achieved' | 'in_progress' | 'not_due';
const STATUSES: CriterionStatus[] = ['achieved', 'not_achieved', 'in_progress', 'not_due'];

type OnlineRow = RowOf<'online'>;

/**
 * The changes since the previous period of the same kind (queries/changes.sql), and the online
 * ratio's change from queries/online.sql run against that period. `hasOnline` resolves to false
 * when the data has neither dossiers nor dossier_stats (metrics.online is null then).
 */
export async function changesMetrics(
  db: Queryable,
  unit: string,
  period: Period,
  hasOnline: Promise<boolean>,
): Promise<ChangesMetrics> {
  const prev = precedingPeriod(period);
  // Both start at once, alongside the period's own online.sql: waiting for it first made the two
  // dossier-scanning runs follow each other, the longest path of computeMetrics. Without online
  // data the second run is wasted, which costs two scans of empty tables.
  const [rows, onlineRows, withOnline] = await Promise.all([
    runQuery(db, 'changes', { unit, since: prev.end, end: period.end }),
    runQuery(db, 'online', {
      unit,
      start: period.start,
      end: period.end,
      prev_start: prev.start,
      prev_end: prev.end,
    }),
    hasOnline,
  ]);
  const online = withOnline ? onlineRows : null;
  const of = <G extends keyof ByGrain>(g: G) =>
    rows.filter((r) => r.grain === g).map(({ grain: _, ...r }) => r) as ByGrain[G][];
  const summary = of('summary')[0]!;
  const grain = <G extends OnlineRow['grain']>(g: G) =>
    online?.find((r): r is OnlineRow & { grain: G } => r.grain === g) ?? null;
  const before = grain('previous');
  const onlineBefore = before !== null && before.received_records + before.resolved_records + before.stats_rows > 0;
  const reason = !summary.unit_started
    ? `the unit did not exist at the end of ${prev.id}`
    : summary.tasks_before + summary.indices_before + summary.criteria_before === 0 && !onlineBefore
      ? `the data holds nothing for the scope up to the end of ${prev.id}`
      : null;
  // Without an earlier period the figures still say what happened since `since`; the brief says only that there is none.
  return {
    previous: reason ? null : { id: prev.id, start: prev.start, end: prev.end },
    no_previous_reason: reason,
    since: prev.end,
    until: period.end,
    tasks: {
      completed: summary.tasks_completed,
      became_overdue: summary.tasks_became_overdue,
      assigned: summary.tasks_assigned,
      became_overdue_list: of('overdue'),
    },
    online:
      online === null
        ? null
        : {
            online_ratio: grain('scope')?.online_ratio ?? null,
            previous_online_ratio: before?.online_ratio ?? null,
            delta: grain('delta')?.online_ratio ?? null,
          },
    indices: { latest_totals: of('index'), other: summary.indices_other },
    criteria: {
      changed: summary.criteria_changed,
      units: summary.criteria_units,
      by_status: Object.fromEntries(STATUSES.map((s) => [s, summary[`criteria_${s}`]])) as Record<
        CriterionStatus,
        number
      >,
    },
  };
}
