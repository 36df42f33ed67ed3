/** Finds the data files of a folder and which table each one holds. */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { DataIssue } from '../errors.ts';
import { TABLE_NAMES, TABLES, type TableName } from '../schema.ts';
import { closest } from './names.ts';

export const FORMATS = ['csv', 'xlsx', 'json', 'parquet'] as const;
export type Format = (typeof FORMATS)[number];

/** Formats people export tables in that we do not read; named so they are not silently skipped. */
const UNSUPPORTED = ['xls', 'xlsm', 'ods', 'tsv', 'txt', 'gz', 'zip'];

export interface DataFile {
  table: TableName;
  /** Path relative to the data folder, with `/`; what issues and meta_files show. */
  rel: string;
  abs: string;
  format: Format;
  size: number;
}

export interface Discovery {
  files: DataFile[];
  issues: DataIssue[];
}

const fileIssue = (file: string, rule: string, message: string): DataIssue => ({
  file,
  line: null,
  column: null,
  rule,
  message,
});

export function discover(dataDir: string): Discovery {
  const files: DataFile[] = [];
  const issues: DataIssue[] = [];
  // statSync follows symlinks, so a link to a file counts and a link to a folder does not.
  const names = readdirSync(dataDir)
    .filter((n) => statSync(path.join(dataDir, n), { throwIfNoEntry: false })?.isFile())
    .sort();
  for (const name of names) {
    // Hidden files (.cchc-sample) and Excel lock files (~$tasks.xlsx) are never data.
    if (name.startsWith('.') || name.startsWith('~$')) continue;
    const parts = name.split('.');
    if (parts.length < 2) continue;
    const ext = parts.at(-1)!.toLowerCase();
    const stem = parts[0]!;
    const isTable = (TABLE_NAMES as readonly string[]).includes(stem);
    if ((FORMATS as readonly string[]).includes(ext)) {
      if (!isTable) {
        const near = closest(stem, TABLE_NAMES);
        issues.push(
          fileIssue(
            name,
            'unknown_table',
            `unknown table \`${stem}\`${near ? ` — did you mean \`${near}\`?` : ''}; expected one of ${TABLE_NAMES.join(', ')}`,
          ),
        );
        continue;
      }
      const abs = path.join(dataDir, name);
      files.push({ table: stem as TableName, rel: name, abs, format: ext as Format, size: statSync(abs).size });
    } else if (isTable && UNSUPPORTED.includes(ext)) {
      issues.push(
        fileIssue(name, 'format', `.${ext} files are not read; save ${stem} as .csv (UTF-8), .xlsx, .json or .parquet`),
      );
    }
  }
  for (const t of TABLE_NAMES) {
    const mine = files.filter((f) => f.table === t);
    const formats = [...new Set(mine.map((f) => f.format))];
    if (formats.length > 1) {
      const rels = mine.map((f) => f.rel).join(', ');
      issues.push(
        fileIssue(
          rels,
          'mixed_formats',
          `table ${t} is given in ${formats.length} formats (${rels}); keep one format per table`,
        ),
      );
    }
    if (TABLES[t].required && mine.length === 0) {
      issues.push(
        fileIssue(
          `${t}.csv`,
          'missing_table',
          `required table ${t} is missing; add ${t}.csv (or .xlsx, .json, .parquet)`,
        ),
      );
    }
  }
  for (const f of files)
    if (f.size === 0)
      issues.push(
        fileIssue(f.rel, 'empty_file', 'the file is empty (0 bytes); a table with no rows still needs its header row'),
      );
  return { files, issues };
}
