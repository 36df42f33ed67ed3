/**
 * The small world the load benches write beside their dossiers: one province and its eleven
 * districts, no tasks. One place, so the load, memory and XLSX benches time the same units.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';

export const UNITS = [
  'AG',
  'AG.LX',
  'AG.CD',
  'AG.TC',
  'AG.TB',
  'AG.AP',
  'AG.CP',
  'AG.CT',
  'AG.CM',
  'AG.PT',
  'AG.TS',
  'AG.TT',
];

export const DOSSIER_HEADER = [
  'dossier_id',
  'unit_code',
  'procedure_code',
  'channel',
  'online_eligible',
  'received_on',
  'due_on',
  'resolved_on',
  'paid_online',
];

/** units.csv and an empty tasks.csv in `dir`, which must exist. */
export function writeUnitsAndTasks(dir: string): void {
  writeFileSync(
    path.join(dir, 'units.csv'),
    'unit_code,name,kind,parent_code\n' +
      UNITS.map((u, i) => `${u},Đơn vị ${i},${i ? 'district' : 'province'},${i ? 'AG' : ''}`).join('\n') +
      '\n',
  );
  writeFileSync(path.join(dir, 'tasks.csv'), 'task_id,lead_unit,title,area,assigned_on\n');
}
