import { readFileSync } from 'node:fs';
import path from 'node:path';
import { QUERIES_DIR } from '../paths.ts';

/**
 * queries/shared/definitions.sql: the views and table macros every query file builds on (scope at
 * a date with lineage, task states, the criteria grid, ranked index scores, online cells). They
 * live in the database itself, so `cchc sql queries/NAME.sql` runs any file alone.
 */
export const DEFINITIONS_PATH = 'queries/shared/definitions.sql';

let text: string | null = null;

/** The definitions as one multi-statement script; they must run after the tables exist. */
export function definitionsSql(): string {
  text ??= readFileSync(path.join(QUERIES_DIR, 'shared', 'definitions.sql'), 'utf8');
  return text;
}

/** The names the definitions create, so a query that misses one can say the database is outdated. */
export const DEFINED = [...definitionsSql().matchAll(/^CREATE OR REPLACE (?:VIEW|MACRO) (\w+)/gm)].map((m) => m[1]!);
