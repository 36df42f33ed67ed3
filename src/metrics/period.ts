import { CliError, EXIT } from '../errors.ts';
import type { Period, PeriodKind } from './types.ts';
import { daysInMonth } from '../dates.ts';

export const PERIOD_FORMS =
  '2024-11 (a month), 2024-Q4 (a quarter), 2024-H1 or 2024-H2 (a half year), ' +
  '2024-3M, 2024-6M or 2024-9M (the first 3, 6 or 9 months), 2024 (a year)';

const PATTERN = /^(\d{4})(?:-(?:(\d{1,2})|[Qq]([1-4])|[Hh]([12])|([369])[Mm]))?$/;

/** Parses a period id as users type it (`2024-11`, `2024-Q4`, `2024-H1`, `2024-9M`, `2024`). */
export function parsePeriod(input: string): Period {
  const text = input.trim();
  const m = PATTERN.exec(text);
  const year = m ? Number(m[1]) : NaN;
  if (!m || year < 1900) throw badPeriod(input);
  const [, , month, quarter, half, ytd] = m;
  if (month !== undefined) {
    const n = Number(month);
    if (n < 1 || n > 12) throw badPeriod(input);
    return build('month', year, n, `${year}-${pad(n)}`, n, n);
  }
  if (quarter !== undefined) {
    const n = Number(quarter);
    return build('quarter', year, n, `${year}-Q${n}`, 3 * n - 2, 3 * n);
  }
  if (half !== undefined) {
    const n = Number(half);
    return build('half', year, n, `${year}-H${n}`, 6 * n - 5, 6 * n);
  }
  if (ytd !== undefined) {
    const n = Number(ytd);
    return build('ytd', year, n, `${year}-${n}M`, 1, n);
  }
  return build('year', year, null, String(year), 1, 12);
}

/** The comparison period (cùng kỳ): the same period one year earlier. */
export function previousPeriod(p: Period): Period {
  return parsePeriod(p.id.replace(/^\d{4}/, String(p.year - 1)));
}

/**
 * The previous period of the same kind, the one the last meeting discussed: the month, quarter,
 * half or year before. Year-to-date periods step back one quarter (9M → 6M → 3M), as a
 * year-to-date job issues them, and 3M steps back to the whole previous year, the brief before it.
 */
export function precedingPeriod(p: Period): Period {
  const n = p.n ?? 0;
  switch (p.kind) {
    case 'month':
      return parsePeriod(n === 1 ? `${p.year - 1}-12` : `${p.year}-${pad(n - 1)}`);
    case 'quarter':
      return parsePeriod(n === 1 ? `${p.year - 1}-Q4` : `${p.year}-Q${n - 1}`);
    case 'half':
      return parsePeriod(n === 1 ? `${p.year - 1}-H2` : `${p.year}-H1`);
    case 'ytd':
      return parsePeriod(n === 3 ? String(p.year - 1) : `${p.year}-${n - 3}M`);
    case 'year':
      return parsePeriod(String(p.year - 1));
  }
}

/**
 * The first period of the form of `p` (a quarter for a quarter, 9M for 9M…) that ends on or after
 * `day` (ISO): the period to suggest for a unit that starts on that day.
 */
export function firstPeriodEndingFrom(p: Period, day: string): Period {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  const ids: Record<PeriodKind, string> = {
    month: `${year}-${pad(month)}`,
    quarter: `${year}-Q${Math.ceil(month / 3)}`,
    half: `${year}-H${month <= 6 ? 1 : 2}`,
    ytd: `${year}-${p.n}M`,
    year: String(year),
  };
  const q = parsePeriod(ids[p.kind]);
  // Only the first months of a year can end before a day of the same year.
  return q.end >= day ? q : parsePeriod(`${year + 1}-${p.n}M`);
}

/** The months of a period as `YYYY-MM`, in order. */
export function periodMonths(p: Period): string[] {
  const first = Number(p.start.slice(5, 7));
  const last = Number(p.end.slice(5, 7));
  return Array.from({ length: last - first + 1 }, (_, i) => `${p.year}-${pad(first + i)}`);
}

function build(
  kind: PeriodKind,
  year: number,
  n: number | null,
  id: string,
  firstMonth: number,
  lastMonth: number,
): Period {
  return {
    id,
    kind,
    year,
    n,
    start: `${year}-${pad(firstMonth)}-01`,
    end: `${year}-${pad(lastMonth)}-${pad(daysInMonth(year, lastMonth))}`,
  };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function badPeriod(input: string): CliError {
  const meant = guessPeriod(input);
  const forms = meant ? `did you mean ${meant}? Use one of` : 'use one of';
  return new CliError(`"${input}" is not a period; ${forms}: ${PERIOD_FORMS}`, EXIT.usage);
}

/**
 * The period meant by the forms people write in Vietnamese documents and spreadsheets: the part
 * before the year (quý 3/2026 → `Q3-2026`, tháng 9/2026 → `9/2026`) or another separator
 * (`2026/09`, `2026 Q3`). Only a guess that parses is offered.
 */
function guessPeriod(input: string): string | null {
  const part = '([QqHh][1-4]|[369][Mm]|\\d{1,2})';
  const yearFirst = new RegExp(`^(\\d{4})\\s*[-/. ]?\\s*${part}$`).exec(input.trim());
  const yearLast = new RegExp(`^${part}\\s*[-/. ]\\s*(\\d{4})$`).exec(input.trim());
  const id = yearFirst ? `${yearFirst[1]}-${yearFirst[2]}` : yearLast ? `${yearLast[2]}-${yearLast[1]}` : null;
  // Checked here, not by parsePeriod, whose error would ask for a guess again.
  const m = id === null ? null : PATTERN.exec(id);
  if (!m) return null;
  const [, year, month, quarter, half, ytd] = m;
  if (month === undefined) return `${year}-${quarter ? `Q${quarter}` : half ? `H${half}` : `${ytd}M`}`;
  const n = Number(month);
  return n >= 1 && n <= 12 ? `${year}-${pad(n)}` : null;
}
