/**
 * Office exports (test/fixtures/office, written by make.ts): a statistics workbook with a merged
 * two-row header, group headings, subtotals, a repeated header, notes and signatures, units by
 * name; tasks with names, Vietnamese areas and day-first dates. Expected values are read off the
 * rows of make.ts by hand (see the comments), not from the loader.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { checkData, loadData } from '../src/load/index.ts';
import { Zip } from '../src/load/zip.ts';
import { effects, folder as baseFolder, query, tempDb, where } from './load-helpers.ts';

const ROOT = path.join(import.meta.dirname, 'fixtures', 'office');
const data = (name: string) => path.join(ROOT, name, 'data');
const dbs: string[] = [];
afterAll(() => dbs.forEach((d) => rmSync(path.dirname(path.dirname(d)), { recursive: true, force: true })));

describe('a statistics export as the one-stop system prints it', () => {
  it('loads its five unit-months, units resolved by name, with the sums of its totals row', async () => {
    const db = tempDb();
    dbs.push(db);
    const r = await loadData(data('stats-export'), db, effects);
    expect(r.tables.dossier_stats).toBe(5);
    // Rows 6, 7, 12, 13, 14 of the sheet: SNV 11/2024, STP "Tháng 11/2024", Châu Thành 11 and
    // 12/2024 (its name merged over both rows), Tân Châu 11/2024.
    expect(
      await query(
        db,
        'SELECT unit_code, month, received, received_online, resolved, resolved_on_time FROM dossier_stats ORDER BY unit_code, month',
      ),
    ).toEqual([
      {
        unit_code: 'AG.CT',
        month: '2024-11',
        received: 300,
        received_online: 90,
        resolved: 280,
        resolved_on_time: 260,
      },
      {
        unit_code: 'AG.CT',
        month: '2024-12',
        received: 310,
        received_online: 95,
        resolved: 290,
        resolved_on_time: 270,
      },
      {
        unit_code: 'AG.SNV',
        month: '2024-11',
        received: 120,
        received_online: 30,
        resolved: 110,
        resolved_on_time: 100,
      },
      { unit_code: 'AG.STP', month: '2024-11', received: 80, received_online: 20, resolved: 75, resolved_on_time: 70 },
      {
        unit_code: 'AG.TX',
        month: '2024-11',
        received: 150,
        received_online: 40,
        resolved: 140,
        resolved_on_time: 130,
      },
    ]);
    // The "Tổng cộng" row says 960 / 275 / 895 / 830.
    expect(
      await query(
        db,
        'SELECT sum(received)::INT AS a, sum(received_online)::INT AS b, sum(resolved)::INT AS c, sum(resolved_on_time)::INT AS d FROM dossier_stats',
      ),
    ).toEqual([{ a: 960, b: 275, c: 895, d: 830 }]);
  });

  it('says which rows it skipped and why, how it read the header, and every name it resolved', async () => {
    const { issues, warnings } = await checkData(data('stats-export'), effects);
    expect(issues).toEqual([]);
    const sheet = warnings.filter((w) => w.file === 'dossier_stats.xlsx');
    expect(
      sheet
        .filter((w) => w.rule === 'skipped_row')
        .map((w) => [w.line, /: (a [a-z ]+[a-z]|the header repeated)/.exec(w.message)?.[1]]),
    ).toEqual([
      [5, 'a group heading'],
      [8, 'a totals row'],
      [9, 'the header repeated'],
      [10, 'the header repeated'],
      [11, 'a group heading'],
      [15, 'a totals row'],
      [16, 'a totals row'],
      [18, 'a note or signature line'],
      [19, 'a note or signature line'],
      [20, 'a note or signature line'],
      [21, 'a note or signature line'],
    ]);
    expect(sheet.find((w) => w.rule === 'header_rows')?.message).toContain(
      '`Số hồ sơ tiếp nhận › Trực tuyến` → received_online',
    );
    expect(sheet.find((w) => w.rule === 'merged_cells')?.message).toContain('B12:B13');
    expect(sheet.filter((w) => w.rule === 'totals_mismatch')).toEqual([]);
    const names = warnings.filter((w) => w.rule === 'unit_name').map((w) => w.message);
    expect(names).toContain(
      'unit_code "UBND huyện Châu Thành" read as the unit AG.CT, 2 rows (its name or short name)',
    );
    // NV01 (March 2025) is the old Sở Nội vụ, NV04 (August 2025) the new one.
    expect(names).toContain(
      'lead_unit "Sở Nội vụ" read as the unit AG.SNV (1 row), AGM.SNV (1 row) (its name or short name)',
    );
  });

  it('warns, naming both figures, when the totals do not add up (a cut export)', async () => {
    const { issues, warnings } = await checkData(data('stats-export-cut'), effects);
    expect(issues).toEqual([]);
    const totals = warnings.filter((w) => w.rule === 'totals_mismatch');
    // Without Tân Châu (150): subtotal II 760 vs 300 + 310 = 610, grand total 960 vs 810.
    expect(totals.map((w) => [w.line, w.column])).toEqual([
      [14, 'received'],
      [14, 'received_online'],
      [14, 'resolved'],
      [14, 'resolved_on_time'],
      [15, 'received'],
      [15, 'received_online'],
      [15, 'resolved'],
      [15, 'resolved_on_time'],
    ]);
    expect(totals[0]!.message).toContain('says received 760');
    expect(totals[0]!.message).toContain('add up to 610');
    expect(totals[4]!.message).toContain('says received 960');
    expect(totals[4]!.message).toContain('add up to 810');
  });
});

describe('tasks written as offices write them', () => {
  it('reads unit names, Vietnamese area names and support units separated by commas', async () => {
    const db = tempDb();
    dbs.push(db);
    await loadData(data('stats-export'), db, effects);
    expect(await query(db, 'SELECT task_id, lead_unit, support_units, area FROM tasks ORDER BY task_id')).toEqual([
      { task_id: 'NV01', lead_unit: 'AG.SNV', support_units: 'AG.STP;AG.CT', area: 'procedures' },
      { task_id: 'NV02', lead_unit: 'AG.SNV', support_units: null, area: 'direction' },
      { task_id: 'NV03', lead_unit: 'AG.CT', support_units: null, area: 'digital_government' },
      { task_id: 'NV04', lead_unit: 'AGM.SNV', support_units: null, area: 'organization' },
      { task_id: 'NV05', lead_unit: 'AG.STP', support_units: null, area: 'institutions' },
    ]);
  });

  it('refuses a name of two units existing in the row’s time, listing both', async () => {
    const { issues } = await checkData(data('name-ambiguous'), effects);
    expect(where(issues)).toEqual(['targets.csv:2 [unit_code] unit_ambiguous']);
    expect(issues[0]!.message).toBe(
      'unit_code "UBND xã Bình Hòa" names 2 units existing in 01/01/2025–31/12/2025: AG.CT.BH (huyện Châu Thành, until 30/06/2025) or AGM.XBH (tỉnh An Giang, from 01/07/2025); write the code',
    );
  });

  it('refuses a name of a unit that no longer existed, saying until when and who succeeded it', async () => {
    const { issues } = await checkData(data('name-not-existing'), effects);
    expect(where(issues)).toEqual(['tasks.csv:7 [lead_unit] unit_not_existing']);
    expect(issues[0]!.message).toContain('AG.CT existed until 30/06/2025; its successor is AGM (UBND tỉnh An Giang)');
  });

  it('refuses a name of no unit, offering the closest name with its code', async () => {
    const { issues } = await checkData(data('name-unknown'), effects);
    expect(where(issues)).toEqual(['tasks.csv:7 [lead_unit] fk']);
    expect(issues[0]!.message).toContain('did you mean "Sở Nội vụ" (AG.SNV)?');
  });
});

describe('tasks exported without task_id', () => {
  const ids = async (name: string) => {
    const db = tempDb();
    dbs.push(db);
    await loadData(data(name), db, effects);
    return query<{ task_id: string; title: string }>(db, 'SELECT task_id, title FROM tasks ORDER BY title');
  };
  // make.ts NOTICE_TASKS: notice 208/TB-VPUBND STT 1–3, 317/TB-VPUBND STT 1–2, STT 6 of no notice.
  const BY_HAND = [
    { task_id: 'tasks#6', title: 'Báo cáo kết quả quý I' },
    { task_id: '208/TB-VPUBND#1', title: 'Rà soát quy trình nội bộ' },
    { task_id: '208/TB-VPUBND#2', title: 'Rà soát văn bản quy phạm pháp luật' },
    { task_id: '317/TB-VPUBND#1', title: 'Sắp xếp các phòng chuyên môn' },
    { task_id: '208/TB-VPUBND#3', title: 'Số hóa hồ sơ thủ tục hành chính' },
    { task_id: '317/TB-VPUBND#2', title: 'Tuyên truyền cải cách hành chính' },
  ];

  it('derives <document>#<STT>, the file name standing in for a missing document, and says so', async () => {
    expect(await ids('tasks-no-id')).toEqual(BY_HAND);
    const { issues, warnings } = await checkData(data('tasks-no-id'), effects);
    expect(issues).toEqual([]);
    const derived = warnings.filter((w) => w.rule === 'task_id_derived');
    expect(where(derived)).toEqual(['tasks.xlsx:- [task_id] task_id_derived']);
    expect(derived[0]!.message).toContain('"<doc_no>#<STT>" (the first: "208/TB-VPUBND#1")');
    expect(derived[0]!.message).toContain('(or "tasks" without one)');
  });

  it('gives the same ids to the same export loaded twice, and to its rows sorted otherwise', async () => {
    expect(await ids('tasks-no-id')).toEqual(BY_HAND);
    expect(await ids('tasks-no-id-sorted')).toEqual(BY_HAND);
  });

  it('without an STT column takes the sheet row, and warns that moving rows changes the ids', async () => {
    // The same six rows on sheet rows 3–8 (a title row, then the header).
    expect((await ids('tasks-no-id-no-stt')).map((r) => r.task_id)).toEqual([
      'tasks#r8',
      '208/TB-VPUBND#r3',
      '208/TB-VPUBND#r4',
      '317/TB-VPUBND#r6',
      '208/TB-VPUBND#r5',
      '317/TB-VPUBND#r7',
    ]);
    const { warnings } = await checkData(data('tasks-no-id-no-stt'), effects);
    const derived = warnings.find((w) => w.rule === 'task_id_derived')!;
    expect(derived.message).toContain('no task_id and no STT column');
    expect(derived.message).toContain('moving or inserting rows changes the ids');
  });

  it('takes the row of a task whose STT is empty, and says how many', async () => {
    const dir = baseFolder({
      'tasks.csv':
        'STT,Số văn bản,Đơn vị chủ trì,Nội dung nhiệm vụ,Lĩnh vực,Ngày giao\n1,208/TB,AG.SNV,a,direction,2025-03-17\n,208/TB,AG.STP,b,direction,2025-03-17\n',
    });
    const db = tempDb();
    await loadData(dir, db, effects);
    expect(await query(db, 'SELECT task_id FROM tasks ORDER BY title')).toEqual([
      { task_id: '208/TB#1' },
      { task_id: '208/TB#r3' },
    ]);
    const { warnings } = await checkData(dir, effects);
    expect(warnings.find((w) => w.rule === 'task_id_derived')!.message).toContain('1 row without an STT');
  });

  it('derives ids in JSON too, an item without STT taking its item number', async () => {
    const items = [
      { STT: 1, 'Số văn bản': '208/TB', lead_unit: 'AG.SNV', title: 'a', area: 'direction', assigned_on: '2025-03-17' },
      { 'Số văn bản': '208/TB', lead_unit: 'AG.STP', title: 'b', area: 'direction', assigned_on: '2025-03-17' },
    ];
    const db = tempDb();
    await loadData(baseFolder({ 'tasks.csv': null, 'tasks.json': JSON.stringify(items) }), db, effects);
    expect(await query(db, 'SELECT task_id FROM tasks ORDER BY title')).toEqual([
      { task_id: '208/TB#1' },
      { task_id: '208/TB#r2' },
    ]);
  });

  it('refuses a derived id given twice, naming both rows', async () => {
    const { issues } = await checkData(data('tasks-no-id-twice'), effects);
    // STT 2 of 208/TB-VPUBND on sheet row 4, and again on row 9.
    expect(where(issues)).toEqual(['tasks.xlsx:9 [task_id] unique']);
    expect(issues[0]!.message).toContain('duplicate task_id "208/TB-VPUBND#2"; first at tasks.xlsx:4');
    expect(issues[0]!.message).toContain('give the two tasks different STTs, or add a task_id column');
  });
});

describe('a workbook whose sheets are named after tables', () => {
  it('reads each such sheet into its table and names the sheets it did not read', async () => {
    const db = tempDb();
    dbs.push(db);
    const r = await loadData(data('workbook-sheets'), db, effects);
    // make.ts wholeBook: the 10 units of UNITS, 2 tasks, 2 unit-months.
    expect([r.tables.units, r.tables.tasks, r.tables.dossier_stats]).toEqual([10, 2, 2]);
    expect(await query(db, 'SELECT table_name, file, rows FROM meta_files ORDER BY file')).toEqual([
      { table_name: 'dossier_stats', file: 'cchc.xlsx[dossier stats]', rows: 2 },
      { table_name: 'tasks', file: 'cchc.xlsx[tasks]', rows: 2 },
      { table_name: 'units', file: 'cchc.xlsx[units]', rows: 10 },
    ]);
    const sheet = r.warnings.filter((w) => w.rule === 'sheet');
    expect(where(sheet)).toEqual(['cchc.xlsx:- [-] sheet']);
    expect(sheet[0]!.message).toContain('not read: "Hướng dẫn"');
  });

  it('opens the workbook once, not again for each sheet it reads', async () => {
    const open = vi.spyOn(Zip, 'open');
    try {
      const { issues } = await checkData(data('workbook-sheets'), effects);
      expect(issues).toEqual([]);
      expect(open.mock.calls.map(([abs]) => path.basename(abs))).toEqual(['cchc.xlsx']);
    } finally {
      open.mockRestore();
    }
  });

  it('names file, sheet, row and column of a problem', async () => {
    const { issues } = await checkData(data('workbook-sheets-bad-date'), effects);
    expect(where(issues)).toContain('cchc.xlsx[tasks]:2 [assigned_on] date');
  });

  it('refuses a table given both as a sheet and as its own file, naming both', async () => {
    const { issues } = await checkData(data('workbook-and-file'), effects);
    expect(where(issues)).toEqual(['cchc.xlsx[tasks], tasks.csv:- [-] table_twice']);
    expect(issues[0]!.message).toBe(
      'table tasks is given 2 times (cchc.xlsx[tasks], tasks.csv); a sheet named after a table holds all of it — keep one',
    );
  });
});
