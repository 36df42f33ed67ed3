import { CliError } from '../errors.ts';
import { parsePeriod } from '../metrics/period.ts';
import type { Period } from '../metrics/types.ts';
import { localTime } from '../dates.ts';

/**
 * The period a job reports when it runs at `at`: the month or quarter before the one `at` falls
 * in, or the year to the end of the last complete quarter (a full year once it is over).
 */
export function resolvePeriod(spec: string, at: Date): Period {
  const { year, month } = localTime(at);
  switch (spec) {
    case 'previous-month':
      return month === 1 ? parsePeriod(`${year - 1}-12`) : parsePeriod(`${year}-${String(month - 1).padStart(2, '0')}`);
    case 'previous-quarter': {
      const q = Math.ceil(month / 3) - 1;
      return q === 0 ? parsePeriod(`${year - 1}-Q4`) : parsePeriod(`${year}-Q${q}`);
    }
    case 'year-to-date': {
      const months = 3 * (Math.ceil(month / 3) - 1);
      return months === 0 ? parsePeriod(String(year - 1)) : parsePeriod(`${year}-${months}M`);
    }
    default:
      return parsePeriod(spec);
  }
}

/**
 * `--at` as people write it: an ISO date-time; without a zone it is wall-clock time in
 * Asia/Ho_Chi_Minh (UTC+7 all year, no daylight saving).
 */
export function parseAt(text: string): Date {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?))?(Z|[+-]\d{2}:?\d{2})?$/.exec(text.trim());
  const d = m ? new Date(`${m[1]}T${m[2] ?? '00:00'}${m[3] ?? '+07:00'}`) : new Date(NaN);
  // Date rolls 2024-02-30 over to 1 March; a day that does not exist is an error instead.
  const valid = m !== null && !Number.isNaN(d.getTime()) && new Date(`${m[1]}T00:00Z`).toISOString().startsWith(m[1]!);
  if (!valid) {
    throw new CliError(
      `--at "${text}" is not a date-time; use e.g. 2024-12-01T07:00 (Asia/Ho_Chi_Minh) or 2024-12-01T00:00Z`,
    );
  }
  return d;
}
