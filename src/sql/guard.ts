import { StatementType } from '@duckdb/node-api';
import { CliError } from '../errors.ts';
import { codeOnly } from './lexer.ts';

/*
 * DuckDB's read-only mode, enable_external_access=false and the locked configuration do the real
 * sandboxing. Two gaps remain in DuckDB 1.5 and are closed here:
 * - the logging functions bypass the configuration lock; with file storage they wedge the session
 *   and abort the process on close, and query() can reach them from a built string;
 * - argument-less PRAGMAs (enable_profiling, enable_progress_bar, …) bypass the lock and print to
 *   stdout, corrupting CSV/JSON output.
 */
const FORBIDDEN_FUNCTIONS = /\b(enable_logging|disable_logging|truncate_duckdb_logs|query)\s*\(/i;

/** Rejects SQL that could escape or wedge the sandbox; called on the whole text before anything runs. */
export function checkSqlText(sql: string, sqlPath: string | null): void {
  const m = FORBIDDEN_FUNCTIONS.exec(codeOnly(sql).replaceAll('"', ''));
  if (m) {
    throw new CliError(
      `${m[1]}() is not allowed in cchc sql${sqlPath ? ` (${sqlPath})` : ''}: it can change session settings that cchc keeps locked`,
    );
  }
}

/** Rejects statement kinds that change session settings; checked per prepared statement. */
export function checkStatementType(type: StatementType, sqlPath: string | null): void {
  if (type === StatementType.PRAGMA) {
    throw new CliError(
      `PRAGMA statements that change settings are not allowed in cchc sql${sqlPath ? ` (${sqlPath})` : ''}; ` +
        `read-only pragmas work as table functions, e.g. SELECT * FROM pragma_table_info('units')`,
    );
  }
}

/** DuckDB's refusal, plus what the analyst can do about it. */
export function withHint(message: string): string {
  if (/attached in read-only mode|read-only mode/i.test(message)) {
    return `${message}\n(cchc sql opens the database read-only; add --write to change it)`;
  }
  if (/disabled by configuration|disabled through configuration/i.test(message)) {
    return `${message}\n(cchc sql reads only the loaded database, never other files; bring files in with \`cchc load\`)`;
  }
  if (/configuration has been locked/i.test(message)) return `${message}\n(cchc sql keeps DuckDB's settings locked)`;
  return message;
}
