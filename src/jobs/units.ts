import type { Db } from '../db.ts';
import { CliError, EXIT } from '../errors.ts';
import { runQuery } from '../metrics/queries.ts';
import { notStanding, rootProvinces } from '../metrics/scope.ts';
import type { Period } from '../metrics/types.ts';
import type { Job } from './config.ts';

/**
 * What a job renders at a period: its units, or none and why. A job whose units do not stand in
 * the period (a district job after 1 July 2025, a commune job before it) has nothing to do; that
 * is not a failure, and `idle` says why.
 */
export interface JobUnits {
  units: string[];
  idle: string | null;
}

/**
 * The units a job renders a brief for, at the period: `province` is the root province that exists
 * on the period's end (queries/root_province.sql); `children-of:CODE` the children of CODE that
 * stand on the period's end (queries/job_units.sql), optionally of some kinds; a list is taken as
 * written, each code checked against the units table.
 */
export async function resolveUnits(
  db: Db,
  job: Pick<Job, 'file' | 'units' | 'unit_kinds'>,
  period: Period,
): Promise<JobUnits> {
  if (job.units === 'province') {
    const rows = await rootProvinces(db, period.end);
    if (rows.length !== 1) {
      const found = rows.length ? ` (${rows.map((r) => r.unit_code).join(', ')})` : '';
      const fix = rows.length
        ? `; for periods before the merger name one, e.g. "units": ["${rows[0]!.unit_code}"]`
        : '';
      throw new CliError(
        `${job.file}: units: "province" needs exactly one province unit with child units on ${period.end}; found ${rows.length}${found}${fix}`,
        EXIT.data,
      );
    }
    return { units: [rows[0]!.unit_code], idle: null };
  }
  if (typeof job.units === 'string') {
    const parent = job.units.slice('children-of:'.length);
    await requireUnits(db, job.file, [parent]);
    const absent = await notStanding(db, parent, period);
    if (absent) return { units: [], idle: `${absent.reason}; no briefs of its units for ${period.id}` };
    const rows = await runQuery(db, 'job_units', {
      parent,
      start: period.start,
      end: period.end,
    });
    const kinds = job.unit_kinds ? new Set<string>(job.unit_kinds) : null;
    const units = rows.filter((r) => !kinds || kinds.has(r.kind)).map((r) => r.unit_code);
    const what = kinds ? `of kind ${[...kinds].join(', ')} ` : '';
    return { units, idle: units.length ? null : `no unit ${what}under ${parent} stands in ${period.id}` };
  }
  await requireUnits(db, job.file, job.units);
  return { units: [...job.units], idle: null };
}

async function requireUnits(db: Db, file: string, codes: string[]): Promise<void> {
  const known = new Set((await db.all<{ unit_code: string }>('SELECT unit_code FROM units')).map((r) => r.unit_code));
  const unknown = codes.filter((c) => !known.has(c));
  if (unknown.length > 0) {
    throw new CliError(`${file}: units: ${unknown.join(', ')} not in the units table of the loaded data`, EXIT.usage);
  }
}
