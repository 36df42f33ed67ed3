import type { Row } from '../db.ts';
import { runQuery, type Queryable, type QueryParams } from './queries.ts';
import type { OverdueTask, TaskCounts, TasksMetrics } from './types.ts';

/** The due-soon window (metrics.md § Tasks): bound as $due_soon_days and written to metrics.json. */
export const DUE_SOON_DAYS = 14;

type TasksRow = TaskCounts & Row & { grain: 'scope' | 'unit'; unit_code: string | null; due_soon_days: number };

/** metrics.md § Tasks: figures as of the period's end, by unit, and the overdue and due-soon lists. */
export async function tasksMetrics(
  db: Queryable,
  params: QueryParams,
  targets: Promise<Map<string, number>>,
): Promise<TasksMetrics> {
  const withWindow = { ...params, due_soon_days: String(DUE_SOON_DAYS) };
  const [rows, overdue_list, due_soon_list] = await Promise.all([
    runQuery<TasksRow>(db, 'tasks', withWindow),
    runQuery<OverdueTask & Row>(db, 'tasks_overdue', params),
    runQuery(db, 'tasks_due_soon', withWindow),
  ]);
  const {
    grain: _g,
    unit_code: _u,
    name: _n,
    short_name: _s,
    kind: _k,
    due_soon_days,
    ...summary
  } = rows.find((r) => r.grain === 'scope')!;
  const target = await targets;
  return {
    ...(summary as TaskCounts),
    due_soon_days,
    by_unit: rows
      .filter((r) => r.grain === 'unit')
      .map(({ grain: _, due_soon_days: _d, ...r }) => r as TasksMetrics['by_unit'][number]),
    overdue_list,
    due_soon_list,
    target: {
      completion_rate: target.get('task_completion_rate') ?? null,
      on_time_rate: target.get('task_on_time_rate') ?? null,
    },
  };
}
