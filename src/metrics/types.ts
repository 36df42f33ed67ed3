import type { DeltaValues, FigureValues, MonthlyEntry, TargetValues, ValuesOf } from '../figures/index.ts';
import type { ChangesMetrics } from './changes.ts';
import type { RowOf } from './rows.ts';

/**
 * The shape of metrics.json (docs/metrics.md § metrics.json), built from the rows the query files
 * return (./rows.ts, validated when they are read) and the figure catalogue
 * (src/figures/catalogue.ts). Keys marked optional are always written by computeMetrics; they are
 * optional so a metrics.json written before they existed still renders.
 */

export type PeriodKind = 'month' | 'quarter' | 'half' | 'ytd' | 'year';

export interface Period {
  /** As the user wrote it, normalised: `2024-11`, `2024-Q4`, `2024-H1`, `2024-9M`, `2024`. */
  id: string;
  kind: PeriodKind;
  year: number;
  /** Month 1–12, quarter 1–4, half 1–2, or months in a year-to-date period (3, 6, 9); null for a year. */
  n: number | null;
  /** ISO dates, both inclusive. */
  start: string;
  end: string;
}

/** The units a by_unit row names; `unit_code` is null on the row of units split over several children. */
type UnitKey = {
  unit_code: string | null;
  name?: string | null;
  short_name?: string | null;
  kind?: string | null;
};

export type TaskCounts = FigureValues<'tasks'>;

/** A row of a task list; the names and details beyond the core are optional in files from elsewhere. */
type TaskListRow<R> = Pick<R, Extract<keyof R, 'task_id' | 'doc_no' | 'lead_unit' | 'title' | 'due_on'>> &
  Partial<Omit<R, 'task_id' | 'doc_no' | 'lead_unit' | 'title' | 'due_on'>>;
export type OverdueTask = TaskListRow<RowOf<'tasks_overdue'>> & { days_overdue: number };
export type DueSoonTask = TaskListRow<RowOf<'tasks_due_soon'>>;

export type TasksMetrics = TaskCounts & {
  /** The window of due_soon in days (queries/tasks.sql echoes the bound $due_soon_days). */
  due_soon_days?: number;
  by_unit: (TaskCounts & UnitKey)[];
  overdue_list: OverdueTask[];
  /** The due_soon tasks; a metrics.json without it gets the count per lead unit instead. */
  due_soon_list?: DueSoonTask[];
  target?: TargetValues<'tasks'>;
};

export type OnlineFigures = FigureValues<'online'>;
/** A monthly row carries the figures, not what was counted. */
export type MonthlyFigures = ValuesOf<MonthlyEntry>;

export type OnlineMetrics = OnlineFigures & {
  previous: OnlineFigures;
  delta: DeltaValues<'online'>;
  by_unit: (OnlineFigures & UnitKey)[];
  monthly: (MonthlyFigures & { month: string })[];
  target: TargetValues<'online'>;
};

export interface IndexPoint {
  period: string;
  score: number;
  rank: number | null;
  rank_of: number | null;
}

type IndexRow = RowOf<'indices_latest'>;

/**
 * One row of queries/indices_latest.sql: an IndexMetric without its series. The median and size of
 * the group the rank is computed in (e.g. the national median of a PAPI dimension) and the names are
 * optional: older metrics.json files lack them.
 */
export type IndexScore = Omit<IndexRow, 'peer_median' | 'peer_count' | 'unit_name' | 'unit_short_name' | 'unit_kind'> &
  Partial<Pick<IndexRow, 'peer_median' | 'peer_count' | 'unit_name' | 'unit_short_name' | 'unit_kind'>>;

export type IndexMetric = IndexScore & {
  index_name?: string | null;
  component_name?: string | null;
  series: IndexPoint[];
};

export type CriteriaCounts = FigureValues<'criteria'>;

/** A criteria entry without by_area: one assessed unit. */
export type CriteriaEntry = CriteriaCounts & {
  year: number;
  unit_code: string;
  rank: number;
  name?: string | null;
  short_name?: string | null;
  kind?: string | null;
};

export type CriteriaMetric = CriteriaEntry & {
  by_area: (CriteriaCounts & { area: string })[];
};

/** The criteria entries added up (queries/criteria.sql, grains `all` and `area`). */
export type CriteriaTotals = CriteriaCounts & {
  year: number;
  /** How many entries are added up; absent from older files. */
  units?: number;
  /** points_at_risk over `units`: each unit's points are out of its own maximum, so the sum is no figure. */
  points_at_risk_per_unit?: number;
  by_area: (CriteriaCounts & { area: string })[];
};

/** Every unit of the scope's kind on one index total, best first (the position chart). */
export interface IndexRanking {
  index_code: string;
  period: string;
  units: Omit<RowOf<'indices_peers'>, 'index_code' | 'period'>[];
}

/** What the figures were computed from (the last load). */
export interface DataMetrics {
  rows: Record<string, number>;
  files: RowOf<'data_files'>[];
  loaded_at: string | null;
  fingerprint: string | null;
  sample: boolean;
}

/** metrics.json `lineage`: the structure at E = as_of (queries/lineage.sql). */
export interface LineageMetrics {
  as_of: string;
  /** Units partly in the scope at E: their rows are left out. */
  split_units: string[];
  /** Units of the scope whose rows count with their successors at E, sorted by from_code. */
  carried: { from_code: string; to_codes: string[] }[];
}

/** The scope of a brief (src/metrics/scope.ts). */
export interface ScopeMetrics {
  unit_code: string;
  name: string;
  short_name?: string | null;
  kind?: string;
  parent_code?: string | null;
  /** The root province at the period's end (queries/root_province.sql), null when not exactly one. */
  root_code?: string | null;
}

export interface Metrics {
  period: {
    id: string;
    start: string;
    end: string;
    as_of: string;
    kind?: PeriodKind;
    /** The months of the period, YYYY-MM. */
    months?: string[];
    /** The comparison period (cùng kỳ). */
    previous?: { id: string; start: string; end: string };
  };
  scope: ScopeMetrics;
  tasks: TasksMetrics;
  online: OnlineMetrics | null;
  indices: IndexMetric[];
  criteria: CriteriaMetric[];
  /** The criteria entries added up; null when there is none. */
  criteria_totals?: CriteriaTotals | null;
  lineage?: LineageMetrics;
  index_rankings?: IndexRanking[];
  data?: DataMetrics;
  /** What changed since the previous period of the same kind (section I opens with it). */
  changes?: ChangesMetrics;
}
