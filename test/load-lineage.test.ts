/**
 * unit_lineage in every format, the new optional columns, and the forgotten-lineage warning: valid
 * data, reported by check and load without failing them. The rules' errors are cases of the
 * bad-input corpus (test/fixtures/bad, `lineage-*`, `successor-*`, `*-fully-online-*`).
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { Db, literal } from '../src/db.ts';
import { checkData, loadData } from '../src/load/index.ts';
import { effects, folder as baseFolder, query, tempDb, UNITS } from './load-helpers.ts';

const CLI = path.join(import.meta.dirname, '..', 'bin', 'cchc');
const made: string[] = [];
const folder = (files: Record<string, string | Buffer | null> = {}) => {
  const dir = baseFolder(files);
  made.push(dir);
  return dir;
};
const db = () => {
  const file = tempDb();
  made.push(path.dirname(path.dirname(file)));
  return file;
};
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

// The base units (load-helpers.ts) end AG.CT.X1 on 2025-06-30 without a successor, below AG.CT
// whose successor is AGM: the one unit the warning must name. Adding AGM.X1 lets it have lineage.
const UNITS_WITH_NEW = UNITS + 'AGM.X1,UBND xã An Hòa,An Hòa,commune,AGM,2025-07-01,,\n';
const LINEAGE_ROWS = [['AG.CT.X1', 'AGM.X1', '2025-07-01', 'merged', 'Nghị quyết 1654/NQ-UBTVQH15']];

async function lineageXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sắp xếp');
  ws.addRow(['DANH SÁCH SẮP XẾP ĐƠN VỊ HÀNH CHÍNH CẤP XÃ']);
  ws.addRow(['STT', 'Mã đơn vị cũ', 'Mã đơn vị mới', 'Ngày hiệu lực', 'Hình thức sắp xếp', 'Căn cứ']);
  const [from, to, on, kind, note] = LINEAGE_ROWS[0]!;
  ws.addRow([1, from, to, new Date(`${on}T00:00:00Z`), kind, note]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function lineageParquet(dir: string): Promise<Buffer> {
  const file = path.join(dir, 'lineage.parquet.tmp');
  const d = await Db.open(':memory:');
  const [from, to, on, kind, note] = LINEAGE_ROWS[0]!.map(literal);
  await d.run(
    `COPY (SELECT ${from} AS from_code, ${to} AS to_code, DATE ${on} AS effective_on, ${kind} AS kind, ${note} AS note) TO ${literal(file)} (FORMAT parquet)`,
  );
  d.close();
  const { readFileSync } = await import('node:fs');
  const buf = readFileSync(file);
  rmSync(file);
  return buf;
}

describe('unit_lineage', () => {
  it('is in the loaded database, empty, when there is no file; the new columns are there, NULL', async () => {
    const file = db();
    const dossiers = 'dossier_id,unit_code,channel,online_eligible,received_on\nD1,AG.SNV,online,true,2025-01-05\n';
    const stats = 'unit_code,month,received,received_online,resolved,resolved_on_time\nAG.STP,2025-01,10,4,9,9\n';
    await loadData(folder({ 'dossiers.csv': dossiers, 'dossier_stats.csv': stats }), file, effects);
    expect(await query(file, 'SELECT count(*) AS n FROM unit_lineage')).toEqual([{ n: 0 }]);
    expect(await query(file, `SELECT count(official_code) AS n FROM units`)).toEqual([{ n: 0 }]);
    expect(await query(file, 'SELECT dossier_id, fully_online FROM dossiers')).toEqual([
      { dossier_id: 'D1', fully_online: null },
    ]);
    expect(await query(file, 'SELECT received_fully_online AS f FROM dossier_stats')).toEqual([{ f: null }]);
    const cols = await query<{ column_name: string; data_type: string; is_nullable: string }>(
      file,
      `SELECT column_name, data_type, is_nullable FROM information_schema.columns WHERE table_name = 'unit_lineage' ORDER BY ordinal_position`,
    );
    expect(cols.map((c) => [c.column_name, c.data_type, c.is_nullable])).toEqual([
      ['from_code', 'VARCHAR', 'NO'],
      ['to_code', 'VARCHAR', 'NO'],
      ['effective_on', 'DATE', 'NO'],
      ['kind', 'VARCHAR', 'YES'],
      ['note', 'VARCHAR', 'YES'],
    ]);
  });

  it('reads the same rows from CSV, XLSX with Vietnamese headers below a title, JSON and Parquet', async () => {
    const [from, to, on, kind, note] = LINEAGE_ROWS[0]!;
    const forms: Record<string, (dir: string) => Promise<string | Buffer>> = {
      'unit_lineage.csv': async () =>
        `from_code,to_code,effective_on,kind,note\n${from},${to},01/07/2025,${kind},${note}\n`,
      'unit_lineage.xlsx': () => lineageXlsx(),
      'unit_lineage.json': async () =>
        JSON.stringify([{ 'Mã đơn vị cũ': from, 'Mã đơn vị mới': to, 'Ngày hiệu lực': on, kind, note }]),
      'unit_lineage.parquet': (dir) => lineageParquet(dir),
    };
    for (const [name, make] of Object.entries(forms)) {
      const dir = folder({ 'units.csv': UNITS_WITH_NEW });
      const { writeFileSync } = await import('node:fs');
      writeFileSync(path.join(dir, name), await make(dir));
      const file = db();
      const r = await loadData(dir, file, effects);
      expect(r.tables.unit_lineage, name).toBe(1);
      // With its lineage row AG.CT.X1 is no longer forgotten.
      expect(r.warnings, name).toEqual([]);
      expect(await query(file, 'SELECT * FROM unit_lineage'), name).toEqual([
        { from_code: from, to_code: to, effective_on: on, kind, note },
      ]);
    }
  });

  it('keeps units.official_code, dossiers.fully_online and dossier_stats.received_fully_online', async () => {
    const lines = UNITS.trimEnd().split('\n');
    const units =
      [`${lines[0]},Mã ĐVHC`, ...lines.slice(1).map((l) => `${l},${l.startsWith('AGM,') ? '91' : ''}`)].join('\n') +
      '\n';
    const dossiers =
      'dossier_id,unit_code,channel,online_eligible,received_on,Trực tuyến toàn trình\nD1,AG.SNV,online,true,2025-01-05,có\nD2,AG.SNV,direct,true,2025-01-05,không\n';
    const stats =
      'unit_code,month,received,received_online,resolved,resolved_on_time,received_fully_online\nAG.STP,2025-01,10,4,9,9,4\n';
    const file = db();
    await loadData(folder({ 'units.csv': units, 'dossiers.csv': dossiers, 'dossier_stats.csv': stats }), file, effects);
    expect(await query(file, `SELECT unit_code, official_code FROM units WHERE official_code IS NOT NULL`)).toEqual([
      { unit_code: 'AGM', official_code: '91' },
    ]);
    expect(await query(file, 'SELECT dossier_id, fully_online FROM dossiers ORDER BY 1')).toEqual([
      { dossier_id: 'D1', fully_online: true },
      { dossier_id: 'D2', fully_online: false },
    ]);
    expect(await query(file, 'SELECT received_fully_online AS f FROM dossier_stats')).toEqual([{ f: 4 }]);
  });
});

describe('the forgotten-lineage warning', () => {
  it('names the unit that ends below an ancestor with lineage, and only that one', async () => {
    // AG.SNV and AG.STP end never; AG ends with a successor; AG.CT.X1 ends without one under AG.CT.
    const { issues, warnings } = await checkData(folder(), effects);
    expect(issues).toEqual([]);
    expect(warnings).toEqual([
      {
        file: 'units.csv',
        line: 6,
        column: 'valid_to',
        rule: 'lineage_forgotten',
        message: expect.stringContaining(
          'AG.CT.X1 (UBND xã An Hòa) ends on 2025-06-30 and has no lineage, though AG.CT above it is taken over by AGM',
        ),
      },
    ]);
  });

  it('is not given for a unit that ends where no ancestor has lineage (old data reads as before)', async () => {
    const units = UNITS.replace(',2025-06-30,AGM', ',2025-06-30,').replace(
      'AG.CT,UBND huyện Châu Thành,Châu Thành,district,AG,,2025-06-30,AGM',
      'AG.CT,UBND huyện Châu Thành,Châu Thành,district,AG,,2025-06-30,',
    );
    const { issues, warnings } = await checkData(folder({ 'units.csv': units }), effects);
    expect(issues).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it('is printed by check (exit 0, kept in --json) and load, and next to errors', () => {
    const run = (...args: string[]) => spawnSync(CLI, args, { encoding: 'utf8', timeout: 60_000 });
    const dir = folder();
    const check = run('check', '--data', dir);
    expect(check.status).toBe(0);
    expect(check.stderr).toContain('warning: units.csv:6 [valid_to]: AG.CT.X1');
    const json = run('check', '--data', dir, '--json');
    expect(json.status).toBe(0);
    const out = JSON.parse(json.stdout) as {
      valid: boolean;
      issues: unknown[];
      warnings: { rule: string; line: number }[];
    };
    expect(out.valid).toBe(true);
    expect(out.issues).toEqual([]);
    expect(out.warnings.map((w) => [w.rule, w.line])).toEqual([['lineage_forgotten', 6]]);
    const load = run('load', '--data', dir, '--db', db());
    expect(load.status).toBe(0);
    expect(load.stderr).toContain('warning: units.csv:6 [valid_to]: AG.CT.X1');

    const bad = folder({ 'tasks.csv': 'task_id,lead_unit,title,area,assigned_on\nT1,AG.SNV,x,direction,31/02/2025\n' });
    const failed = run('check', '--data', bad);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toMatch(/warning: units\.csv:6 \[valid_to\].*\n(.*\n)*tasks\.csv:2 \[assigned_on\]/);
  });
});
