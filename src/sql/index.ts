import fs from 'node:fs';
import { type Db, messageOf, openExisting } from '../db.ts';
import { CliError } from '../errors.ts';
import { executeSql } from './execute.ts';
import { formatCsv } from './format/csv.ts';
import { formatJson } from './format/json.ts';
import { formatTable } from './format/table.ts';
import { writeXlsx } from './format/xlsx.ts';
import { writeAtomic } from '../atomic.ts';
import { type Format, chooseFormat } from './output.ts';
import { parseParamArgs } from './params.ts';
import type { ResultSet } from './result.ts';

export interface SqlOptions {
  db: string;
  /** SQL text, or the path of an existing `.sql` file. */
  query: string;
  params: string[];
  write: boolean;
  format?: string;
  out?: string;
  bom: boolean;
}

export interface SqlEffects {
  stdout: { write(s: string): unknown; isTTY?: boolean };
}

/** `cchc sql`: one query or script against the loaded database, sandboxed, printed or written to a file. */
export async function runSql(options: SqlOptions, effects: SqlEffects): Promise<void> {
  const format = chooseFormat(options.format, options.out, effects.stdout.isTTY === true);
  const params = parseParamArgs(options.params);
  const { sql, sqlPath } = readSource(options.query);
  const db = await openDb(options.db, options.write);
  let result: ResultSet;
  try {
    result = await executeSql(db, sql, params, sqlPath);
  } finally {
    db.close();
  }
  await emit(result, format, options, effects);
}

function readSource(query: string): { sql: string; sqlPath: string | null } {
  if (!/\.sql$/i.test(query.trim())) return { sql: query, sqlPath: null };
  try {
    return { sql: fs.readFileSync(query.trim(), 'utf8'), sqlPath: query.trim() };
  } catch (e) {
    throw new CliError(`cannot read SQL file ${query.trim()}: ${messageOf(e)}`);
  }
}

function openDb(file: string, write: boolean): Promise<Db> {
  // --write lets a query change the database, never read or write other files.
  return openExisting(file, { readOnly: !write, sandboxed: true });
}

async function emit(result: ResultSet, format: Format, options: SqlOptions, effects: SqlEffects): Promise<void> {
  if (format === 'xlsx') return writeAtomic(options.out!, (tmp) => writeXlsx(result, tmp));
  const text =
    format === 'table'
      ? formatTable(result)
      : format === 'json'
        ? formatJson(result)
        : formatCsv(result, { bom: options.bom });
  if (options.out) return writeAtomic(options.out, (tmp) => fs.promises.writeFile(tmp, text));
  effects.stdout.write(text);
}
