/** Small data folders in temp dirs for the loader tests; a valid base every test can break once. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { Db } from '../src/db.ts';
import { fixedClock, silentLogger, type Effects } from '../src/effects.ts';
import { tempDir } from './tmp.ts';

export const effects: Effects = { clock: fixedClock('2025-01-02T03:04:05Z'), logger: silentLogger };

export const UNITS =
  [
    'unit_code,name,short_name,kind,parent_code,valid_from,valid_to,successor_code',
    'AG,UBND tỉnh An Giang,An Giang,province,,,2025-06-30,AGM',
    'AG.SNV,Sở Nội vụ,SNV,department,AG,,,',
    'AG.STP,Sở Tư pháp,STP,department,AG,,,',
    'AG.CT,UBND huyện Châu Thành,Châu Thành,district,AG,,2025-06-30,AGM',
    'AG.CT.X1,UBND xã An Hòa,An Hòa,commune,AG.CT,,2025-06-30,',
    'AGM,UBND tỉnh An Giang,An Giang,province,,2025-07-01,,',
  ].join('\n') + '\n';

export const TASKS =
  [
    'task_id,doc_no,lead_unit,support_units,title,area,index_code,assigned_on,due_on,completed_on,cancelled_on',
    'T1,208/TB-VPUBND,AG.SNV,AG.STP;AG.CT,Rà soát thủ tục hành chính,procedures,PAR_INDEX,2025-03-17,2025-03-31,2025-03-25,',
    'T2,208/TB-VPUBND,AG.STP,,Tuyên truyền CCHC,direction,,2025-03-17,,,',
  ].join('\n') + '\n';

/** A data folder holding the base units and tasks, plus/minus `files` (null removes a base file). */
export function folder(files: Record<string, string | Buffer | null> = {}): string {
  const dir = tempDir('cchc-load-');
  const all: Record<string, string | Buffer | null> = { 'units.csv': UNITS, 'tasks.csv': TASKS, ...files };
  for (const [name, content] of Object.entries(all)) if (content !== null) writeFileSync(path.join(dir, name), content);
  return dir;
}

export function tempDb(): string {
  return path.join(tempDir('cchc-db-'), 'out', 'cchc.duckdb');
}

export async function query<T extends Record<string, unknown>>(dbPath: string, sql: string): Promise<T[]> {
  const db = await Db.open(dbPath, { readOnly: true });
  try {
    return await db.all<T>(sql);
  } finally {
    db.close();
  }
}

/** Issues reduced to what the user navigates by. */
export const where = (issues: { file: string; line: number | null; column: string | null; rule: string }[]) =>
  issues.map((i) => `${i.file}:${i.line ?? '-'} [${i.column ?? '-'}] ${i.rule}`);
