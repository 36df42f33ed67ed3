import type { Row } from '../db.ts';
import { runQuery, type Queryable, type QueryParams } from './queries.ts';
import type { OverdueTask, TaskCounts, TasksMetrics } from './types.ts';

type CountsRow = TaskCounts & Row;

/** metrics.md § Tasks: figures as of the period's end, by unit, and the overdue and due-soon lists. */
export async function tasksMetrics(db: Queryable, params: QueryParams, targets: Promise<Map<string, number>>): Promise<TasksMetrics> {
  const [[summary], by_unit, overdue_list, due_soon_list] = await Promise.all([
    runQuery<CountsRow>(db, 'tasks_summary', params),
    runQuery<CountsRow & { unit_code: string }>(db, 'tasks_by_unit', params),
    runQuery<OverdueTask & Row>(db, 'tasks_overdue', params),
    runQuery(db, 'tasks_due_soon', params),
  ]);
  const target = await targets;
  return {
    ...summary!,
    by_unit,
    overdue_list,
    due_soon_list,
    target: {
      completion_rate: target.get('task_completion_rate') ?? null,
      on_time_rate: target.get('task_on_time_rate') ?? null,
    },
  };
}
