import { DuckDBTypeId } from '@duckdb/node-api';

/** How a column's values are written: decides alignment, quoting, JSON literals and spreadsheet cell types. */
export type ColumnKind = 'int' | 'decimal' | 'float' | 'bool' | 'date' | 'timestamp' | 'timestamptz' | 'text' | 'other';

export interface Column {
  name: string;
  kind: ColumnKind;
}

/**
 * A value as DuckDB's JSON conversion gives it: exact integers beyond 2^53 and decimals arrive as
 * digit strings, dates as 'YYYY-MM-DD', timestamps as DuckDB prints them, nested values as JSON.
 */
export type Cell = null | string | number | boolean | Cell[] | { [key: string]: Cell };

export interface ResultSet {
  columns: Column[];
  rows: Cell[][];
  /** Rows inserted/updated/deleted by the last statement when it was not a query. */
  rowsChanged: number;
}

const KINDS: Partial<Record<DuckDBTypeId, ColumnKind>> = {
  [DuckDBTypeId.TINYINT]: 'int',
  [DuckDBTypeId.SMALLINT]: 'int',
  [DuckDBTypeId.INTEGER]: 'int',
  [DuckDBTypeId.BIGINT]: 'int',
  [DuckDBTypeId.HUGEINT]: 'int',
  [DuckDBTypeId.UTINYINT]: 'int',
  [DuckDBTypeId.USMALLINT]: 'int',
  [DuckDBTypeId.UINTEGER]: 'int',
  [DuckDBTypeId.UBIGINT]: 'int',
  [DuckDBTypeId.UHUGEINT]: 'int',
  [DuckDBTypeId.BIGNUM]: 'int',
  [DuckDBTypeId.DECIMAL]: 'decimal',
  [DuckDBTypeId.FLOAT]: 'float',
  [DuckDBTypeId.DOUBLE]: 'float',
  [DuckDBTypeId.BOOLEAN]: 'bool',
  [DuckDBTypeId.DATE]: 'date',
  [DuckDBTypeId.TIMESTAMP]: 'timestamp',
  [DuckDBTypeId.TIMESTAMP_S]: 'timestamp',
  [DuckDBTypeId.TIMESTAMP_MS]: 'timestamp',
  [DuckDBTypeId.TIMESTAMP_NS]: 'timestamp',
  [DuckDBTypeId.TIMESTAMP_TZ]: 'timestamptz',
  [DuckDBTypeId.VARCHAR]: 'text',
  [DuckDBTypeId.ENUM]: 'text',
  [DuckDBTypeId.UUID]: 'text',
};

export function kindOf(typeId: DuckDBTypeId): ColumnKind {
  return KINDS[typeId] ?? 'other';
}

export function isNumeric(kind: ColumnKind): boolean {
  return kind === 'int' || kind === 'decimal' || kind === 'float';
}

/** The text of a cell for table and CSV output; null is the empty string. */
export function cellText(v: Cell): string {
  if (v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}
