/**
 * Office exports (test/fixtures/office, written by make.ts): a statistics workbook with a merged
 * two-row header, group headings, subtotals, a repeated header, notes and signatures, units by
 * name; tasks with names, Vietnamese areas and day-first dates. Expected values are read off the
 * rows of make.ts by hand (see the comments), not from the loader.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkData, loadData } from '../src/load/index.ts';
import { effects, query, tempDb, where } from './load-helpers.ts';

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
