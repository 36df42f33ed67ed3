import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import type { Db, Row } from '../db.ts';
import { QueryError } from '../errors.ts';
import { QUERIES_DIR } from '../paths.ts';
import { DEFINED, DEFINITIONS_PATH } from './definitions.ts';
import { ROWS, type QueryName, type RowOf } from './rows.ts';

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
 * The header line `-- params: $unit (unit_code), $start, $end (DATE)` is the file's contract; it may
 * go on over indented comment lines (`--         $due_soon_days …`). DuckDB rejects binding a name
 * the statement does not use, so only declared names are bound.
 */
export function declaredParams(sql: string, path: string): string[] {
  const lines = sql.split('\n');
  const first = lines.findIndex((l) => /^--\s*params:/.test(l));
  if (first < 0) throw new QueryError('the header has no "-- params:" line', path);
  let last = first + 1;
  while (last < lines.length && /^--\s{2,}\$/.test(lines[last]!)) last++;
  return [
    ...lines
      .slice(first, last)
      .join(' ')
      .matchAll(/\$([a-z_][a-z0-9_]*)/gi),
  ].map((m) => m[1]!);
}

/**
 * Runs `queries/NAME.sql` with its declared parameters taken from `params`; every row is checked
 * against what the file must return (./rows.ts), with only those columns kept.
 */
export async function runQuery<N extends QueryName>(db: Queryable, name: N, params: QueryParams): Promise<RowOf<N>[]> {
  const q = await queryFile(name);
  const bound: Record<string, string> = {};
  for (const p of q.params) {
    const v = params[p];
    if (v === undefined) throw new QueryError(`no value for $${p}`, q.path);
    bound[p] = v;
  }
  let rows: Row[];
  try {
    rows = await db.all(q.sql, bound, q.path);
  } catch (e) {
    // A database loaded before the shared definitions existed, or not by `cchc load` at all.
    if (e instanceof QueryError && MISSING.test(e.message)) {
      throw new QueryError(
        `${e.message.split('\n')[0]} — the database lacks the definitions of ${DEFINITIONS_PATH}; load it again with \`cchc load\``,
        q.path,
        { cause: e },
      );
    }
    throw e;
  }
  return validated(ROWS[name], rows, q.path) as RowOf<N>[];
}

/** The rows as the schema keeps them, or a QueryError naming the first column that breaks it. */
function validated(schema: z.ZodType, rows: Row[], path: string): unknown[] {
  return rows.map((row, i) => {
    const r = schema.safeParse(row);
    if (r.success) return r.data;
    const issue = r.error.issues[0]!;
    const column = issue.path.map(String).join('.');
    const grain = typeof row.grain === 'string' ? `, grain ${row.grain}` : '';
    const what =
      issue.path.length > 0 && !(issue.path[0]! in row)
        ? `has no column "${column}"`
        : `column "${column}" is ${JSON.stringify(row[String(issue.path[0])] ?? null)}: ${issue.message}`;
    throw new QueryError(`the result ${what} (row ${i + 1}${grain})`, path);
  });
}

const MISSING = new RegExp(`name (${DEFINED.join('|')}) does not exist`);
