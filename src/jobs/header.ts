import type { Period } from '../metrics/types.ts';
import type { DocumentHeaderSpec } from './config.ts';

/** The job's document header for one brief: `{year}`, `{month}`, `{quarter}`, `{period}`, `{unit}` filled in the number and symbol. */
export function fillHeader(header: DocumentHeaderSpec, period: Period, unit: string): DocumentHeaderSpec {
  const month = period.end.slice(5, 7);
  const values: Record<string, string> = {
    year: String(period.year),
    month,
    quarter: String(Math.ceil(Number(month) / 3)),
    period: period.id,
    unit,
  };
  const fill = (s: string | undefined) =>
    s?.replace(/\{(year|month|quarter|period|unit)\}/g, (_, k: string) => values[k]!);
  return { ...header, number: fill(header.number), symbol: fill(header.symbol) };
}
