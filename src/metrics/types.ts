import type { ChangesMetrics } from './changes.ts';

/** The shape of metrics.json (docs/metrics.md § metrics.json). Extra keys are allowed. */

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

export interface TaskCounts {
  total: number;
  done_on_time: number;
  done_late: number;
  in_progress: number;
  overdue: number;
  completion_rate: number | null;
  on_time_rate: number | null;
  overdue_rate: number | null;
  due_soon: number;
  assigned: number;
  completed: number;
}

export interface OverdueTask {
  task_id: string;
  doc_no: string | null;
  lead_unit: string;
  title: string;
  due_on: string;
  days_overdue: number;
  [extra: string]: unknown;
}

export interface TasksMetrics extends TaskCounts {
  /** The window of due_soon in days (queries/tasks.sql echoes the bound $due_soon_days). */
  due_soon_days?: number;
  by_unit: (TaskCounts & { unit_code: string; [extra: string]: unknown })[];
  overdue_list: OverdueTask[];
  [extra: string]: unknown;
}

export interface OnlineFigures {
  received: number;
  received_online: number;
  online_ratio: number | null;
  online_ratio_eligible: number | null;
  resolved: number;
  resolved_on_time: number;
  on_time_rate: number | null;
  online_payment_ratio: number | null;
  /**
   * Received fully online / received, over the rows that carry the value; null when none does.
   * Always written by computeMetrics; optional so a metrics.json from before it still renders.
   */
  full_online_ratio?: number | null;
}

export interface OnlineMetrics extends OnlineFigures {
  previous: OnlineFigures;
  delta: {
    online_ratio: number | null;
    online_ratio_eligible: number | null;
    on_time_rate: number | null;
    online_payment_ratio: number | null;
    full_online_ratio?: number | null;
  };
  by_unit: (OnlineFigures & { unit_code: string; [extra: string]: unknown })[];
  monthly: (OnlineFigures & { month: string; [extra: string]: unknown })[];
  target: { online_ratio: number | null; [extra: string]: number | null };
  [extra: string]: unknown;
}

export interface IndexPoint {
  period: string;
  score: number;
  rank: number | null;
  rank_of: number | null;
}

/** One row of queries/indices_latest.sql: an IndexMetric without its series. */
export interface IndexScore {
  index_code: string;
  component: string;
  unit_code: string;
  period: string;
  score: number;
  max_score: number | null;
  rank: number | null;
  rank_of: number | null;
  rank_computed: boolean;
  prev_period: string | null;
  prev_score: number | null;
  prev_rank: number | null;
  delta: number | null;
  rank_delta: number | null;
  improved: boolean | null;
  /** Median and size of the group the rank is computed in (e.g. the national median of a PAPI dimension). */
  peer_median?: number | null;
  peer_count?: number;
  [extra: string]: unknown;
}

export interface IndexMetric extends IndexScore {
  series: IndexPoint[];
}

export interface CriteriaCounts {
  total: number;
  achieved: number;
  not_achieved: number;
  in_progress: number;
  not_due: number;
  points: number;
  max_points: number;
  points_at_risk: number;
  points_lost: number;
}

/** One row of queries/criteria_summary.sql: a CriteriaMetric without by_area. */
export interface CriteriaEntry extends CriteriaCounts {
  year: number;
  unit_code: string;
  rank: number;
  [extra: string]: unknown;
}

export interface CriteriaMetric extends CriteriaEntry {
  by_area: (CriteriaCounts & { area: string })[];
}

/** The criteria entries added up (queries/criteria.sql, grains `all` and `area`). */
export interface CriteriaTotals extends CriteriaCounts {
  year: number;
  by_area: (CriteriaCounts & { area: string })[];
}

/** Every unit of the scope's kind on one index total, best first (the position chart). */
export interface IndexRanking {
  index_code: string;
  period: string;
  units: {
    unit_code: string;
    name: string;
    short_name: string | null;
    score: number;
    rank: number;
    is_scope: boolean;
  }[];
}

/** What the figures were computed from (the last load). */
export interface DataMetrics {
  rows: Record<string, number>;
  files: { table_name: string; file: string; format: string; rows: number }[];
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

export interface Metrics {
  period: { id: string; start: string; end: string; as_of: string; [extra: string]: unknown };
  scope: { unit_code: string; name: string; [extra: string]: unknown };
  tasks: TasksMetrics;
  online: OnlineMetrics | null;
  indices: IndexMetric[];
  criteria: CriteriaMetric[];
  /** The criteria entries added up; null when there is none. */
  criteria_totals?: CriteriaTotals | null;
  lineage?: LineageMetrics;
  /** Extras that computeMetrics always writes; optional so a metrics.json from elsewhere still renders. */
  index_rankings?: IndexRanking[];
  data?: DataMetrics;
  /** What changed since the previous period of the same kind (section I opens with it). */
  changes?: ChangesMetrics;
  [extra: string]: unknown;
}
