import { formatCsv as writeCsv } from '../../csv.ts';
import { type ResultSet, cellText, isNumeric } from '../result.ts';

/** A result as CSV through the one writer (src/csv.ts); NULL is an empty field. */
export function formatCsv(result: ResultSet, options: { bom?: boolean } = {}): string {
  return writeCsv(
    result.columns.map((c) => c.name),
    result.rows.map((row) => row.map((v) => cellText(v))),
    { bom: options.bom, numeric: result.columns.map((c) => isNumeric(c.kind)) },
  );
}
