import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Db, Row } from '../db.ts';
import { QueryError } from '../errors.ts';
import { QUERIES_DIR } from '../paths.ts';

/** Values bound to a query's `$params`; strings, because the same files run under `cchc sql --param`. */
export type QueryParams = Record<string, string>;

/** A database connection, or a pool of them (./pool.ts). */
export type Queryable = Pick<Db, 'all'>;

export interface QueryFile {
  name: string;
  /** `queries/NAME.sql`, as errors and docs name it. */
  path: string;
  sql: string;
  /** The `$params` the header declares, which are exactly the ones bound. */
  params: string[];
}

const files = new Map<string, Promise<QueryFile>>();

/** Reads `queries/NAME.sql` and its declared parameters, once per process (a batch runs them many times). */
export function queryFile(name: string): Promise<QueryFile> {
  let file = files.get(name);
  if (!file) {
    file = readQueryFile(name);
    // A failed read is not remembered: the error is reported, and a later call tries again.
    file.catch(() => files.delete(name));
    files.set(name, file);
  }
  return file;
}

async function readQueryFile(name: string): Promise<QueryFile> {
  const shown = `queries/${name}.sql`;
  const file = path.join(QUERIES_DIR, `${name}.sql`);
  let sql: string;
  try {
    sql = await readFile(file, 'utf8');
  } catch (e) {
    throw new QueryError(`cannot read ${file}`, shown, { cause: e });
  }
  return { name, path: shown, sql, params: declaredParams(sql, shown) };
}

/**
 * The header line `-- params: $unit (unit_code), $start, $end (DATE)` is the file's contract.
 * DuckDB rejects binding a name the statement does not use, so only declared names are bound.
 */
export function declaredParams(sql: string, path: string): string[] {
  const line = sql.split('\n').find((l) => /^--\s*params:/.test(l));
  if (!line) throw new QueryError('the header has no "-- params:" line', path);
  return [...line.matchAll(/\$([a-z_][a-z0-9_]*)/gi)].map((m) => m[1]!);
}

/** Runs `queries/NAME.sql` with its declared parameters taken from `params`. */
export async function runQuery<T extends Row>(db: Queryable, name: string, params: QueryParams): Promise<T[]> {
  const q = await queryFile(name);
  const bound: Record<string, string> = {};
  for (const p of q.params) {
    const v = params[p];
    if (v === undefined) throw new QueryError(`no value for $${p}`, q.path);
    bound[p] = v;
  }
  return db.all<T>(q.sql, bound, q.path);
}
