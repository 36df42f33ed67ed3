/**
 * Unseen office exports (test/fixtures/office2, written by make.ts in the shapes SOURCES.md
 * found): each loads with the rows and sums EXPECTED.md worked out by hand from make.ts before
 * cchc was run on them, or gives its one precise error. A case's data folder is its export plus
 * the sample data files make.ts names, copied into a folder whose name has spaces and
 * Vietnamese letters.
 */
import { cpSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it, vi } from 'vitest';
import { Db } from '../src/db.ts';
import { headerHint, notRead, strictOnTime } from '../src/load/forms.ts';
import { checkData, loadData } from '../src/load/index.ts';
import { CASES } from './fixtures/office2/make.ts';
import { effects, folder as baseFolder, query, tempDb, where } from './load-helpers.ts';
import { tempDir } from './tmp.ts';

const ROOT = path.join(import.meta.dirname, 'fixtures', 'office2');
const DATA = path.join(import.meta.dirname, '..', 'data');

function folder(name: string): string {
  const dir = path.join(tempDir('cchc office2-'), `dữ liệu ${name}`);
  mkdirSync(dir);
  for (const f of CASES[name]!.base) cpSync(path.join(DATA, f), path.join(dir, f));
  for (const f of readdirSync(path.join(ROOT, name))) cpSync(path.join(ROOT, name, f), path.join(dir, f));
  return dir;
}

/** A folder of the sample's units, lineage, documents and tasks, plus `files`. */
function withSample(files: Record<string, Buffer>): string {
  const dir = tempDir('cchc office2 mẫu-');
  for (const f of ['units.csv', 'unit_lineage.csv', 'documents.csv', 'tasks.csv'])
    cpSync(path.join(DATA, f), path.join(dir, f));
  for (const [f, b] of Object.entries(files)) writeFileSync(path.join(dir, f), b);
  return dir;
}

async function sheet(rows: (string | number | null)[][], merges: string[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  for (const r of rows) ws.addRow(r);
  for (const m of merges) ws.mergeCells(m);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function load(name: string): Promise<string> {
  const db = tempDb();
  await loadData(folder(name), db, effects);
  return db;
}

const STATS = `SELECT unit_code, month, received, received_online, resolved, resolved_on_time FROM dossier_stats ORDER BY unit_code`;
const SUMS = `SELECT sum(received)::INT AS received, sum(received_online)::INT AS online, sum(resolved)::INT AS resolved, sum(resolved_on_time)::INT AS on_time FROM dossier_stats`;
const row = (unit_code: string, month: string, ...n: number[]) => ({
  unit_code,
  month,
  received: n[0],
  received_online: n[1],
  resolved: n[2],
  resolved_on_time: n[3],
});
const skips = (warnings: { rule: string; line: number | null; message: string }[]) =>
  warnings
    .filter((w) => w.rule === 'skipped_row')
    .map((w) => [w.line, /skipped: (a [a-z ]+[a-z]|the [a-z ]+[a-z])/.exec(w.message)?.[1]]);

describe('the national statistics form (three header rows, Trong đó, parts of totals)', () => {
  it('loads the six wards and communes, resolved on time = Trước hạn + Đúng hạn (EXPECTED.md 1)', async () => {
    const db = await load('portal-communes');
    // make.ts WARDS and COMMUNES; on time 700 + 420, 350 + 230, 500 + 350, 120 + 170, 180 + 200, 100 + 150.
    expect(await query(db, STATS)).toEqual([
      row('AGM.30292', '2026-10', 640, 410, 600, 580),
      row('AGM.30307', '2026-10', 1250, 980, 1180, 1120),
      row('AGM.30313', '2026-10', 320, 150, 300, 290),
      row('AGM.30316', '2026-10', 910, 600, 880, 850),
      row('AGM.30337', '2026-10', 410, 200, 395, 380),
      row('AGM.30341', '2026-10', 275, 120, 260, 250),
    ]);
    // Row 24, "Tổng cộng (I+II)": 3805, 2460, 3615 and 1950 + 1520.
    expect(await query(db, SUMS)).toEqual([{ received: 3805, online: 2460, resolved: 3615, on_time: 3470 }]);
  });

  it('says how it read the form, which columns it did not read, and every row it skipped', async () => {
    const { issues, warnings } = await checkData(folder('portal-communes'), effects);
    expect(issues).toEqual([]);
    expect(where(warnings.filter((w) => ['sum_of_parts', 'column_not_read'].includes(w.rule)))).toEqual([
      'dossier_stats.xlsx:6 [resolved_on_time] sum_of_parts',
      'dossier_stats.xlsx:6 [-] column_not_read',
    ]);
    const byRule = (r: string) => warnings.find((w) => w.rule === r)!.message;
    expect(byRule('sum_of_parts')).toBe(
      'resolved_on_time is read as `Số hồ sơ đã giải quyết › Trong đó › Trước hạn` + `Số hồ sơ đã giải quyết › Trong đó › Đúng hạn`: a dossier resolved before its due day was resolved on time',
    );
    expect(byRule('column_not_read')).toContain(
      '`Số hồ sơ đang giải quyết › Trong hạn`, `Số hồ sơ đang giải quyết › Quá hạn` (dossiers still being resolved)',
    );
    expect(byRule('header_rows')).toContain(
      'received checked to equal `Trực tuyến` + `Trực tiếp` + `Dịch vụ bưu chính công ích` on every row',
    );
    expect(byRule('header_rows')).toContain('resolved checked to equal `Trước hạn` + `Đúng hạn` + `Quá hạn`');
    expect(skips(warnings)).toEqual([
      [9, 'the column numbers under the header'],
      [10, 'a group heading'],
      [14, 'a totals row'],
      [15, 'the header repeated'],
      [16, 'the header repeated'],
      [17, 'the header repeated'],
      [18, 'the column numbers under the header'],
      [19, 'a group heading'],
      [23, 'a totals row'],
      [24, 'a totals row'],
      [26, 'a note or signature line'],
      [27, 'a note or signature line'],
      [28, 'a note or signature line'],
      [29, 'a note or signature line'],
    ]);
    // Every subtotal and the grand total agree with the rows above them, Trước hạn and Quá hạn included.
    expect(warnings.filter((w) => w.rule === 'totals_mismatch')).toEqual([]);
  });

  it('refuses a row whose resolved total is not its three parts, naming all four figures (EXPECTED.md 2)', async () => {
    const { issues } = await checkData(folder('parts-disagree'), effects);
    expect(where(issues)).toEqual(['dossier_stats.xlsx:11 [resolved] parts_sum']);
    expect(issues[0]!.message).toBe(
      '`Số hồ sơ đã giải quyết › Tổng số` is 600, but `Trước hạn` 350 + `Đúng hạn` 230 + `Quá hạn` 30 make 610; correct the row — cchc cannot tell which figure is wrong',
    );
  });
});

describe('a period in the title instead of a month column', () => {
  it('takes the month of a title that is one calendar month, and says so (EXPECTED.md 3)', async () => {
    const db = await load('period-title-month');
    expect(await query(db, STATS)).toEqual([
      row('AGM.SNV', '2026-10', 85, 60, 80, 78),
      row('AGM.STP', '2026-10', 1430, 1100, 1400, 1390),
      row('AGM.SYT', '2026-10', 260, 200, 250, 245),
      row('AGM.TTPVHCC', '2026-10', 3100, 2500, 3050, 3010),
    ]);
    expect(await query(db, SUMS)).toEqual([{ received: 4875, online: 3860, resolved: 4780, on_time: 4723 }]);
    const { issues, warnings } = await checkData(folder('period-title-month'), effects);
    expect(issues).toEqual([]);
    const month = warnings.filter((w) => w.rule === 'month_from_title');
    expect(where(month)).toEqual(['dossier_stats.xlsx:5 [month] month_from_title']);
    expect(month[0]!.message).toContain('every row is read as the month 2026-10');
    expect(month[0]!.message).toContain('"Từ ngày 01/10/2026 đến ngày 31/10/2026"');
    // The date left to fill in by hand (row 15) is part of the signature block, not a unit's row.
    expect(skips(warnings).filter(([line]) => Number(line) >= 13)).toEqual([
      [13, 'a totals row'],
      [15, 'a note or signature line'],
      [16, 'a note or signature line'],
      [17, 'a note or signature line'],
    ]);
  });

  it('refuses a title of three months, saying why and what to add (EXPECTED.md 4)', async () => {
    const { issues } = await checkData(folder('period-title-quarter'), effects);
    expect(where(issues)).toEqual(['dossier_stats.xlsx:7 [month] missing_column']);
    expect(issues[0]!.message).toContain('the period 01/07/2026–30/09/2026 is 3 months, not one calendar month');
    expect(issues[0]!.message).toContain("add a column `Tháng` with each row's month (MM/YYYY)");
  });
});

describe('communes named as localities, months as date cells, printed in pages', () => {
  it('loads the twelve communes, each name resolved by date, each month read from its date cell (EXPECTED.md 5)', async () => {
    const db = await load('communes-plain-names');
    expect(
      (await query<{ unit_code: string }>(db, 'SELECT unit_code FROM dossier_stats ORDER BY unit_code')).map(
        (r) => r.unit_code,
      ),
    ).toEqual([
      'AGM.30292',
      'AGM.30307',
      'AGM.30313',
      'AGM.30316',
      'AGM.30337',
      'AGM.30341',
      'AGM.30367',
      'AGM.30376',
      'AGM.30377',
      'AGM.30742',
      'AGM.30769',
      'AGM.31078',
    ]);
    expect(await query(db, 'SELECT DISTINCT month FROM dossier_stats')).toEqual([{ month: '2026-10' }]);
    // Row 17, "Tổng số": 8225, 5500, 7880, 7590.
    expect(await query(db, SUMS)).toEqual([{ received: 8225, online: 5500, resolved: 7880, on_time: 7590 }]);
    const { warnings } = await checkData(folder('communes-plain-names'), effects);
    expect(warnings.find((w) => w.rule === 'month_from_date')?.message).toContain('12 Excel date cells');
    expect(warnings.map((w) => w.message)).toContain(
      'unit_code "Xã Mỹ Hòa Hưng" read as the unit AGM.30313, 1 row (its name or short name)',
    );
    expect(skips(warnings)).toEqual([
      [10, 'the header repeated'],
      [17, 'a totals row'],
    ]);
  });

  it('refuses the name of a ward merged away in 2025, naming its successor (EXPECTED.md 6)', async () => {
    const { issues } = await checkData(folder('old-ward-2026'), effects);
    expect(where(issues)).toEqual(['dossier_stats.xlsx:4 [unit_code] unit_not_existing']);
    expect(issues[0]!.message).toContain(
      'AG.LX.30280 existed until 30/06/2025; its successor is AGM.30307 (UBND phường Long Xuyên)',
    );
  });
});

describe('task tracking lists', () => {
  it('refuses a quarter as a deadline, offering the day the quarter ends (EXPECTED.md 7)', async () => {
    const { issues } = await checkData(folder('tasks-quarter-due'), effects);
    expect(where(issues)).toEqual(['tasks.xlsx:9 [due_on] date']);
    expect(issues[0]!.message).toBe(
      'due_on "Quý IV/2026" is a quarter, not a day; write the day it is due, e.g. 31/12/2026 for the end of the quarter',
    );
  });

  it('loads the five tasks, "Thường xuyên" as no due date, reported once for the column (EXPECTED.md 8)', async () => {
    const db = await load('tasks-ongoing-due');
    expect(
      await query(
        db,
        `SELECT task_id, lead_unit, support_units, area, CAST(assigned_on AS VARCHAR) AS assigned_on,
           CAST(due_on AS VARCHAR) AS due_on, CAST(completed_on AS VARCHAR) AS completed_on FROM tasks ORDER BY task_id`,
      ),
    ).toEqual([
      {
        task_id: '112/TB-VPUBND#4',
        lead_unit: 'AGM.TTPVHCC',
        support_units: null,
        area: 'procedures',
        assigned_on: '2026-05-15',
        due_on: '2026-12-31',
        completed_on: null,
      },
      {
        task_id: '112/TB-VPUBND#5',
        lead_unit: 'AGM.SNV',
        support_units: null,
        area: 'digital_government',
        assigned_on: '2026-05-15',
        due_on: null,
        completed_on: null,
      },
      {
        task_id: '45/TB-VPUBND#1',
        lead_unit: 'AGM.STP',
        support_units: 'AGM.SNV',
        area: 'institutions',
        assigned_on: '2026-02-10',
        due_on: '2026-06-30',
        completed_on: '2026-06-20',
      },
      {
        task_id: '45/TB-VPUBND#2',
        lead_unit: 'AGM.STP',
        support_units: null,
        area: 'institutions',
        assigned_on: '2026-02-10',
        due_on: null,
        completed_on: null,
      },
      {
        task_id: '45/TB-VPUBND#3',
        lead_unit: 'AGM.30313',
        support_units: 'AGM.SNV;AGM.TTPVHCC',
        area: 'procedures',
        assigned_on: '2026-02-10',
        due_on: '2026-09-30',
        completed_on: null,
      },
    ]);
    const { warnings } = await checkData(folder('tasks-ongoing-due'), effects);
    const ongoing = warnings.filter((w) => w.rule === 'due_ongoing');
    // One warning for the file's column, at the first such row, naming both (EXPECTED.md 8: rows 6 and 11).
    expect(where(ongoing)).toEqual(['tasks.xlsx:6 [due_on] due_ongoing']);
    expect(ongoing[0]!.message).toBe(
      'due_on "Thường xuyên" read as no due date in 2 rows (lines 6, 11): ongoing tasks (thường xuyên), never overdue',
    );
  });

  it('refuses progress in words, saying which column to fill instead (EXPECTED.md 9)', async () => {
    const { issues } = await checkData(folder('tasks-status-words'), effects);
    expect(where(issues)).toEqual(['tasks.xlsx:2 [-] unknown_column']);
    expect(issues[0]!.message).toContain('unknown column `Tình hình thực hiện`: cchc reads whether a task is done');
    expect(issues[0]!.message).toContain('a column `Ngày hoàn thành`');
    expect(issues[0]!.message).not.toContain('did you mean');
  });
});

describe('the labels of a form header, read as the header itself is matched', () => {
  // matchHeader leaves a `Trong đó` / `Chia ra` row out; what forms.ts reads of a header must too.
  it('leaves a filler row out of the hint, the on-time reading and the columns not read', () => {
    expect(headerHint('tasks', 'Tình hình thực hiện › Trong đó:')).toBe(headerHint('tasks', 'Tình hình thực hiện'));
    expect(headerHint('tasks', 'Tình hình thực hiện')).toContain('Ngày hoàn thành');
    expect(strictOnTime('Số hồ sơ đã giải quyết › Đúng hạn › Chia ra')).toBe(true);
    expect(strictOnTime('Số hồ sơ đã giải quyết › Đúng và trước hạn')).toBe(false);
    expect(notRead('dossier_stats', 'Tỷ lệ giải quyết đúng hạn (%) › Trong đó')).toBe(
      'a ratio worked out from the other columns',
    );
  });
});

describe('a criteria self-assessment table', () => {
  it('names the row closest to a header and the columns it lacks (EXPECTED.md 10)', async () => {
    const { issues } = await checkData(folder('criteria-self-assessment'), effects);
    expect(where(issues)).toEqual(['criteria_results.xlsx:3 [-] header']);
    expect(issues[0]!.message).toContain('the closest, row 3, names only points (`Điểm tự đánh giá`)');
    expect(issues[0]!.message).toContain(
      'add a column for each of year (`Năm`), unit_code (`Mã đơn vị`), criterion_code (`Mã tiêu chí`), status (`Trạng thái`), assessed_on (`Ngày đánh giá`)',
    );
  });
});

describe('the same readings in any file', () => {
  it('reads "Thường xuyên" in a CSV due column as no due date too, and words it refuses', async () => {
    const tasks =
      'task_id,lead_unit,title,area,assigned_on,due_on\nT1,AG.SNV,a,direction,2025-03-17,Thường xuyên\nT2,AG.SNV,b,direction,2025-03-17,nhiệm vụ thường xuyên.\nT3,AG.SNV,c,direction,2025-03-17,Tháng 7/2025\nT4,AG.SNV,d,direction,2025-03-17,Trước ngày 15/11/2025\n';
    const { issues, warnings } = await checkData(baseFolder({ 'tasks.csv': tasks }), effects);
    const ongoing = warnings.filter((w) => w.rule === 'due_ongoing');
    expect(where(ongoing)).toEqual(['tasks.csv:2 [due_on] due_ongoing']);
    expect(ongoing[0]!.message).toBe(
      'due_on "Thường xuyên", "nhiệm vụ thường xuyên." read as no due date in 2 rows (lines 2, 3): ongoing tasks (thường xuyên), never overdue',
    );
    expect(issues.map((i) => [i.line, i.message])).toEqual([
      [
        4,
        'due_on "Tháng 7/2025" is a month, not a day; write the day it is due, e.g. 31/07/2025 for the end of the month',
      ],
      [5, 'due_on "Trước ngày 15/11/2025" is a phrase; write the day alone: 15/11/2025'],
    ]);
  });

  it('folds a due cell once to tell an ongoing word, however often its text is read after', async () => {
    const tasks = 'task_id,lead_unit,title,area,assigned_on,due_on\nT1,AG.SNV,a,direction,2025-03-17,Thường xuyên\n';
    const run = vi.spyOn(Db.prototype, 'run');
    try {
      const { issues } = await checkData(baseFolder({ 'tasks.csv': tasks }), effects);
      expect(issues).toEqual([]);
      const staged = run.mock.calls.map(([sql]) => sql).filter((sql) => sql.startsWith('CREATE TABLE "tasks"'));
      expect(staged).toHaveLength(1);
      expect(staged[0]!.split(`'nhiem vu thuong xuyen'`)).toHaveLength(2);
    } finally {
      run.mockRestore();
    }
  });

  it('gives a long list of ongoing tasks one warning: the row count, the first rows and words', async () => {
    const words = [
      'Thường xuyên',
      'Nhiệm vụ thường xuyên',
      'Thường xuyên',
      'Thực hiện thường xuyên',
      '"Thường xuyên, liên tục"',
      'thuong xuyen',
      'THƯỜNG XUYÊN',
    ];
    const tasks =
      'task_id,lead_unit,title,area,assigned_on,due_on\n' +
      words.map((w, i) => `T${i + 1},AG.SNV,a,direction,2025-03-17,${w}\n`).join('');
    const { issues, warnings } = await checkData(baseFolder({ 'tasks.csv': tasks }), effects);
    expect(issues).toEqual([]);
    const ongoing = warnings.filter((w) => w.rule === 'due_ongoing');
    // Lines 2-8 hold the 7 rows; 6 different spellings, 5 shown in the order they first appear.
    expect(where(ongoing)).toEqual(['tasks.csv:2 [due_on] due_ongoing']);
    expect(ongoing[0]!.message).toBe(
      'due_on "Thường xuyên", "Nhiệm vụ thường xuyên", "Thực hiện thường xuyên", "Thường xuyên, liên tục", "thuong xuyen", … read as no due date in 7 rows (lines 2, 3, 4, 5, 6 and 2 more): ongoing tasks (thường xuyên), never overdue',
    );
  });

  it('names a commune by its locality in tasks as well ("Xã An Hòa" is "UBND xã An Hòa")', async () => {
    const tasks = 'task_id,lead_unit,title,area,assigned_on\nT1,Xã An Hòa,a,direction,2025-03-17\n';
    const db = tempDb();
    await loadData(baseFolder({ 'tasks.csv': tasks }), db, effects);
    expect(await query(db, 'SELECT lead_unit FROM tasks')).toEqual([{ lead_unit: 'AG.CT.X1' }]);
  });

  it('tells a group of units from a unit, on the line of the row even after its names were rewritten', async () => {
    // Row 2's support units name a unit (rewritten to its code) and a group; row 3's lead is a group.
    const tasks =
      'task_id,lead_unit,support_units,title,area,assigned_on\nT1,AG.SNV,"Sở Tư pháp, Các sở ngành",a,direction,2025-03-17\nT2,"Các sở, ban, ngành",,b,direction,2025-03-17\n';
    const { issues } = await checkData(baseFolder({ 'tasks.csv': tasks }), effects);
    expect(issues.map((i) => [i.line, i.column, i.message])).toEqual([
      [
        2,
        'support_units',
        'support_units has "Các sở ngành", a group of units, not a unit; list the units it means (names or codes, separated by ";"), or leave support_units empty',
      ],
      [
        3,
        'lead_unit',
        'lead_unit "Các sở, ban, ngành" is a group of units, not one unit; write a row for each unit it means',
      ],
    ]);
  });

  it('sums received from its channels when the form has no total, and reads on time with early from one column', async () => {
    const header = [
      ['STT', 'Đơn vị', 'Tháng', 'Tổng số hồ sơ tiếp nhận', null, null, 'Số hồ sơ đã giải quyết', null, null],
      [null, null, null, 'Nộp trực tiếp', 'Nộp trực tuyến', 'Qua bưu chính', 'Tổng số', 'Đúng và trước hạn', 'Trễ hạn'],
    ];
    const merges = ['A1:A2', 'B1:B2', 'C1:C2', 'D1:F1', 'G1:I1'];
    const rows: (string | number | null)[][] = [
      [1, 'UBND phường Long Xuyên', '10/2026', 250, 980, 20, 1180, 1120, 60],
      [2, 'UBND phường Bình Đức', '10/2026', 220, 410, 10, 600, 580, 20],
    ];
    const db = tempDb();
    const dir = withSample({ 'dossier_stats.xlsx': await sheet([...header, ...rows], merges) });
    await loadData(dir, db, effects);
    // By hand: 250 + 980 + 20 = 1250, 220 + 410 + 10 = 640; on time as written; 1180 = 1120 + 60, 600 = 580 + 20.
    expect(await query(db, STATS)).toEqual([
      row('AGM.30292', '2026-10', 640, 410, 600, 580),
      row('AGM.30307', '2026-10', 1250, 980, 1180, 1120),
    ]);
    const { warnings } = await checkData(dir, effects);
    expect(warnings.find((w) => w.rule === 'sum_of_parts')?.message).toBe(
      'received is read as `Tổng số hồ sơ tiếp nhận › Nộp trực tiếp` + `Tổng số hồ sơ tiếp nhận › Nộp trực tuyến` + `Tổng số hồ sơ tiếp nhận › Qua bưu chính`: the sheet gives received by channel, without its total',
    );
    // An empty channel cannot be added: the one error says which cell to fill.
    rows[1]![5] = null;
    const { issues } = await checkData(
      withSample({ 'dossier_stats.xlsx': await sheet([...header, ...rows], merges) }),
      effects,
    );
    expect(issues.map((i) => [i.line, i.column, i.rule, i.message])).toEqual([
      [
        4,
        'received',
        'required',
        '`Tổng số hồ sơ tiếp nhận › Qua bưu chính` is empty; received is `Nộp trực tiếp` + `Nộp trực tuyến` + `Qua bưu chính`, so write a number (0 when there is none)',
      ],
    ]);
  });
});
