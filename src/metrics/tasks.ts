import type { Db, Row } from '../db.ts';
import { runQuery, type QueryParams } from './queries.ts';
import type { OverdueTask, TaskCounts, TasksMetrics } from './types.ts';

type CountsRow = TaskCounts & Row;

/** metrics.md § Tasks: figures as of the period's end, by unit, and the overdue and due-soon lists. */
export async function tasksMetrics(db: Db, params: QueryParams, targets: Map<string, number>): Promise<TasksMetrics> {
  const [summary, byUnit, overdue, dueSoon] = [
    await runQuery<CountsRow>(db, 'tasks_summary', params),
    await runQuery<CountsRow & { unit_code: string }>(db, 'tasks_by_unit', params),
    await runQuery<OverdueTask & Row>(db, 'tasks_overdue', params),
    await runQuery(db, 'tasks_due_soon', params),
  ];
  return {
    ...summary[0]!,
    by_unit: byUnit,
    overdue_list: overdue,
    due_soon_list: dueSoon,
    target: {
      completion_rate: targets.get('task_completion_rate') ?? null,
      on_time_rate: targets.get('task_on_time_rate') ?? null,
    },
  };
}
