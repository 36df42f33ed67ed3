/**
 * The units table as extract needs it: read from a data folder or one file (CSV, XLSX, JSON),
 * without loading a database, so a notice can be read before any data is loaded.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CliError, DataError, type DataIssue } from '../errors.ts';
import { TABLES } from '../schema.ts';
import { parseCsv } from './csv.ts';
import { nameKey } from './fold.ts';

export interface Unit {
  code: string;
  name: string;
  short_name: string | null;
  kind: string;
  parent: string | null;
  valid_from: string | null;
  valid_to: string | null;
}

type Raw = Record<string, unknown>;

const FORMATS = ['csv', 'xlsx', 'json'] as const;

/** `units.csv|xlsx|json` inside a folder, or the file itself. */
export function unitsFile(dirOrFile: string): string {
  if (!fs.existsSync(dirOrFile)) throw new CliError(`--units: ${dirOrFile} does not exist; give a data folder or a units file`);
  if (!fs.statSync(dirOrFile).isDirectory()) return dirOrFile;
  const found = FORMATS.map((ext) => path.join(dirOrFile, `units.${ext}`)).filter((f) => fs.existsSync(f));
  if (found.length === 0) throw new CliError(`--units: no units.csv, units.xlsx or units.json in ${dirOrFile}`);
  if (found.length > 1) throw new CliError(`--units: ${found.join(' and ')} both define units; keep one`);
  return found[0]!;
}

/** Canonical column name of a header, accepting the contract's Vietnamese aliases. */
function columnOf(header: string): string | null {
  const key = nameKey(header).join(' ');
  for (const c of TABLES.units.columns) {
    if ([c.name, ...c.aliases].some((a) => nameKey(a.replace(/_/g, ' ')).join(' ') === key)) return c.name;
  }
  return null;
}

function isoDate(v: unknown): string | null {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  const s = String(v ?? '').trim();
  if (s === '') return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return s;
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  return m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : s;
}

async function rawRows(file: string): Promise<{ rows: Raw[]; lines: number[] }> {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.csv') {
    const recs = parseCsv(fs.readFileSync(file, 'utf8').normalize('NFC'));
    const header = recs[0]?.fields ?? [];
    const rows = recs.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, r.fields[i] ?? ''])));
    return { rows, lines: recs.slice(1).map((r) => r.line) };
  }
  if (ext === '.json') {
    const data: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (!Array.isArray(data)) throw new DataError([{ file, line: null, column: null, rule: 'json', message: 'expected an array of unit objects' }]);
    return { rows: data as Raw[], lines: data.map((_, i) => i + 1) };
  }
  if (ext === '.xlsx') {
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0];
    if (!ws) return { rows: [], lines: [] };
    const cells = (r: number) => (ws.getRow(r).values as unknown[]).slice(1).map((v) => (v instanceof Date ? v : String(v ?? '')));
    let headerRow = 1;
    for (let r = 1; r <= Math.min(10, ws.rowCount); r++) {
      if (!cells(r).some((v) => typeof v === 'string' && columnOf(v) === 'unit_code')) continue;
      headerRow = r;
      break;
    }
    const header = cells(headerRow).map(String);
    const rows: Raw[] = [];
    const lines: number[] = [];
    for (let r = headerRow + 1; r <= ws.rowCount; r++) {
      const vals = cells(r);
      if (vals.every((v) => v === '')) continue;
      rows.push(Object.fromEntries(header.map((h, i) => [h, vals[i] ?? ''])));
      lines.push(r);
    }
    return { rows, lines };
  }
  throw new CliError(`--units: ${file} is not .csv, .xlsx or .json`);
}

export async function readUnits(dirOrFile: string): Promise<Unit[]> {
  const file = unitsFile(dirOrFile);
  const { rows, lines } = await rawRows(file);
  const issues: DataIssue[] = [];
  const units = rows.map((raw, i) => {
    const row: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(raw)) {
      const col = columnOf(k);
      if (col) row[col] = v;
    }
    const text = (c: string) => {
      const v = row[c];
      const s = v === undefined || v === null ? '' : String(v).trim().normalize('NFC');
      return s === '' ? null : s;
    };
    for (const c of ['unit_code', 'name', 'kind']) {
      if (!text(c)) issues.push({ file, line: lines[i] ?? null, column: c, rule: 'required', message: `${c} is empty; every unit needs one` });
    }
    return {
      code: text('unit_code') ?? '',
      name: text('name') ?? '',
      short_name: text('short_name'),
      kind: text('kind') ?? 'other',
      parent: text('parent_code'),
      valid_from: isoDate(row.valid_from),
      valid_to: isoDate(row.valid_to),
    };
  });
  if (issues.length > 0) throw new DataError(issues);
  if (units.length === 0) throw new DataError([{ file, line: null, column: null, rule: 'empty', message: 'the units table has no rows' }]);
  return units;
}

export function validOn(u: Unit, day: string | null): boolean {
  if (!day) return true;
  return (!u.valid_from || u.valid_from <= day) && (!u.valid_to || day <= u.valid_to);
}
