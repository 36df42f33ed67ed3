import { figuresOf, pick, type TargetEntry } from '../figures/index.ts';
import { runQuery, type Queryable, type QueryParams } from './queries.ts';
import type { TasksMetrics } from './types.ts';

/** The due-soon window (metrics.md § Tasks): bound as $due_soon_days and written to metrics.json. */
export const DUE_SOON_DAYS = 14;

const FIGURES = figuresOf('tasks');
const TARGETS = FIGURES.filter((f): f is TargetEntry<'tasks'> => 'target' in f);

/** metrics.md § Tasks: figures as of the period's end, by unit, and the overdue and due-soon lists. */
export async function tasksMetrics(
  db: Queryable,
  params: QueryParams,
  targets: Promise<Map<string, number>>,
): Promise<TasksMetrics> {
  const withWindow = { ...params, due_soon_days: String(DUE_SOON_DAYS) };
  const [rows, overdue_list, due_soon_list] = await Promise.all([
    runQuery(db, 'tasks', withWindow),
    runQuery(db, 'tasks_overdue', params),
    runQuery(db, 'tasks_due_soon', withWindow),
  ]);
  const scope = rows.find((r) => r.grain === 'scope')!;
  const target = await targets;
  return {
    ...pick(scope, FIGURES),
    due_soon_days: scope.due_soon_days,
    by_unit: rows
      .filter((r) => r.grain === 'unit')
      .map((r) => ({
        unit_code: r.unit_code!,
        name: r.name,
        short_name: r.short_name,
        kind: r.kind,
        ...pick(r, FIGURES),
      })),
    overdue_list,
    due_soon_list,
    target: Object.fromEntries(TARGETS.map((f) => [f.key, target.get(f.target) ?? null])),
  };
}
