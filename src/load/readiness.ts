/**
 * Ready for the meeting? What a brief of a period would lack: units that usually report dossiers
 * with a month missing, units assessed on the criteria with no assessment in the year, indices
 * whose latest result is older than expected, and tasks with no due date open for over a year.
 * Runs on the staged tables of `check` and on a loaded database alike (the same table names);
 * jobs that `require` some of these hold the briefs they lack (src/jobs/run.ts).
 */
import type { Db } from '../db.ts';
import { CliError, EXIT } from '../errors.ts';
import { periodMonths } from '../metrics/period.ts';
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
  const root = await rootOf(db, period, unit);
  const p = { root, start: period.start, end: period.end };
  const wants = (k: ReadinessKind) => kinds.includes(k);
  // Units of the scope (the root and every unit below it) that stand for the whole period.
  const scope = `WITH scope AS (SELECT u.unit_code FROM scope_tree($root) t JOIN units u USING (unit_code)
              WHERE (u.valid_from IS NULL OR u.valid_from <= $start::DATE) AND (u.valid_to IS NULL OR u.valid_to >= $end::DATE))`;
  const missing: Missing[] = [];
  const months = periodMonths(period);
  if (wants('dossiers')) {
    const reported = `SELECT unit_code, strftime(received_on, '%Y-%m') AS month FROM dossiers WHERE received_on BETWEEN $start::DATE - INTERVAL 1 YEAR AND $end::DATE
      UNION SELECT unit_code, month FROM dossier_stats WHERE month BETWEEN strftime($start::DATE - INTERVAL 1 YEAR, '%Y-%m') AND strftime($end::DATE, '%Y-%m')`;
    // Units that reported in the year before or during the period are expected every month.
    const rows = await db.all<{ unit_code: string; months: string[] }>(
      `${scope}, r AS (${reported}), m AS (SELECT unnest(string_split($months, ',')) AS month)
       SELECT x.unit_code, list(m.month ORDER BY m.month) AS months
       FROM (SELECT DISTINCT unit_code FROM r WHERE unit_code IN (SELECT unit_code FROM scope)) x CROSS JOIN m
       WHERE NOT EXISTS (SELECT 1 FROM r WHERE r.unit_code = x.unit_code AND r.month = m.month)
       GROUP BY x.unit_code ORDER BY x.unit_code`,
      { ...p, months: months.join(',') },
    );
    for (const r of rows) missing.push({ what: 'dossiers', unit_code: r.unit_code, months: r.months });
  }
  if (wants('criteria')) {
    const rows = await db.all<{ unit_code: string }>(
      `${scope} SELECT DISTINCT c.unit_code FROM criteria_results c WHERE c.unit_code IN (SELECT unit_code FROM scope)
         AND NOT EXISTS (SELECT 1 FROM criteria_results d WHERE d.unit_code = c.unit_code AND d.year = $year AND d.assessed_on <= $end::DATE)
       ORDER BY 1`,
      { ...p, year: period.year },
    );
    for (const r of rows) missing.push({ what: 'criteria', unit_code: r.unit_code, year: period.year });
  }
  if (wants('indices')) {
    // A yearly index of year Y is published during Y + 1; a monthly one within the next month.
    const rows = await db.all<{ index_code: string; latest: string; expected: string }>(
      `WITH l AS (SELECT index_code, max(period) AS latest FROM index_scores WHERE unit_code = $root AND period <= $endMonth GROUP BY 1)
       SELECT index_code, latest, CASE WHEN length(latest) = 4 THEN CAST($year - 1 AS VARCHAR) ELSE $prevMonth END AS expected
       FROM l WHERE latest < CASE WHEN length(latest) = 4 THEN CAST($year - 1 AS VARCHAR) ELSE $prevMonth END ORDER BY 1`,
      {
        root,
        year: period.year,
        endMonth: period.end.slice(0, 7),
        prevMonth: months.length ? prevMonth(months.at(-1)!) : '',
      },
    );
    for (const r of rows) missing.push({ what: 'indices', ...r });
  }
  if (wants('tasks')) {
    const rows = await db.all<{ task_id: string; lead_unit: string; assigned_on: string }>(
      `${scope} SELECT task_id, lead_unit, CAST(assigned_on AS VARCHAR) AS assigned_on FROM tasks
       WHERE lead_unit IN (SELECT unit_code FROM scope) AND due_on IS NULL AND assigned_on <= $end::DATE - INTERVAL 1 YEAR
         AND (completed_on IS NULL OR completed_on > $end::DATE) AND (cancelled_on IS NULL OR cancelled_on > $end::DATE)
       ORDER BY assigned_on, task_id`,
      p,
    );
    for (const r of rows) missing.push({ what: 'tasks', ...r });
  }
  return { period: period.id, unit: root, ready: missing.length === 0, missing };
}

function prevMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
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
