import type { DuckDBPreparedStatement } from '@duckdb/node-api';
import { type Db, messageOf } from '../db.ts';
import { CliError, QueryError } from '../errors.ts';
import { checkSqlText, checkStatementType, withHint } from './guard.ts';
import { checkParams, sqlParamNames } from './params.ts';
import { type ResultSet, kindOf } from './result.ts';

/**
 * Runs every statement of `sql` in order, binding the `$name` parameters each one uses as strings,
 * and returns the result of the last. Stops at the first error: statements are not wrapped in one
 * transaction (an analyst who needs that writes BEGIN … COMMIT).
 */
export async function executeSql(
  db: Db,
  sql: string,
  params: Record<string, string>,
  sqlPath: string | null,
): Promise<ResultSet> {
  checkSqlText(sql, sqlPath);
  checkParams(sqlParamNames(sql), params, sqlPath);
  const statements = await query(sqlPath, () => db.conn.extractStatements(sql));
  if (statements.count === 0) throw new CliError(`no SQL statement${sqlPath ? ` in ${sqlPath}` : ''}`);
  let result: ResultSet = { columns: [], rows: [], rowsChanged: 0 };
  for (let i = 0; i < statements.count; i++) {
    const prepared = await query(sqlPath, () => statements.prepare(i));
    try {
      checkStatementType(prepared.statementType, sqlPath);
      bindStrings(prepared, params, sqlPath);
      const reader = await query(sqlPath, () => prepared.runAndReadAll());
      const names = reader.deduplicatedColumnNames();
      result = {
        columns: names.map((name, c) => ({ name, kind: kindOf(reader.columnTypeId(c)) })),
        rows: reader.getRowsJson(),
        rowsChanged: reader.rowsChanged,
      };
    } finally {
      prepared.destroySync();
    }
  }
  return result;
}

function bindStrings(prepared: DuckDBPreparedStatement, params: Record<string, string>, sqlPath: string | null): void {
  for (let p = 1; p <= prepared.parameterCount; p++) {
    const name = prepared.parameterName(p);
    const value = params[name];
    // `?` placeholders are not seen by sqlParamNames; they are named by position here.
    if (value === undefined)
      throw new CliError(`parameter $${name}${sqlPath ? ` in ${sqlPath}` : ''} has no value; add --param ${name}=…`);
    prepared.bindVarchar(p, value);
  }
}

async function query<T>(sqlPath: string | null, f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (e) {
    throw new QueryError(
      withHint(messageOf(e).replace(/^Failed to (extract statements|prepare statement): /, '')),
      sqlPath,
      { cause: e },
    );
  }
}
