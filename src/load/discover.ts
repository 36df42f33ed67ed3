/** Finds the data files of a folder and which table each one holds (a workbook's sheets, each its own). */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { DataIssue } from '../errors.ts';
import { TABLE_NAMES, TABLES, type TableName } from '../schema.ts';
import { closest, foldName } from './names.ts';
import { openWorkbook, type Workbook } from './sheet.ts';

export const FORMATS = ['csv', 'xlsx', 'json', 'parquet'] as const;
export type Format = (typeof FORMATS)[number];

/** Formats people export tables in that we do not read; named so they are not silently skipped. */
const UNSUPPORTED = ['xls', 'xlsm', 'ods', 'tsv', 'txt', 'gz', 'zip'];

export interface DataFile {
  table: TableName;
  /**
   * Path relative to the data folder, with `/`; what issues and meta_files show. A sheet of a
   * workbook read by its sheet names is `cchc.xlsx[tasks]`.
   */
  rel: string;
  abs: string;
  format: Format;
  size: number;
  /** The sheet to read, for a workbook read by its sheet names. */
  sheet?: string;
  /** That workbook as discovery opened it to find its sheets, so its reader does not open it again. */
  book?: Workbook;
}

export interface Discovery {
  files: DataFile[];
  issues: DataIssue[];
  /** Sheets of a workbook read by sheet names that name no table, and so are not read. */
  warnings: DataIssue[];
}

/** The table a sheet is named after (`dossier_stats`, `dossier stats`, `Tasks`), if any. */
export const sheetTable = (sheet: string): TableName | undefined =>
  TABLE_NAMES.find((t) => foldName(t) === foldName(sheet));

/** The workbook, or none when it cannot be read (its reader then says why). */
function workbook(abs: string): Workbook | undefined {
  try {
    return openWorkbook(abs);
  } catch {
    return undefined;
  }
}

/**
 * A workbook is read by its sheet names when its own name is no table (`cchc.xlsx`) and some
 * sheet is named after one; each such sheet is then a file of its table. A workbook named after a
 * table (`tasks.xlsx`, `tasks.208.xlsx`: the one cchc extract writes, with its review sheets) is
 * one file of that table whatever its other sheets are called (xlsx.ts picks the sheet and names
 * the others): its name says what it holds, as a CSV's does.
 */
function bySheets(name: string, abs: string, isTable: boolean, warnings: DataIssue[]): DataFile[] {
  if (isTable) return [];
  const book = workbook(abs);
  const names = book?.sheets.map((s) => s.name) ?? [];
  const tables = names.map(sheetTable);
  if (tables.every((t) => t === undefined)) return [];
  const others = names.filter((_, i) => tables[i] === undefined);
  if (others.length)
    warnings.push(
      fileIssue(
        name,
        'sheet',
        `read by its sheet names; not read: ${others.map((n) => `"${n}"`).join(', ')} (only sheets named after a table are read: ${TABLE_NAMES.join(', ')})`,
      ),
    );
  const size = statSync(abs).size;
  return names.flatMap((sheet, i) =>
    tables[i] ? [{ table: tables[i], rel: `${name}[${sheet}]`, abs, format: 'xlsx' as const, size, sheet, book }] : [],
  );
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
  const warnings: DataIssue[] = [];
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
      const abs = path.join(dataDir, name);
      const sheets = ext === 'xlsx' ? bySheets(name, abs, isTable, warnings) : [];
      if (sheets.length) {
        files.push(...sheets);
        continue;
      }
      if (!isTable) {
        const near = closest(stem, TABLE_NAMES);
        const book = ext === 'xlsx' ? ", or name the workbook's sheets after tables" : '';
        issues.push(
          fileIssue(
            name,
            'unknown_table',
            `unknown table \`${stem}\`${near ? ` — did you mean \`${near}\`?` : ''}; expected one of ${TABLE_NAMES.join(', ')}${book}`,
          ),
        );
        continue;
      }
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
    // A sheet holds its table whole: beside another file or sheet of it, one of them is a mistake.
    if (mine.length > 1 && mine.some((f) => f.sheet !== undefined)) {
      const rels = mine.map((f) => f.rel).join(', ');
      issues.push(
        fileIssue(
          rels,
          'table_twice',
          `table ${t} is given ${mine.length} times (${rels}); a sheet named after a table holds all of it — keep one`,
        ),
      );
    } else if (formats.length > 1) {
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
  return { files, issues, warnings };
}
