/** Every format, split files, header aliases, and how each value form is read into typed columns. */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { Db, literal } from '../src/db.ts';
import { checkData, loadData } from '../src/load/index.ts';
import { effects, folder, query, TASKS, tempDb, where } from './load-helpers.ts';

const DOSSIERS_HEADER =
  'dossier_id,unit_code,procedure_code,channel,online_eligible,received_on,due_on,resolved_on,paid_online';

async function loadTasks(
  tasks: string | Buffer,
  name = 'tasks.csv',
  extra: Record<string, string | Buffer | null> = {},
) {
  const dir = folder({ 'tasks.csv': null, [name]: tasks, ...extra });
  const db = tempDb();
  await loadData(dir, db, effects);
  return query<{
    task_id: string;
    assigned_on: string;
    due_on: string | null;
    completed_on: string | null;
    title: string;
    support_units: string | null;
  }>(db, 'SELECT * FROM tasks ORDER BY task_id');
}

describe('CSV', () => {
  it('reads dates as ISO, D/M/YYYY, DD/MM/YYYY and date-times by their date in Asia/Ho_Chi_Minh', async () => {
    const rows = await loadTasks(
      [
        'task_id,lead_unit,title,area,assigned_on,due_on,completed_on',
        'T1,AG.SNV,a,direction,2024-11-05,5/1/2025,2024-11-05 08:30',
        'T2,AG.SNV,b,direction,05/11/2024,31/12/2024,2024-11-05T23:30:00Z',
        'T3,AG.SNV,c,direction,1/2/2024,,2024-11-05 16:59:59+00:00',
        'T4,AG.SNV,d,direction,  2024-02-29  ,01/02/2024 07:15,',
      ].join('\n'),
    );
    expect(rows.map((r) => [r.task_id, r.assigned_on, r.due_on, r.completed_on])).toEqual([
      ['T1', '2024-11-05', '2025-01-05', '2024-11-05'],
      // 23:30 UTC is 06:30 the next day in Hồ Chí Minh City.
      ['T2', '2024-11-05', '2024-12-31', '2024-11-06'],
      ['T3', '2024-02-01', null, '2024-11-05'],
      ['T4', '2024-02-29', '2024-02-01', null],
    ]);
  });

  it('accepts a UTF-8 BOM and CRLF, normalises text to NFC and trims codes', async () => {
    const nfd = 'Rà soát thủ tục'.normalize('NFD');
    const body = `\uFEFFtask_id,lead_unit,support_units,title,area,assigned_on\r\n T1 , AG.SNV ,AG.STP ; AG.CT,${nfd},direction,2024-01-02\r\n`;
    const rows = await loadTasks(Buffer.from(body, 'utf8'));
    expect(rows[0]!.task_id).toBe('T1');
    expect(rows[0]!.title).toBe('Rà soát thủ tục'.normalize('NFC'));
    expect(rows[0]!.title).not.toBe(nfd);
    expect(rows[0]!.support_units).toBe('AG.STP ; AG.CT');
  });

  it('reads a header-only file as an empty table', async () => {
    const dir = folder({ 'targets.csv': 'metric,year,unit_code,target\n' });
    const db = tempDb();
    const r = await loadData(dir, db, effects);
    expect(r.tables.targets).toBe(0);
    expect(r.tables.tasks).toBe(2);
  });

  it('keeps a quoted field spanning lines and counts physical lines for the rows after it', async () => {
    const dir = folder({
      'tasks.csv': [
        'task_id,lead_unit,title,area,assigned_on',
        'T1,AG.SNV,"Hai dòng',
        'nội dung, có dấu phẩy",direction,2024-01-02',
        '',
        'T2,AG.SNV,"Ba ""dòng""',
        '',
        'x",direction,2024-13-02',
        'T3,AG.SNV,c,direction,2024-01-02',
        'T4,AG.SNV,d,direction,31/02/2024',
      ].join('\n'),
    });
    const { issues } = await checkData(dir, effects);
    expect(where(issues)).toEqual(['tasks.csv:5 [assigned_on] date', 'tasks.csv:9 [assigned_on] date']);
  });

  it('reads booleans true/false, 1/0, có/không in any case, and decimal commas', async () => {
    const dir = folder({
      'dossiers.csv': [
        DOSSIERS_HEADER,
        'D1,AG.CT,P1,online,TRUE,2024-01-02,,,Có',
        'D2,AG.CT,P1,direct,0,2024-01-02,,,KHÔNG',
        'D3,AG.CT,P1,postal,có,2024-01-02,,,false',
        'D4,AG.CT,P1,online,1,2024-01-02,,,',
      ].join('\n'),
      'criteria.csv':
        'year,criterion_code,area,title,max_points\n2023,1.1,direction,Kế hoạch CCHC,"8,5"\n2023,1.2,direction,Báo cáo,1.25\n',
    });
    const db = tempDb();
    await loadData(dir, db, effects);
    expect(await query(db, 'SELECT dossier_id, online_eligible, paid_online FROM dossiers ORDER BY 1')).toEqual([
      { dossier_id: 'D1', online_eligible: true, paid_online: true },
      { dossier_id: 'D2', online_eligible: false, paid_online: false },
      { dossier_id: 'D3', online_eligible: true, paid_online: false },
      { dossier_id: 'D4', online_eligible: true, paid_online: null },
    ]);
    expect(await query(db, 'SELECT max_points FROM criteria ORDER BY criterion_code')).toEqual([
      { max_points: 8.5 },
      { max_points: 1.25 },
    ]);
  });

  it('rejects thousands separators in integers and decimals, naming the value', async () => {
    const dir = folder({
      'dossier_stats.csv':
        'unit_code,month,received,received_online,resolved,resolved_on_time\nAG.CT.X1,2024-01,1.090,10,5,5\n',
      'index_scores.csv': 'index_code,period,unit_code,component,score\nPAPI,2024,AG,TOTAL,"1,234.5"\n',
    });
    const { issues } = await checkData(dir, effects);
    expect(where(issues)).toEqual(['index_scores.csv:2 [score] decimal', 'dossier_stats.csv:2 [received] int']);
    expect(issues[1]!.message).toBe(
      'received "1.090" is not a whole number; use digits only, without thousands separators',
    );
  });

  it('maps Vietnamese headers and ignores STT', async () => {
    const rows = await loadTasks(
      [
        'STT,Mã nhiệm vụ,Đơn vị chủ trì,Nội dung nhiệm vụ,Lĩnh vực,Ngày giao,Hạn xử lý,ngay hoan thanh',
        '1,T9,AG.SNV,Việc,direction,12/11/2024,31/12/2024,',
      ].join('\n'),
    );
    expect(rows).toEqual([
      expect.objectContaining({ task_id: 'T9', assigned_on: '2024-11-12', due_on: '2024-12-31', completed_on: null }),
    ]);
  });

  it('loads a table split over several files, in file order, and records each file', async () => {
    const head = DOSSIERS_HEADER;
    const dir = folder({
      'dossiers.2024.csv': `${head}\nA1,AG.CT,P,online,1,2024-03-01,,,\nA2,AG.CT,P,direct,0,2024-03-02,,2024-03-05,\n`,
      'dossiers.2025.csv': `${head}\nB1,AG.SNV,P,online,1,2025-01-01,,,\n`,
    });
    const db = tempDb();
    const r = await loadData(dir, db, effects);
    expect(r.tables.dossiers).toBe(3);
    expect(await query(db, 'SELECT table_name, file, format, rows FROM meta_files ORDER BY file')).toEqual([
      { table_name: 'dossiers', file: 'dossiers.2024.csv', format: 'csv', rows: 2 },
      { table_name: 'dossiers', file: 'dossiers.2025.csv', format: 'csv', rows: 1 },
      { table_name: 'tasks', file: 'tasks.csv', format: 'csv', rows: 2 },
      { table_name: 'units', file: 'units.csv', format: 'csv', rows: 6 },
    ]);
  });

  it('reports duplicate keys across split files with both locations', async () => {
    const head = 'task_id,lead_unit,title,area,assigned_on';
    const dir = folder({
      'tasks.csv': null,
      'tasks.a.csv': `${head}\nT1,AG.SNV,a,direction,2024-01-01\n`,
      'tasks.b.csv': `${head}\nT2,AG.SNV,b,direction,2024-01-01\nT1,AG.SNV,c,direction,2024-01-01\n`,
    });
    const { issues } = await checkData(dir, effects);
    expect(where(issues)).toEqual(['tasks.b.csv:3 [task_id] unique']);
    expect(issues[0]!.message).toBe('duplicate task_id "T1"; first at tasks.a.csv:2');
  });
});

describe('XLSX', () => {
  async function workbook(build: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    build(wb.addWorksheet('Nhiệm vụ'));
    wb.addWorksheet('Ghi chú').addRow(['not read']);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  it('finds the header below title rows, reads date cells, and counts sheet rows as Excel does', async () => {
    const xlsx = await workbook((ws) => {
      ws.addRow(['UBND TỈNH AN GIANG']);
      ws.addRow(['DANH MỤC NHIỆM VỤ NĂM 2024']);
      ws.addRow([]);
      ws.addRow([
        'STT',
        'Mã nhiệm vụ',
        'Đơn vị chủ trì',
        'Nội dung nhiệm vụ',
        'Lĩnh vực',
        'Ngày giao',
        'Hạn xử lý',
        'Ngày hoàn thành',
        '',
      ]);
      ws.addRow([
        1,
        'T1',
        'AG.SNV',
        { richText: [{ text: 'Rà soát ' }, { text: 'TTHC' }] },
        'procedures',
        new Date(Date.UTC(2024, 10, 12)),
        '31/12/2024',
        new Date(Date.UTC(2024, 11, 20, 16, 30)),
      ]);
      ws.addRow([2, 'T2', 'AG.STP', 'Tuyên truyền', 'direction', new Date(Date.UTC(2024, 10, 12)), 45600, null]);
    });
    const dir = folder({ 'tasks.csv': null, 'tasks.xlsx': xlsx });
    const { issues } = await checkData(dir, effects);
    // A number in a date column is an Excel serial typed as a number, not a date cell: refused.
    expect(where(issues)).toEqual(['tasks.xlsx:6 [due_on] date']);
    expect(issues[0]!.message).toContain('"45600"');

    writeFileSync(
      path.join(dir, 'tasks.xlsx'),
      await workbook((ws) => {
        ws.addRow(['BẢNG NHIỆM VỤ']);
        ws.addRow([
          'STT',
          'Mã nhiệm vụ',
          'Đơn vị chủ trì',
          'Nội dung nhiệm vụ',
          'Lĩnh vực',
          'Ngày giao',
          'Hạn xử lý',
          'Ngày hoàn thành',
        ]);
        ws.addRow([
          1,
          'T1',
          'AG.SNV',
          { richText: [{ text: 'Rà soát ' }, { text: 'TTHC' }] },
          'procedures',
          new Date(Date.UTC(2024, 10, 12)),
          '31/12/2024',
          new Date(Date.UTC(2024, 11, 20, 16, 30)),
        ]);
      }),
    );
    const db = tempDb();
    await loadData(dir, db, effects);
    expect(await query(db, 'SELECT task_id, title, assigned_on, due_on, completed_on FROM tasks')).toEqual([
      {
        task_id: 'T1',
        title: 'Rà soát TTHC',
        assigned_on: '2024-11-12',
        due_on: '2024-12-31',
        completed_on: '2024-12-20',
      },
    ]);
  });

  it('refuses a sheet without a recognisable header in its first 10 rows', async () => {
    const xlsx = await workbook((ws) => {
      for (let i = 0; i < 10; i++) ws.addRow([`Tiêu đề ${i}`]);
      ws.addRow(['task_id', 'lead_unit', 'title', 'area', 'assigned_on']);
    });
    const { issues } = await checkData(folder({ 'tasks.csv': null, 'tasks.xlsx': xlsx }), effects);
    expect(where(issues)).toEqual(['tasks.xlsx:- [-] header']);
  });
});

describe('JSON', () => {
  it('treats null, "" and a missing key as empty, numbers and booleans as their text', async () => {
    const json = JSON.stringify([
      {
        task_id: 'T1',
        lead_unit: 'AG.SNV',
        title: 'a',
        area: 'direction',
        assigned_on: '2024-01-02',
        due_on: null,
        completed_on: '',
      },
      { task_id: 'T2', lead_unit: 'AG.SNV', title: 'b', area: 'direction', assigned_on: '2/1/2024' },
    ]);
    const rows = await loadTasks(json, 'tasks.json');
    expect(rows.map((r) => [r.task_id, r.assigned_on, r.due_on, r.completed_on])).toEqual([
      ['T1', '2024-01-02', null, null],
      ['T2', '2024-01-02', null, null],
    ]);
    const dir = folder({
      'criteria.json': JSON.stringify([
        { year: 2023, criterion_code: '1.1', area: 'direction', title: 't', max_points: 2.5 },
      ]),
    });
    const db = tempDb();
    await loadData(dir, db, effects);
    expect(await query(db, 'SELECT year, max_points FROM criteria')).toEqual([{ year: 2023, max_points: 2.5 }]);
  });

  it('reads [] as an empty table and [{}] as a row with every required value missing', async () => {
    const dir = folder({ 'targets.json': '[]', 'criteria.json': '[{}]' });
    const { issues } = await checkData(dir, effects);
    expect(where(issues)).toEqual([
      'criteria.json:1 [year] required',
      'criteria.json:1 [criterion_code] required',
      'criteria.json:1 [area] required',
      'criteria.json:1 [title] required',
      'criteria.json:1 [max_points] required',
    ]);
  });

  it('reports a missing required key per item, numbered from 1', async () => {
    const json = JSON.stringify([
      { task_id: 'T1', lead_unit: 'AG.SNV', title: 'a', area: 'direction', assigned_on: '2024-01-02' },
      { task_id: 'T2', lead_unit: 'AG.SNV', area: 'direction', assigned_on: '2024-01-02' },
    ]);
    const { issues } = await checkData(folder({ 'tasks.csv': null, 'tasks.json': json }), effects);
    expect(where(issues)).toEqual(['tasks.json:2 [title] required']);
  });
});

describe('Parquet', () => {
  it('reads typed Parquet columns (DATE, TIMESTAMP, BOOLEAN, VARCHAR) written by DuckDB', async () => {
    const dir = folder();
    const file = path.join(dir, 'dossiers.parquet');
    const db = await Db.open(':memory:');
    await db.run(
      `COPY (SELECT 'D' || i AS dossier_id, 'AG.CT' AS unit_code, 'P' AS procedure_code, CASE WHEN i % 2 = 0 THEN 'online' ELSE 'direct' END AS channel,
              i % 2 = 0 AS online_eligible, DATE '2024-01-01' + CAST(i AS INTEGER) AS received_on, TIMESTAMP '2024-01-10 23:00:00' + INTERVAL (CAST(i AS INTEGER)) DAY AS resolved_on
            FROM range(5) t(i)) TO ${literal(file)} (FORMAT parquet)`,
    );
    db.close();
    const out = tempDb();
    const r = await loadData(dir, out, effects);
    expect(r.tables.dossiers).toBe(5);
    expect(
      await query(
        out,
        'SELECT dossier_id, online_eligible, received_on, resolved_on, due_on FROM dossiers ORDER BY dossier_id LIMIT 2',
      ),
    ).toEqual([
      { dossier_id: 'D0', online_eligible: true, received_on: '2024-01-01', resolved_on: '2024-01-10', due_on: null },
      { dossier_id: 'D1', online_eligible: false, received_on: '2024-01-02', resolved_on: '2024-01-11', due_on: null },
    ]);
  });

  it('points at the Parquet row of a bad value', async () => {
    const dir = folder();
    const db = await Db.open(':memory:');
    await db.run(
      `COPY (SELECT * FROM (VALUES ('D1', 'AG.CT', 'online', 'true', '2024-01-01'), ('D2', 'AG.CT', 'email', 'true', '2024-01-01'))
             t(dossier_id, unit_code, channel, online_eligible, received_on)) TO ${literal(path.join(dir, 'dossiers.parquet'))} (FORMAT parquet)`,
    );
    db.close();
    const { issues } = await checkData(dir, effects);
    expect(where(issues)).toEqual(['dossiers.parquet:2 [channel] enum']);
  });
});

describe('collecting', () => {
  it('reports every problem across files and tables in one pass, cross-table ones at the referencing row', async () => {
    const dir = folder({
      'tasks.csv':
        TASKS +
        'T3,,AG.XX,,x,direction,,2024-01-01,,2023-12-31,\nT4,,AG.SNV,,y,area51,,2024-01-01,,2024-02-01,2024-02-02\n',
      'documents.csv': 'doc_no,issued_on,title\n208/TB-VPUBND,17/03/2025,Kết luận\n',
      'targets.csv': 'metric,year,unit_code,target\nonline_ratio,2024,,0.8\nonline_ratio,2024,,0.9\n',
    });
    const { issues } = await checkData(dir, effects);
    expect(where(issues)).toEqual([
      'tasks.csv:4 [lead_unit] fk',
      'tasks.csv:4 [completed_on] completed_before_assigned',
      'tasks.csv:5 [area] enum',
      'tasks.csv:5 [cancelled_on] cancelled_completed',
      'targets.csv:3 [-] unique',
    ]);
  });

  it('caps a rule at 1000 listed rows and says so', async () => {
    const rows = Array.from({ length: 1200 }, (_, i) => `D${i},AG.CT,P,fax,1,2024-01-01,,,`).join('\n');
    const { issues } = await checkData(folder({ 'dossiers.csv': `${DOSSIERS_HEADER}\n${rows}\n` }), effects);
    expect(issues).toHaveLength(1001);
    expect(issues[0]).toMatchObject({ file: 'dossiers.csv', line: null, rule: 'too_many' });
    expect(issues[1]).toMatchObject({ line: 2, column: 'channel', rule: 'enum' });
  });
});

describe('the sample data', () => {
  it('passes cchc check (exit 0)', () => {
    const root = path.join(import.meta.dirname, '..');
    const out = execFileSync(
      path.join(root, 'bin', 'cchc'),
      ['check', '--data', path.join(root, 'data'), '--format', 'table'],
      { encoding: 'utf8' },
    );
    expect(out).toMatch(/is valid\nunits\s+\d+/);
  });
});
