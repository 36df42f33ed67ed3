import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { messageOf } from '../db.ts';
import { QueryError } from '../errors.ts';
import { QUERIES_DIR } from '../paths.ts';
import type { Queryable } from './queries.ts';

/**
 * queries/shared/definitions.sql: the views and table macros every query file builds on (scope at
 * a date with lineage, task states, the criteria grid, ranked index scores, online cells). They
 * live in the database itself, so `cchc sql queries/NAME.sql` runs any file alone.
 */
export const DEFINITIONS_PATH = 'queries/shared/definitions.sql';

let text: string | null = null;

function fileText(): string {
  text ??= readFileSync(path.join(QUERIES_DIR, 'shared', 'definitions.sql'), 'utf8');
  return text;
}

/**
 * The definitions' own version (a hash of the file), stored with them as the view
 * definitions_version: a database loaded before the file last changed (a figure added to
 * online_cells, say) holds other macros than the queries expect, and must be loaded again.
 */
export const DEFINITIONS_VERSION = createHash('sha256').update(fileText()).digest('hex').slice(0, 16);

/** The definitions as one multi-statement script; they must run after the tables exist. */
export function definitionsSql(): string {
  return `${fileText()}\nCREATE OR REPLACE VIEW definitions_version AS SELECT '${DEFINITIONS_VERSION}' AS version;\n`;
}

/** DuckDB's error for the view itself missing; the name is kept, since a view it reads may be the one missing. */
const NO_VERSION = /\bname definitions_version does not exist\b/;

/**
 * The version of the definitions a database holds; null when it has none (loaded before versions
 * existed). Any other failure (a closed pool, a broken view) is no answer about the version, so it
 * is thrown as a QueryError rather than taken for an old database.
 */
export async function loadedDefinitions(db: Queryable): Promise<string | null> {
  let rows: { version: string }[];
  try {
    rows = await db.all<{ version: string }>('SELECT version FROM definitions_version', undefined, DEFINITIONS_PATH);
  } catch (e) {
    if (e instanceof QueryError) {
      if (NO_VERSION.test(e.message)) return null;
      throw e;
    }
    throw new QueryError(messageOf(e), DEFINITIONS_PATH, { cause: e });
  }
  return rows[0]?.version ?? null;
}

/** Refuses a database whose definitions are not those of this cchc, before a query trips over them. */
export async function assertCurrentDefinitions(db: Queryable): Promise<void> {
  if ((await loadedDefinitions(db)) === DEFINITIONS_VERSION) return;
  throw new QueryError(
    'the database was loaded with other definitions than this cchc has; load it again with `cchc load`',
    DEFINITIONS_PATH,
  );
}

/** The names the definitions create, so a query that misses one can say the database is outdated. */
export const DEFINED = [...definitionsSql().matchAll(/^CREATE OR REPLACE (?:VIEW|MACRO) (\w+)/gm)].map((m) => m[1]!);
