/**
 * How one text cell becomes a typed value, as DuckDB SQL expressions over the staged text, so a
 * million rows are parsed in bulk; and what to tell the user when a cell does not parse.
 */
import type { ColumnType } from '../schema.ts';

/** Cleans a raw cell: NFC (the contract's text form), trimmed, empty → NULL. */
export function cleanExpr(raw: string): string {
  return `NULLIF(trim(nfc_normalize(${raw})), '')`;
}

const ISO_DATE = String.raw`\d{4}-\d{2}-\d{2}`;
const TIME = String.raw`[ T]\d{1,2}:\d{2}(:\d{2}(\.\d{1,9})?)?`;
const OFFSET = String.raw`(Z|[+-]\d{2}(:?\d{2})?)`;
const DMY = String.raw`\d{1,2}/\d{1,2}/\d{4}`;

const re = (pattern: string) => `'${pattern}'`;

/**
 * SQL producing the typed value of cleaned text `v`, NULL when it does not parse. A date-time
 * counts by its date in Asia/Ho_Chi_Minh: without an offset it is already local time; with one it is
 * converted (the province has had no daylight saving since 1975).
 */
export function parseExpr(type: ColumnType, v: string): string {
  switch (type) {
    case 'text':
    case 'code':
    case 'codes':
      return v;
    case 'date':
      return `CASE
        WHEN regexp_full_match(${v}, ${re(ISO_DATE)}) THEN TRY_CAST(${v} AS DATE)
        WHEN regexp_full_match(${v}, ${re(DMY)}) THEN CAST(try_strptime(${v}, '%d/%m/%Y') AS DATE)
        WHEN regexp_full_match(${v}, ${re(ISO_DATE + TIME)}) THEN CAST(TRY_CAST(${v} AS TIMESTAMP) AS DATE)
        WHEN regexp_full_match(${v}, ${re(ISO_DATE + TIME + ' ?' + OFFSET)}) THEN CAST(timezone('Asia/Ho_Chi_Minh', TRY_CAST(${v} AS TIMESTAMPTZ)) AS DATE)
        WHEN regexp_full_match(${v}, ${re(DMY + String.raw` \d{1,2}:\d{2}(:\d{2})?`)}) THEN CAST(try_strptime(${v}, ['%d/%m/%Y %H:%M', '%d/%m/%Y %H:%M:%S']) AS DATE)
      END`;
    case 'int':
      return `CASE WHEN regexp_full_match(${v}, '-?\\d+') THEN TRY_CAST(${v} AS INTEGER) END`;
    case 'decimal':
      return `CASE WHEN regexp_full_match(${v}, '-?\\d+([.,]\\d+)?([eE][-+]?\\d+)?') THEN TRY_CAST(replace(${v}, ',', '.') AS DOUBLE) END`;
    case 'bool':
      return `CASE WHEN lower(${v}) IN ('true', '1', 'có') THEN true WHEN lower(${v}) IN ('false', '0', 'không') THEN false END`;
    case 'month':
      return `CASE WHEN regexp_full_match(${v}, '\\d{4}-(0[1-9]|1[0-2])') THEN ${v} END`;
    case 'period':
      return `CASE WHEN regexp_full_match(${v}, '\\d{4}(-(0[1-9]|1[0-2]))?') THEN ${v} END`;
  }
}

/** Whether values of the type can fail to parse (and so need a check). */
export function isParsed(type: ColumnType): boolean {
  return !['text', 'code', 'codes'].includes(type);
}

/** Rule id and the "use …" half of the message for a cell that does not parse. */
export const TYPE_RULES: Record<ColumnType, { rule: string; expected: string }> = {
  text: { rule: 'text', expected: '' },
  code: { rule: 'text', expected: '' },
  codes: { rule: 'text', expected: '' },
  date: { rule: 'date', expected: 'is not a date; use YYYY-MM-DD or DD/MM/YYYY' },
  int: { rule: 'int', expected: 'is not a whole number; use digits only, without thousands separators' },
  decimal: { rule: 'decimal', expected: 'is not a number; use digits with a decimal point or one decimal comma, no thousands separators' },
  bool: { rule: 'bool', expected: 'is not a yes/no value; use true/false, 1/0 or có/không' },
  month: { rule: 'month', expected: 'is not a month; use YYYY-MM' },
  period: { rule: 'period', expected: 'is not a period; use YYYY or YYYY-MM' },
};
