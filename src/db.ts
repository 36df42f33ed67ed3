import {
  DuckDBInstance,
  DuckDBTypeId,
  quotedIdentifier,
  quotedString,
  type DuckDBConnection,
  type DuckDBValue,
} from '@duckdb/node-api';
import { existsSync } from 'node:fs';
import { CliError, EXIT, QueryError } from './errors.ts';
import { missingPath } from './paths.ts';

export type Params = Record<string, DuckDBValue> | DuckDBValue[];
export type Row = Record<string, unknown>;

export interface OpenOptions {
  /** Open without write access; the default for everything but `load` and `sql --write`. */
  readOnly?: boolean;
  /**
   * Forbid reading or writing files outside the database (read_csv, COPY, ATTACH, INSTALL).
   * Ad hoc analyst SQL runs this way; the settings are locked so a query cannot lift them.
   */
  sandboxed?: boolean;
}

/** One DuckDB database file (or `:memory:`) and one connection to it. Always `close()` in finally. */
export class Db {
  private constructor(
    readonly path: string,
    private readonly instance: DuckDBInstance,
    readonly conn: DuckDBConnection,
    private readonly ownsInstance = true,
  ) {}

  static async open(path: string, options: OpenOptions = {}): Promise<Db> {
    const config: Record<string, string> = {};
    if (options.readOnly && path !== ':memory:') config.access_mode = 'READ_ONLY';
    if (options.sandboxed) {
      config.enable_external_access = 'false';
      config.autoload_known_extensions = 'false';
      config.autoinstall_known_extensions = 'false';
      config.lock_configuration = 'true';
    }
    const instance = await DuckDBInstance.create(path, config);
    const conn = await instance.connect();
    return new Db(path, instance, conn);
  }

  /** Runs a statement; `sqlPath` names the .sql file in errors. */
  async run(sql: string, params?: Params, sqlPath: string | null = null): Promise<void> {
    try {
      await this.conn.run(sql, params);
    } catch (e) {
      throw new QueryError(messageOf(e), sqlPath, { cause: e });
    }
  }

  /** Rows as plain JS values: numbers for INTEGER/DOUBLE, bigint → number when safe, DATE → 'YYYY-MM-DD'. */
  async all<T extends Row = Row>(sql: string, params?: Params, sqlPath: string | null = null): Promise<T[]> {
    let reader;
    try {
      reader = await this.conn.runAndReadAll(sql, params);
    } catch (e) {
      throw new QueryError(messageOf(e), sqlPath, { cause: e });
    }
    const names = reader.columnNames();
    const types = reader.columnTypes().map((t) => t.typeId);
    const rows = reader.getRowsJS();
    return rows.map((r) => {
      const o: Row = {};
      names.forEach((n, i) => (o[n] = toPlain(r[i], types[i])));
      return o as T;
    });
  }

  async one<T extends Row = Row>(sql: string, params?: Params, sqlPath: string | null = null): Promise<T | undefined> {
    return (await this.all<T>(sql, params, sqlPath))[0];
  }

  /** Another connection to the same database, so queries can run concurrently; its close() leaves the database open. */
  async connect(): Promise<Db> {
    return new Db(this.path, this.instance, await this.instance.connect(), false);
  }

  close(): void {
    this.conn.closeSync();
    if (this.ownsInstance) this.instance.closeSync();
  }
}

function toPlain(v: unknown, typeId: DuckDBTypeId | undefined): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') {
    return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v.toString();
  }
  if (v instanceof Date) {
    return typeId === DuckDBTypeId.DATE ? v.toISOString().slice(0, 10) : v.toISOString();
  }
  if (Array.isArray(v)) return v.map((x) => toPlain(x, undefined));
  return v;
}

export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Quotes an identifier (table, column) for SQL; values are always bound, never quoted. */
export const ident: (name: string) => string = quotedIdentifier;

/** Quotes a string literal for the few places DuckDB takes no parameter (file paths in table functions). */
export const literal: (s: string) => string = quotedString;

/**
 * Opens a database that `cchc load` made, turning the ways that fails into messages for people:
 * not loaded yet (exit 2), held by another process such as a running job (exit 3), unreadable (exit 1).
 */
export async function openExisting(file: string, options: OpenOptions = {}): Promise<Db> {
  if (!existsSync(file)) {
    throw new CliError(
      `database ${missingPath(file)} does not exist; run \`cchc load --data DIR --db ${file.trim()}\` first`,
      EXIT.usage,
    );
  }
  try {
    return await Db.open(file, options);
  } catch (e) {
    const m = messageOf(e).split('\n')[0]!;
    if (/lock/i.test(m)) throw new CliError(`database ${file} is in use by another process (${m})`, EXIT.locked);
    throw new CliError(`cannot open database ${file}: ${m}`, EXIT.data);
  }
}
