/** Exit codes of every cchc command; documented in README.md. */
export const EXIT = {
  ok: 0,
  data: 1,
  usage: 2,
  locked: 3,
  render: 4,
  /** Every brief rendered and published, but some message was not accepted by every recipient. */
  delivery: 5,
  /** The data a brief requires is incomplete for its period, so the brief was not rendered (`require`). */
  held: 6,
  /** A bug in cchc, not in the data or the call (sysexits' EX_SOFTWARE); 5 and 6 are the jobs' own. */
  software: 70,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** One problem found in input data, located precisely enough for a person to fix it. */
export interface DataIssue {
  /** Path of the file as the user gave it (relative to the data folder when possible). */
  file: string;
  /** 1-based: CSV physical line where the record starts (header = 1), XLSX sheet row, JSON array item. Null for file-level problems. */
  line: number | null;
  /** Canonical column name, or null for file- or row-level problems. */
  column: string | null;
  /** Stable rule id, e.g. `date`, `unique`, `fk`, `encoding`. */
  rule: string;
  message: string;
}

/** Input data breaks the contract; carries every issue found, not only the first. */
export class DataError extends Error {
  readonly issues: DataIssue[];
  /** Found along with the errors; shown too, since fixing the errors will not make them go away. */
  readonly warnings: DataIssue[];
  constructor(issues: DataIssue[], message?: string, warnings: DataIssue[] = []) {
    super(message ?? `${issues.length} data error${issues.length === 1 ? '' : 's'}`);
    this.name = 'DataError';
    this.issues = issues;
    this.warnings = warnings;
  }
}

/** A SQL file or ad hoc query failed; keeps where the SQL came from. */
export class QueryError extends Error {
  readonly sqlPath: string | null;
  constructor(message: string, sqlPath: string | null, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'QueryError';
    this.sqlPath = sqlPath;
  }
}

/** A problem the user can fix by changing how they call cchc or its configuration. */
export class CliError extends Error {
  readonly exitCode: ExitCode;
  constructor(message: string, exitCode: ExitCode = EXIT.usage, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}

/** Rendering a brief failed (browser missing, crashed or timed out). */
export class RenderError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RenderError';
  }
}

/** Warnings as check and load print them on stderr, before any error; at most 200 lines. */
export function printWarnings(warnings: DataIssue[], err: (s: string) => void): void {
  for (const w of warnings.slice(0, 200)) err(`warning: ${formatIssue(w)}`);
  if (warnings.length > 200) err(`… and ${warnings.length - 200} more warnings (use check --json to see all)`);
}

export function formatIssue(i: DataIssue): string {
  const where = [i.file, i.line ?? undefined].filter((x) => x !== undefined).join(':');
  const col = i.column ? ` [${i.column}]` : '';
  return `${where}${col}: ${i.message} (${i.rule})`;
}
