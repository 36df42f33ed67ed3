import type { Db } from '../db.ts';
import { CliError, EXIT } from '../errors.ts';
import { rootProvinces } from '../metrics/scope.ts';
import type { Period } from '../metrics/types.ts';
import type { Job } from './config.ts';

/**
 * The units a job renders a brief for, at the period: `province` is the root province that exists
 * on the period's end (queries/root_province.sql); `children-of:CODE` its children that stand on
 * the period's end and existed during it (optionally of some kinds); a list is taken as written,
 * each code checked against the units table.
 */
export async function resolveUnits(db: Db, job: Pick<Job, 'file' | 'units' | 'unit_kinds'>, period: Period): Promise<string[]> {
  if (job.units === 'province') {
    const rows = await rootProvinces(db, period.end);
    if (rows.length !== 1) {
      const found = rows.length ? ` (${rows.map((r) => r.unit_code).join(', ')})` : '';
      throw new CliError(
        `${job.file}: units: "province" needs exactly one province unit with child units on ${period.end}; found ${rows.length}${found}`,
        EXIT.data,
      );
    }
    return [rows[0]!.unit_code];
  }
  if (typeof job.units === 'string') {
    const parent = job.units.slice('children-of:'.length);
    await requireUnits(db, job.file, [parent]);
    // The children that get a by_unit row at the period's end (started, not taken over by then;
    // scope_children in queries/shared/definitions.sql), less those that ended before the period.
    const rows = await db.all<{ unit_code: string; kind: string }>(
      `SELECT u.unit_code, u.kind FROM scope_children($parent, $end::DATE) c JOIN units u USING (unit_code)
        WHERE u.valid_to IS NULL OR u.valid_to >= $start::DATE
        ORDER BY u.unit_code`,
      { parent, start: period.start, end: period.end },
    );
    const kinds = job.unit_kinds ? new Set<string>(job.unit_kinds) : null;
    return rows.filter((r) => !kinds || kinds.has(r.kind)).map((r) => r.unit_code);
  }
  await requireUnits(db, job.file, job.units);
  return [...job.units];
}

async function requireUnits(db: Db, file: string, codes: string[]): Promise<void> {
  const known = new Set((await db.all<{ unit_code: string }>('SELECT unit_code FROM units')).map((r) => r.unit_code));
  const unknown = codes.filter((c) => !known.has(c));
  if (unknown.length > 0) {
    throw new CliError(`${file}: units: ${unknown.join(', ')} not in the units table of the loaded data`, EXIT.usage);
  }
}
