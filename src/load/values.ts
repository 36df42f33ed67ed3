/**
 * How one text cell becomes a typed value, as DuckDB SQL expressions over the staged text, so a
 * million rows are parsed in bulk; and what to tell the user when a cell does not parse.
 */
import { TIME_ZONE } from '../dates.ts';
import { ident, literal } from '../db.ts';
import {
  AREAS,
  CHANNELS,
  CRITERIA_STATUSES,
  LINEAGE_KINDS,
  TARGET_METRICS,
  UNIT_KINDS,
  type ColumnDef,
  type ColumnType,
  type TableName,
} from '../schema.ts';
import { ONGOING, ONGOING_COLUMNS } from './forms.ts';

/**
 * Cleans a raw cell: trimmed, empty → NULL, and text NFC-normalised (the contract's text form).
 * Both steps are guarded because a million plain ASCII dates should not pay for them. Each
 * NULLIF wraps a plain value, so the expression reads `raw` only a few times even when DuckDB
 * does not factor out common subexpressions (see `materialiseTable`).
 */
export function cleanExpr(raw: string, type: ColumnType): string {
  const space = `' \t\r\n'`;
  const trimmed = `CASE WHEN ${raw} LIKE ' %' OR ${raw} LIKE '% ' OR ${raw} LIKE '%\t' OR ${raw} LIKE '\t%' THEN NULLIF(trim(${raw}, ${space}), '') ELSE NULLIF(${raw}, '') END`;
  if (['date', 'int', 'decimal', 'month', 'period'].includes(type)) return trimmed;
  // strlen counts bytes and length characters: equal means ASCII, which NFC leaves as it is.
  return `CASE WHEN strlen(${raw}) = length(${raw}) THEN ${trimmed} ELSE NULLIF(trim(nfc_normalize(${raw}), ${space}), '') END`;
}

const ISO_DATE = String.raw`\d{4}-\d{2}-\d{2}`;
const TIME = String.raw`[ T]\d{1,2}:\d{2}(:\d{2}(\.\d{1,9})?)?`;
const OFFSET = String.raw`(Z|[+-]\d{2}(:?\d{2})?)`;
const DMY = String.raw`\d{1,2}/\d{1,2}/\d{4}`;

const re = (pattern: string) => `'${pattern}'`;

/**
 * SQL producing the typed value of raw cell text `raw`, NULL when it is empty or does not parse.
 * Nearly every cell is already clean ("2024-11-05", "true"), so the raw text is parsed first and
 * cleaned only when that fails: a million cells do not pay for trimming and NFC (COALESCE and
 * CASE evaluate their later branches only for the rows that still need them).
 */
export function parsedExpr(type: ParsedType, raw: string): string {
  // An empty cell (NULL from the readers) skips both attempts: a fifth of all resolved_on is empty.
  return `CASE WHEN ${raw} IS NOT NULL THEN coalesce(${parseExpr(type, raw)}, ${parseExpr(type, cleanExpr(raw, type))}) END`;
}

/**
 * SQL producing the typed value of cleaned text `v`, NULL when it does not parse. A date-time
 * counts by its date in Asia/Ho_Chi_Minh: without an offset it is already local time; with one it is
 * converted (the province has had no daylight saving since 1975).
 */
function parseExpr(type: ParsedType, v: string): string {
  switch (type) {
    case 'date':
      // GLOB first: the common ISO date costs a pattern test and a cast, half a regular expression.
      return `CASE
        WHEN ${v} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' THEN TRY_CAST(${v} AS DATE)
        WHEN regexp_full_match(${v}, ${re(DMY)}) THEN CAST(try_strptime(${v}, '%d/%m/%Y') AS DATE)
        WHEN regexp_full_match(${v}, ${re(ISO_DATE + TIME)}) THEN CAST(TRY_CAST(${v} AS TIMESTAMP) AS DATE)
        WHEN regexp_full_match(${v}, ${re(ISO_DATE + TIME + ' ?' + OFFSET)}) THEN CAST(timezone(${literal(TIME_ZONE)}, TRY_CAST(${v} AS TIMESTAMPTZ)) AS DATE)
        WHEN regexp_full_match(${v}, ${re(DMY + String.raw` \d{1,2}:\d{2}(:\d{2})?`)}) THEN CAST(try_strptime(${v}, ['%d/%m/%Y %H:%M', '%d/%m/%Y %H:%M:%S']) AS DATE)
      END`;
    case 'int':
      return `CASE WHEN regexp_full_match(${v}, '-?\\d+') THEN TRY_CAST(${v} AS INTEGER) END`;
    case 'decimal':
      return `CASE WHEN regexp_full_match(${v}, '-?\\d+([.,]\\d+)?([eE][-+]?\\d+)?') THEN TRY_CAST(replace(${v}, ',', '.') AS DOUBLE) END`;
    case 'bool':
      return `CASE ${v} WHEN 'true' THEN true WHEN 'false' THEN false WHEN '1' THEN true WHEN '0' THEN false
        ELSE CASE WHEN lower(${v}) IN ('true', 'có') THEN true WHEN lower(${v}) IN ('false', 'không') THEN false END END`;
    case 'month':
      // Offices write 11/2024 or "Tháng 11/2024" as well as 2024-11.
      return `CASE WHEN regexp_full_match(${v}, '\\d{4}-(0[1-9]|1[0-2])') THEN ${v}
        WHEN regexp_full_match(${v}, '(?i)(th[áa]ng\\s*)?(0?[1-9]|1[0-2])/\\d{4}')
          THEN regexp_extract(${v}, '(\\d{4})$', 1) || '-' || lpad(regexp_extract(${v}, '(\\d{1,2})/\\d{4}$', 1), 2, '0') END`;
    case 'period':
      return `CASE WHEN regexp_full_match(${v}, '\\d{4}(-(0[1-9]|1[0-2]))?') THEN ${v} END`;
  }
}

export type ParsedType = Exclude<ColumnType, 'text' | 'code' | 'codes'>;

/** Whether the column may say "ongoing" in words (`Thường xuyên`), which is then an empty value. */
export const mayBeOngoing = (table: TableName, column: string) => ONGOING_COLUMNS[table]?.includes(column) ?? false;

/** SQL true when raw text `raw` is one of the words for an ongoing task (forms.ts ONGOING), in any case or accents. */
function ongoingExpr(raw: string): string {
  const folded = `rtrim(regexp_replace(strip_accents(lower(nfc_normalize(trim(${raw})))), '\\s+', ' ', 'g'), '.')`;
  // Not `IN (…)`: with common subexpressions off (materialiseTable) DuckDB folds the text again for each word.
  return `coalesce(list_contains([${ONGOING.map(literal).join(', ')}], ${folded}), false)`;
}

/** The column that holds whether a cell of `column` is an ongoing word (`ongoingFlagItem`). */
export const ongoingFlag = (column: string) => ident(`o$${column}`);

/** The columns among `present` that may say "ongoing", each of which needs its flag. */
export const ongoingColumns = (table: TableName, present: Set<string>): string[] =>
  (ONGOING_COLUMNS[table] ?? []).filter((c) => present.has(c));

/**
 * The select item of a column's flag, for a query beneath the parsing: the parsed value, its
 * cleaning and `_bad` each read the cell's text several times, and the folding is then done once a
 * cell rather than at each of them.
 */
export const ongoingFlagItem = (column: string) => `${ongoingExpr(ident(column))} AS ${ongoingFlag(column)}`;

/** The raw text a parsed column is read from: an ongoing word counts as empty. */
export const valueText = (table: TableName, column: string) =>
  mayBeOngoing(table, column) ? `CASE WHEN ${ongoingFlag(column)} THEN NULL ELSE ${ident(column)} END` : ident(column);

/** Whether values of the type can fail to parse (and so need a check). */
export function isParsed(type: ColumnType): type is ParsedType {
  return !['text', 'code', 'codes'].includes(type);
}

/** Rule id and the "use …" half of the message for a cell that does not parse. */
export const TYPE_RULES: Record<ParsedType, { rule: string; expected: string }> = {
  date: { rule: 'date', expected: 'is not a date; use YYYY-MM-DD or DD/MM/YYYY' },
  int: { rule: 'int', expected: 'is not a whole number; use digits only, without thousands separators' },
  decimal: {
    rule: 'decimal',
    expected: 'is not a number; use digits with a decimal point or one decimal comma, no thousands separators',
  },
  bool: { rule: 'bool', expected: 'is not a yes/no value; use true/false, 1/0 or có/không' },
  month: { rule: 'month', expected: 'is not a month; use YYYY-MM, MM/YYYY or "Tháng MM/YYYY"' },
  period: { rule: 'period', expected: 'is not a period; use YYYY or YYYY-MM' },
};

/**
 * Area codes by the names offices write (the Bộ chỉ số CCHC's headings), compared lower case,
 * without diacritics and with single spaces; docs/data.md lists them.
 */
export const AREA_NAMES: Record<string, (typeof AREAS)[number]> = {
  'chi dao, dieu hanh': 'direction',
  'cong tac chi dao, dieu hanh': 'direction',
  'cong tac chi dao, dieu hanh cai cach hanh chinh': 'direction',
  'chi dao, dieu hanh, tuyen truyen cai cach hanh chinh': 'direction',
  'cai cach the che': 'institutions',
  'cai cach thu tuc hanh chinh': 'procedures',
  'cai cach tthc': 'procedures',
  'cai cach to chuc bo may': 'organization',
  'cai cach to chuc bo may hanh chinh': 'organization',
  'cai cach che do cong vu': 'civil_service',
  'cai cach tai chinh cong': 'public_finance',
  'chinh quyen dien tu': 'digital_government',
  'chinh quyen so': 'digital_government',
  'chinh quyen dien tu, chinh quyen so': 'digital_government',
  'xay dung va phat trien chinh quyen dien tu, chinh quyen so': 'digital_government',
  'hien dai hoa hanh chinh': 'digital_government',
  'tac dong cua cai cach hanh chinh': 'impact',
  khac: 'other',
};

/** SQL of cleaned text `v` with an area name replaced by its code; anything else unchanged. */
export function areaExpr(v: string): string {
  const key = `regexp_replace(strip_accents(replace(lower(${v}), 'đ', 'd')), '\\s+', ' ', 'g')`;
  return `CASE ${key} ${Object.entries(AREA_NAMES)
    .map(([k, code]) => `WHEN ${literal(k)} THEN ${literal(code)}`)
    .join(' ')} ELSE ${v} END`;
}

/** Columns restricted to a code list of the contract. */
export const ENUMS: Partial<Record<TableName, Record<string, readonly string[]>>> = {
  units: { kind: UNIT_KINDS },
  unit_lineage: { kind: LINEAGE_KINDS },
  tasks: { area: AREAS },
  criteria: { area: AREAS },
  dossiers: { channel: CHANNELS },
  criteria_results: { status: CRITERIA_STATUSES },
  targets: { metric: TARGET_METRICS },
};

/**
 * SQL for `_bad`: NULL for a clean row, else the list of its offending cells as
 * {c: column, r: rule, v: cleaned text}. Reads text columns as cleaned `<col>`, and parsed columns
 * as their raw text `<col>`, typed value `p$<col>` and, where "ongoing" may be written, its flag
 * `o$<col>` (ongoingFlag); a parsed cell is cleaned again here only when it has no value, and the
 * list is only built for the rare bad row.
 */
export function badCellsExpr(table: TableName, columns: ColumnDef[], present: Set<string>): string {
  const q = (n: string) => `"${n}"`;
  // `flag`: a cheaper condition true whenever `cond` is, to pick out the rare rows worth a closer look.
  const checks: { cond: string; flag?: string; column: string; rule: string; text: string }[] = [];
  for (const c of columns) {
    if (!present.has(c.name)) {
      // Only JSON lacks columns here (a missing key is an empty value); other formats fail on headers.
      if (c.required) checks.push({ cond: 'true', column: c.name, rule: 'required', text: 'CAST(NULL AS VARCHAR)' });
      continue;
    }
    if (isParsed(c.type)) {
      const raw = valueText(table, c.name);
      const text = cleanExpr(raw, c.type);
      const missing = `${q('p$' + c.name)} IS NULL`;
      const flag = c.required ? missing : `${missing} AND ${q(c.name)} IS NOT NULL`;
      // An ongoing word is no error, but a reading to report (rule due_ongoing, a warning).
      if (mayBeOngoing(table, c.name))
        checks.push({
          cond: ongoingFlag(c.name),
          flag,
          column: c.name,
          rule: 'due_ongoing',
          text: q(c.name),
        });
      if (c.required)
        checks.push({ cond: `${missing} AND ${text} IS NULL`, flag, column: c.name, rule: 'required', text });
      checks.push({
        cond: `${missing} AND ${text} IS NOT NULL`,
        flag,
        column: c.name,
        rule: TYPE_RULES[c.type].rule,
        text,
      });
      continue;
    }
    const text = q(c.name);
    if (c.required) checks.push({ cond: `${text} IS NULL`, column: c.name, rule: 'required', text });
    const values = ENUMS[table]?.[c.name];
    if (values)
      checks.push({
        cond: `${text} IS NOT NULL AND ${text} NOT IN (${values.map(literal).join(', ')})`,
        column: c.name,
        rule: 'enum',
        text,
      });
  }
  if (checks.length === 0) return 'CAST(NULL AS STRUCT(c VARCHAR, r VARCHAR, v VARCHAR)[])';
  const items = checks.map(
    (k) => `CASE WHEN ${k.cond} THEN {'c': ${literal(k.column)}, 'r': ${literal(k.rule)}, 'v': ${k.text}} END`,
  );
  // Every condition and flag is NULL-safe (never NULL), so a plain OR decides.
  const flags = [...new Set(checks.map((k) => `(${k.flag ?? k.cond})`))];
  return `CASE WHEN ${flags.join(' OR ')} THEN list_filter([${items.join(', ')}], x -> x IS NOT NULL) END`;
}
