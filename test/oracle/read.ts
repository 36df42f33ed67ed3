/**
 * The oracle's own reader of a data folder (docs/data.md's contract), kept apart from src/load so
 * a loader bug cannot hide in both sides of the comparison. CSV and JSON are parsed here; Parquet is
 * read through DuckDB as a plain file reader (`SELECT * FROM read_parquet`). It reads valid folders
 * only: the loader's tests are where bad files are judged.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { parseCsv } from '../../scripts/sample/csv.ts';

type Cell = string | number | boolean | null;
export type RawRow = Record<string, Cell>;

export interface Unit {
  unit_code: string;
  name: string;
  kind: string;
  parent_code: string | null;
  valid_from: string | null;
  valid_to: string | null;
  successor_code: string | null;
}
export interface Lineage {
  from_code: string;
  to_code: string;
  effective_on: string;
}
export interface Task {
  task_id: string;
  doc_no: string | null;
  lead_unit: string;
  title: string;
  assigned_on: string;
  due_on: string | null;
  completed_on: string | null;
  cancelled_on: string | null;
}
export interface Dossier {
  unit_code: string;
  channel: string;
  online_eligible: boolean;
  received_on: string;
  due_on: string | null;
  resolved_on: string | null;
  paid_online: boolean | null;
  fully_online: boolean | null;
}
export interface DossierStat {
  unit_code: string;
  month: string;
  received: number;
  received_online: number;
  resolved: number;
  resolved_on_time: number;
  received_fully_online: number | null;
}
export interface Target {
  metric: string;
  year: number;
  unit_code: string | null;
  target: number;
}
export interface Score {
  index_code: string;
  period: string;
  unit_code: string;
  component: string;
  score: number;
  max_score: number | null;
  rank: number | null;
  rank_of: number | null;
}
export interface Criterion {
  year: number;
  criterion_code: string;
  area: string;
  max_points: number;
  due_on: string | null;
}
export interface CriterionResult {
  year: number;
  unit_code: string;
  criterion_code: string;
  status: string;
  points: number | null;
  assessed_on: string;
}

/** A data folder as the oracle sees it; a table whose file is absent is undefined. */
export interface Tables {
  units: Unit[];
  unit_lineage?: Lineage[];
  tasks: Task[];
  dossiers?: Dossier[];
  dossier_stats?: DossierStat[];
  targets?: Target[];
  index_scores?: Score[];
  criteria?: Criterion[];
  criteria_results?: CriterionResult[];
}

const TABLES = [
  'units',
  'unit_lineage',
  'tasks',
  'dossiers',
  'dossier_stats',
  'targets',
  'index_scores',
  'criteria',
  'criteria_results',
];

export async function readFolder(dir: string): Promise<Tables> {
  const raw = new Map<string, RawRow[]>();
  const files = readdirSync(dir).filter((f) => !f.startsWith('.') && /\.(csv|json|parquet)$/i.test(f));
  for (const file of files.sort()) {
    const table = file.slice(0, file.indexOf('.'));
    const full = path.join(dir, file);
    const ext = path.extname(file).toLowerCase();
    const rows =
      ext === '.csv'
        ? parseCsv(readFileSync(full, 'utf8'))
        : ext === '.json'
          ? (JSON.parse(readFileSync(full, 'utf8')) as RawRow[])
          : await readParquet(full);
    raw.set(table, (raw.get(table) ?? []).concat(rows));
  }
  if (files.some((f) => /\.xlsx$/i.test(f))) throw new Error(`${dir}: the oracle reads CSV, JSON and Parquet only`);
  const rowsOf = (t: string) => raw.get(t);
  const get = <T>(t: string, map: (r: Row) => T): T[] | undefined => rowsOf(t)?.map((r) => map(new Row(r, t)));
  for (const t of raw.keys())
    if (!TABLES.includes(t) && t !== 'documents') throw new Error(`oracle: unknown table ${t}`);
  return {
    units: get('units', (r) => ({
      unit_code: r.text('unit_code')!,
      name: r.text('name')!,
      kind: r.text('kind')!,
      parent_code: r.text('parent_code'),
      valid_from: r.date('valid_from'),
      valid_to: r.date('valid_to'),
      successor_code: r.text('successor_code'),
    }))!,
    unit_lineage: get('unit_lineage', (r) => ({
      from_code: r.text('from_code')!,
      to_code: r.text('to_code')!,
      effective_on: r.date('effective_on')!,
    })),
    tasks: get('tasks', (r) => ({
      task_id: r.text('task_id')!,
      doc_no: r.text('doc_no'),
      lead_unit: r.text('lead_unit')!,
      title: r.text('title')!,
      assigned_on: r.date('assigned_on')!,
      due_on: r.date('due_on'),
      completed_on: r.date('completed_on'),
      cancelled_on: r.date('cancelled_on'),
    }))!,
    dossiers: get('dossiers', (r) => ({
      unit_code: r.text('unit_code')!,
      channel: r.text('channel')!,
      online_eligible: r.bool('online_eligible')!,
      received_on: r.date('received_on')!,
      due_on: r.date('due_on'),
      resolved_on: r.date('resolved_on'),
      paid_online: r.bool('paid_online'),
      fully_online: r.bool('fully_online'),
    })),
    dossier_stats: get('dossier_stats', (r) => ({
      unit_code: r.text('unit_code')!,
      month: r.text('month')!,
      received: r.num('received')!,
      received_online: r.num('received_online')!,
      resolved: r.num('resolved')!,
      resolved_on_time: r.num('resolved_on_time')!,
      received_fully_online: r.num('received_fully_online'),
    })),
    targets: get('targets', (r) => ({
      metric: r.text('metric')!,
      year: r.num('year')!,
      unit_code: r.text('unit_code'),
      target: r.num('target')!,
    })),
    index_scores: get('index_scores', (r) => ({
      index_code: r.text('index_code')!,
      period: r.text('period')!,
      unit_code: r.text('unit_code')!,
      component: r.text('component')!,
      score: r.num('score')!,
      max_score: r.num('max_score'),
      rank: r.num('rank'),
      rank_of: r.num('rank_of'),
    })),
    criteria: get('criteria', (r) => ({
      year: r.num('year')!,
      criterion_code: r.text('criterion_code')!,
      area: r.text('area')!,
      max_points: r.num('max_points')!,
      due_on: r.date('due_on'),
    })),
    criteria_results: get('criteria_results', (r) => ({
      year: r.num('year')!,
      unit_code: r.text('unit_code')!,
      criterion_code: r.text('criterion_code')!,
      status: r.text('status')!,
      points: r.num('points'),
      assessed_on: r.date('assessed_on')!,
    })),
  };
}

/** One raw record with the contract's value rules: trimmed codes, empty = missing, D/M/YYYY dates, decimal commas. */
class Row {
  constructor(
    private readonly r: RawRow,
    private readonly table: string,
  ) {}

  private cell(col: string): Cell {
    const v = this.r[col];
    if (v === undefined || v === null) return null;
    if (typeof v === 'string') {
      const t = v.trim();
      return t === '' ? null : t;
    }
    return v;
  }

  text(col: string): string | null {
    const v = this.cell(col);
    return v === null ? null : String(v).normalize('NFC');
  }

  date(col: string): string | null {
    const v = this.text(col);
    if (v === null) return null;
    const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(v);
    if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
    const dmy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v);
    if (dmy) return `${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}`;
    throw new Error(`oracle: ${this.table}.${col}: not a date: ${v}`);
  }

  num(col: string): number | null {
    const v = this.cell(col);
    if (v === null) return null;
    if (typeof v === 'number') return v;
    const n = Number(String(v).replace(',', '.'));
    if (!Number.isFinite(n)) throw new Error(`oracle: ${this.table}.${col}: not a number: ${v}`);
    return n;
  }

  bool(col: string): boolean | null {
    const v = this.cell(col);
    if (v === null) return null;
    if (typeof v === 'boolean') return v;
    const t = String(v).toLowerCase();
    if (['true', '1', 'có'].includes(t)) return true;
    if (['false', '0', 'không'].includes(t)) return false;
    throw new Error(`oracle: ${this.table}.${col}: not a boolean: ${v}`);
  }
}

async function readParquet(file: string): Promise<RawRow[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const con = await instance.connect();
  try {
    const reader = await con.runAndReadAll(`SELECT * FROM read_parquet('${file.replaceAll("'", "''")}')`);
    return reader.getRowObjectsJson() as RawRow[];
  } finally {
    con.closeSync();
    instance.closeSync();
  }
}
