/**
 * The units table as extract needs it, read through the loader's own readers (CSV, XLSX, JSON,
 * Parquet; split files `units.*.csv`; header aliases) into an in-memory database, so a notice can
 * be read before any data is loaded and a units file reads here exactly as `cchc load` reads it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Db } from '../db.ts';
import { CliError, DataError, type DataIssue } from '../errors.ts';
import { discover, FORMATS, type DataFile, type Format } from '../load/discover.ts';
import { readFile } from '../load/readers.ts';

export interface Unit {
  code: string;
  name: string;
  short_name: string | null;
  kind: string;
  parent: string | null;
  valid_from: string | null;
  valid_to: string | null;
}

/** The units files of a data folder, or the one file given. */
export function unitsFiles(dirOrFile: string): DataFile[] {
  if (!fs.existsSync(dirOrFile))
    throw new CliError(`--units: ${dirOrFile} does not exist; give a data folder or a units file`);
  if (!fs.statSync(dirOrFile).isDirectory()) {
    const ext = path.extname(dirOrFile).slice(1).toLowerCase();
    if (!(FORMATS as readonly string[]).includes(ext))
      throw new CliError(`--units: ${dirOrFile} is not .csv, .xlsx, .json or .parquet`);
    return [
      {
        table: 'units',
        rel: path.basename(dirOrFile),
        abs: dirOrFile,
        format: ext as Format,
        size: fs.statSync(dirOrFile).size,
      },
    ];
  }
  const { files, issues } = discover(dirOrFile);
  const mine = files.filter((f) => f.table === 'units');
  const problems = issues.filter((i) => i.file.split(/[.,]/)[0] === 'units' && i.rule !== 'missing_table');
  if (problems.length > 0) throw new DataError(problems);
  if (mine.length === 0)
    throw new CliError(`--units: no units.csv, units.xlsx, units.json or units.parquet in ${dirOrFile}`);
  return mine;
}

function isoDate(s: string | null): string | null {
  if (!s) return null;
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  return m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : s.slice(0, 10);
}

export async function readUnits(dirOrFile: string): Promise<Unit[]> {
  const files = unitsFiles(dirOrFile);
  const db = await Db.open(':memory:');
  try {
    const units: Unit[] = [];
    const issues: DataIssue[] = [];
    for (const [fid, file] of files.entries()) {
      const read = await readFile(db, file, fid);
      if (!read.ok) {
        issues.push(...read.issues);
        continue;
      }
      const rows = await db.all<Record<string, string | null>>(`SELECT * FROM (${read.source.sql})`);
      rows.forEach((row, i) => {
        const text = (c: string) => {
          const v = read.source.columns.has(c) ? row[c] : null;
          const t = v === null || v === undefined ? '' : String(v).trim().normalize('NFC');
          return t === '' ? null : t;
        };
        for (const c of ['unit_code', 'name', 'kind']) {
          if (!text(c))
            issues.push({
              file: file.rel,
              line: read.source.lineOf(i + 1),
              column: c,
              rule: 'required',
              message: `${c} is empty; every unit needs one`,
            });
        }
        units.push({
          code: text('unit_code') ?? '',
          name: text('name') ?? '',
          short_name: text('short_name'),
          kind: text('kind') ?? 'other',
          parent: text('parent_code'),
          valid_from: isoDate(text('valid_from')),
          valid_to: isoDate(text('valid_to')),
        });
      });
    }
    if (issues.length > 0) throw new DataError(issues);
    if (units.length === 0)
      throw new DataError([
        { file: files[0]!.rel, line: null, column: null, rule: 'empty', message: 'the units table has no rows' },
      ]);
    return units;
  } finally {
    db.close();
  }
}

export function validOn(u: Unit, day: string | null): boolean {
  if (!day) return true;
  return (!u.valid_from || u.valid_from <= day) && (!u.valid_to || day <= u.valid_to);
}

/** A province's name as notices write it: the table's note in brackets dropped ("An Giang (mới)" → "An Giang"). */
export function placeName(u: Unit): string {
  return (u.short_name ?? u.name).replace(/\s*\(.*?\)\s*/g, ' ').trim();
}

/** The provinces the table holds units of (a province with child units): the ones whose notices it can read. */
export function tableProvinces(units: Unit[]): Unit[] {
  return units.filter((u) => u.kind === 'province' && units.some((c) => c.parent === u.code));
}
