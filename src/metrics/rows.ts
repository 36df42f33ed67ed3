import { z } from 'zod';
import { changesOf, columnsOf, figuresOf, type DeltaEntry } from '../figures/index.ts';

/**
 * What each file of queries/ returns, one row: runQuery validates every row against it, so a
 * column renamed or retyped in the SQL fails there, naming the file and the column, instead of
 * reaching metrics.json as undefined. The figure columns come from the catalogue
 * (src/figures/catalogue.ts); the types of metrics.json are built from these.
 */

const text = z.string();
const maybe = z.string().nullable();
const int = z.number().int();
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** The unit columns the by_unit rows carry (null on rows of no unit). */
const unit = { unit_code: maybe, name: maybe, short_name: maybe, kind: maybe };

const online = figuresOf('online');
const onlineChanges = online.filter((f): f is DeltaEntry<'online'> => 'delta' in f);

const taskRow = {
  task_id: text,
  doc_no: maybe,
  lead_unit: text,
  title: text,
  due_on: date,
  lead_unit_name: text,
  lead_unit_short_name: maybe,
  support_units: maybe,
  area: maybe,
  index_code: maybe,
  assigned_on: date,
};

const unitInfo = { unit_code: text, name: text, short_name: maybe, kind: text, parent_code: maybe };

export const ROWS = {
  readiness_dossiers: z.object({ root: text, unit_code: text, months: z.array(text) }),
  readiness_criteria: z.object({ root: text, unit_code: text, year: int }),
  readiness_indices: z.object({ root: text, index_code: text, latest: text, expected: text }),
  readiness_tasks: z.object({ root: text, task_id: text, lead_unit: text, assigned_on: date }),
  tasks: z.object({
    grain: z.enum(['scope', 'unit']),
    ...unit,
    ...columnsOf(figuresOf('tasks')),
    due_soon_days: int,
  }),
  tasks_overdue: z.object({ ...taskRow, days_overdue: int }),
  tasks_due_soon: z.object({ ...taskRow, days_left: int }),
  targets: z.object({ metric: text, target: z.number(), unit_code: maybe }),
  online_sources: z.object({ dossier_rows: int, stats_rows: int, loaded_from_files: z.boolean() }),
  online: z.discriminatedUnion('grain', [
    z.object({ grain: z.literal('delta'), ...changesOf(onlineChanges) }),
    z.object({
      grain: z.enum(['scope', 'previous', 'unit', 'month']),
      ...unit,
      month: maybe,
      ...columnsOf(online),
    }),
  ]),
  indices_latest: z.object({
    index_code: text,
    component: text,
    unit_code: text,
    period: text,
    ...columnsOf(figuresOf('indices')),
    max_score: z.number().nullable(),
    rank: int.nullable(),
    rank_of: int.nullable(),
    rank_computed: z.boolean(),
    prev_period: maybe,
    prev_score: z.number().nullable(),
    prev_rank: int.nullable(),
    delta: z.number().nullable(),
    rank_delta: int.nullable(),
    improved: z.boolean().nullable(),
    peer_median: z.number().nullable(),
    peer_count: int,
    unit_name: text,
    unit_short_name: maybe,
    unit_kind: text,
  }),
  indices_series: z.object({
    unit_code: text,
    index_code: text,
    component: text,
    period: text,
    score: z.number(),
    rank: int.nullable(),
    rank_of: int.nullable(),
  }),
  indices_peers: z.object({
    index_code: text,
    period: text,
    unit_code: text,
    name: text,
    short_name: maybe,
    score: z.number(),
    rank: int,
    is_scope: z.boolean(),
  }),
  criteria: z.object({
    grain: z.enum(['unit', 'unit_area', 'area', 'all']),
    year: int,
    unit_code: maybe,
    area: maybe,
    ...columnsOf(figuresOf('criteria')),
    units: int.nullable(),
    points_at_risk_per_unit: z.number().nullable(),
    rank: int.nullable(),
    name: maybe,
    short_name: maybe,
    kind: maybe,
  }),
  lineage: z.object({ kind: z.enum(['carried', 'split']), unit_code: text, to_codes: z.array(text) }),
  data_files: z.object({ table_name: text, file: text, format: text, rows: int }),
  data_rows: z.object({ table_name: text, rows: int }),
  data_load: z.object({ loaded_at: text, data_dir: text, fingerprint: text, tool_version: text, sample: z.boolean() }),
  units_all: z.object({ ...unitInfo, children: int }),
  root_province: z.object(unitInfo),
  unit_at: z.object({
    unit_code: text,
    started: z.boolean(),
    carried: z.boolean(),
    successors: z.array(text),
    valid_from: date.nullable(),
    starts_on: maybe,
    ended_on: maybe,
    predecessors: z.array(text).nullable(),
  }),
  job_units: z.object({ unit_code: text, kind: text }),
  changes: z.discriminatedUnion('grain', [
    z.object({
      grain: z.literal('summary'),
      tasks_completed: int,
      tasks_became_overdue: int,
      tasks_assigned: int,
      indices_other: int,
      criteria_changed: int,
      criteria_units: int,
      criteria_achieved: int,
      criteria_not_achieved: int,
      criteria_in_progress: int,
      criteria_not_due: int,
      tasks_before: int,
      indices_before: int,
      criteria_before: int,
      unit_started: z.boolean().nullable(),
    }),
    z.object({
      grain: z.literal('overdue'),
      task_id: text,
      doc_no: maybe,
      lead_unit: text,
      title: text,
      assigned_on: date,
      due_on: date,
      state_before: maybe,
    }),
    z.object({
      grain: z.literal('index'),
      index_code: text,
      component: text,
      unit_code: text,
      period: text,
      score: z.number(),
      max_score: z.number().nullable(),
      rank: int.nullable(),
      rank_of: int.nullable(),
      rank_computed: z.boolean(),
    }),
  ]),
} as const;

export type QueryName = keyof typeof ROWS;
export type RowOf<N extends QueryName> = z.infer<(typeof ROWS)[N]>;
