/**
 * Ready for the meeting? What a brief of a period would lack: units that usually report dossiers
 * with a month missing, units assessed on the criteria with no assessment in the year, indices
 * whose latest result is older than expected, and tasks with no due date open for over a year.
 * Runs on the staged tables of `check` and on a loaded database alike (the same table names);
 * jobs that `require` some of these hold the briefs they lack (src/jobs/run.ts).
 */
import type { Db } from '../db.ts';
import { CliError, EXIT } from '../errors.ts';
import { runQuery } from '../metrics/queries.ts';
import { rootProvinces } from '../metrics/scope.ts';
import type { Period } from '../metrics/types.ts';

export const READINESS_KINDS = ['dossiers', 'criteria', 'indices', 'tasks'] as const;
export type ReadinessKind = (typeof READINESS_KINDS)[number];

export type Missing =
  | { what: 'dossiers'; unit_code: string; months: string[] }
  | { what: 'criteria'; unit_code: string; year: number }
  | { what: 'indices'; index_code: string; latest: string; expected: string }
  | { what: 'tasks'; task_id: string; lead_unit: string; assigned_on: string };

export interface Readiness {
  period: string;
  unit: string;
  ready: boolean;
  missing: Missing[];
}

/** The scope's root: `unit`, else the one province a brief without --unit is about (queries/root_province.sql). */
async function rootOf(db: Db, period: Period, unit: string | undefined): Promise<string> {
  if (unit) {
    const found = await db.one(`SELECT 1 FROM units WHERE unit_code = $u`, { u: unit });
    if (!found) throw new CliError(`--unit ${unit} is not a unit_code in units`, EXIT.usage);
    return unit;
  }
  const provinces = await rootProvinces(db, period.end);
  if (provinces.length !== 1) {
    throw new CliError(
      `${provinces.length ? `several provinces stand on ${period.end} (${provinces.map((p) => p.unit_code).join(', ')})` : `no province with units stands on ${period.end}`}; give --unit`,
      EXIT.usage,
    );
  }
  return provinces[0]!.unit_code;
}

/**
 * What is missing for a brief of `period` on `unit` (default: the province), of the `kinds` asked
 * for. Reads the contract's tables and the shared definitions (queries/shared/definitions.sql):
 * a loaded database has both; `check` adds them to its staged tables first.
 */
export async function readiness(
  db: Db,
  period: Period,
  unit: string | undefined,
  kinds: readonly ReadinessKind[] = READINESS_KINDS,
): Promise<Readiness> {
  const [r] = await readinessOf(db, period, [await rootOf(db, period, unit)], kinds);
  return r!;
}

/**
 * The readiness of a brief on each of `roots` (unit_codes known to exist), in their order: one
 * query per kind for all of them (queries/readiness_*.sql), so a job of 102 commune briefs asks
 * four questions, not 408.
 */
export async function readinessOf(
  db: Db,
  period: Period,
  roots: readonly string[],
  kinds: readonly ReadinessKind[] = READINESS_KINDS,
): Promise<Readiness[]> {
  const p = { roots: roots.join(','), start: period.start, end: period.end };
  const ask = async <K extends ReadinessKind>(kind: K) =>
    kinds.includes(kind) && roots.length ? runQuery(db, `readiness_${kind}`, p) : [];
  // In the report's order: dossiers, criteria, indices, tasks.
  const found: { root: string; m: Missing }[] = [
    ...(await ask('dossiers')).map(({ root, ...m }) => ({ root, m: { what: 'dossiers' as const, ...m } })),
    ...(await ask('criteria')).map(({ root, ...m }) => ({ root, m: { what: 'criteria' as const, ...m } })),
    ...(await ask('indices')).map(({ root, ...m }) => ({ root, m: { what: 'indices' as const, ...m } })),
    ...(await ask('tasks')).map(({ root, ...m }) => ({ root, m: { what: 'tasks' as const, ...m } })),
  ];
  const byRoot = new Map<string, Missing[]>(roots.map((root) => [root, []]));
  for (const f of found) byRoot.get(f.root)!.push(f.m);
  return roots.map((root) => {
    const missing = byRoot.get(root)!;
    return { period: period.id, unit: root, ready: missing.length === 0, missing };
  });
}

/** One line per missing item, for `check` and the run history. */
export function describeMissing(m: Missing): string {
  switch (m.what) {
    case 'dossiers':
      return `dossiers: ${m.unit_code} has no dossiers or dossier_stats for ${m.months.join(', ')}`;
    case 'criteria':
      return `criteria: ${m.unit_code} has no criteria assessment in ${m.year}`;
    case 'indices':
      return `indices: the latest ${m.index_code} is ${m.latest}; ${m.expected} or later is expected by now`;
    case 'tasks':
      return `tasks: ${m.task_id} (${m.lead_unit}) has no due date and has been open since ${m.assigned_on}, over a year`;
  }
}
