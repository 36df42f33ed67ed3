import type { Db, Row } from '../db.ts';
import { runQuery, type QueryParams } from './queries.ts';
import type { OverdueTask, TaskCounts, TasksMetrics } from './types.ts';

type CountsRow = TaskCounts & Row;

/** metrics.md § Tasks: figures as of the period's end, by unit, and the overdue and due-soon lists. */
export async function tasksMetrics(db: Db, params: QueryParams, targets: Map<string, number>): Promise<TasksMetrics> {
  const [summary] = await runQuery<CountsRow>(db, 'tasks_summary', params);
  return {
    ...summary!,
    by_unit: await runQuery<CountsRow & { unit_code: string }>(db, 'tasks_by_unit', params),
    overdue_list: await runQuery<OverdueTask & Row>(db, 'tasks_overdue', params),
    due_soon_list: await runQuery(db, 'tasks_due_soon', params),
    target: {
      completion_rate: targets.get('task_completion_rate') ?? null,
      on_time_rate: targets.get('task_on_time_rate') ?? null,
    },
  };
}
