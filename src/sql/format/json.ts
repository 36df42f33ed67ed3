import type { ResultSet } from '../result.ts';

const EXACT_NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * An array of objects. Integers beyond 2^53 and decimals arrive as digit strings and are written
 * as JSON number literals with every digit; NaN and ±Infinity, which JSON cannot write, stay strings.
 */
export function formatJson(result: ResultSet): string {
  const { columns, rows } = result;
  const keys = columns.map((c) => JSON.stringify(c.name));
  const out = rows.map((row) => {
    const fields = row.map((v, c) => {
      const kind = columns[c]!.kind;
      const exact = (kind === 'int' || kind === 'decimal') && typeof v === 'string' && EXACT_NUMBER.test(v);
      return `${keys[c]}:${exact ? v : JSON.stringify(v)}`;
    });
    return `{${fields.join(',')}}`;
  });
  return `[${out.length ? '\n' + out.join(',\n') + '\n' : ''}]\n`;
}
