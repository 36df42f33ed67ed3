/**
 * The embedded sample (data/) read straight from its files with DuckDB: the facts the briefs and
 * data/README.md promise, independent of the loader and of the generator's code (the 2025 units are
 * checked against the reference CSV itself); plus `cchc check` on it and a byte-for-byte
 * re-generation of its CSV tables.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Db, literal } from '../src/db.ts';
import { writeDossierYear, writeSmallTables, PAPI_DIR } from '../scripts/gen-sample.ts';
import { planDossiers } from '../scripts/sample/dossiers.ts';
import { UNITS_2025_DIR } from '../scripts/sample/units.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const DATA = path.join(ROOT, 'data');
const csv = (t: string) => `read_csv(${literal(path.join(DATA, `${t}.csv`))}, all_varchar = true)`;
const DOSSIERS = `read_parquet(${literal(path.join(DATA, 'dossiers.*.parquet'))})`;
const REF = `read_csv(${literal(path.join(UNITS_2025_DIR, 'an-giang-2025-communes.csv'))}, all_varchar = true)`;
/** Old An Giang's own subtree: the province, and every unit whose code starts `AG.` (its code scheme). */
const IN_AG = `(unit_code = 'AG' OR unit_code LIKE 'AG.%')`;

let db: Db;
beforeAll(async () => {
  db = await Db.open(':memory:');
});
afterAll(() => db.close());

const one = async <T extends Record<string, unknown>>(sql: string) => (await db.one<T>(sql))!;

describe('tasks.csv and documents.csv', () => {
  it('holds at least 60 tasks with unique ids, from every seed notice', async () => {
    const r = await one<{ n: number; ids: number }>(
      `SELECT count(*) n, count(DISTINCT task_id) ids FROM ${csv('tasks')}`,
    );
    expect(r.n).toBeGreaterThanOrEqual(60);
    expect(r.ids).toBe(r.n);
    const docs = await db.all<{ doc_no: string; n: number }>(
      `SELECT doc_no, count(*) n FROM ${csv('tasks')} GROUP BY 1`,
    );
    const byDoc = Object.fromEntries(docs.map((d) => [d.doc_no, d.n]));
    for (const doc of ['317/TB-VPUBND', '270/TB-VPUBND', 'KL-BCĐ-2018-10-01', '208/TB-VPUBND', 'KL-CT-2023-11-27']) {
      expect(byDoc[doc], doc).toBeGreaterThan(0);
    }
  });

  it('writes deadlines as the notices do', async () => {
    const due = async (id: string) =>
      (await one<{ d: string | null }>(`SELECT due_on d FROM ${csv('tasks')} WHERE task_id = '${id}'`)).d;
    expect(await due('T317-02')).toBe('2024-11-15'); // "trước ngày 15 tháng 11 năm 2024"
    expect(await due('T317-05')).toBe('2025-01-31'); // "Trong tháng 01/2025"
    expect(await due('T208-17')).toBe('2025-03-31'); // "tháng 3 năm 2025"
    expect(await due('T317-01')).toBeNull(); // no deadline
  });

  it('leaves the Q4 2024 brief overdue and due-soon tasks to report', async () => {
    const r = await one<{ overdue: number; soon: number }>(`
      SELECT count(*) FILTER (due_on::DATE < DATE '2024-12-31') overdue,
             count(*) FILTER (due_on::DATE BETWEEN DATE '2025-01-01' AND DATE '2025-01-14') soon
      FROM ${csv('tasks')}
      WHERE assigned_on::DATE <= DATE '2024-12-31'
        AND (cancelled_on IS NULL OR cancelled_on::DATE > DATE '2024-12-31')
        AND (completed_on IS NULL OR completed_on::DATE > DATE '2024-12-31')`);
    expect(r.overdue).toBeGreaterThan(0);
    expect(r.soon).toBeGreaterThan(0);
  });

  it('lists every task with its seed file and line in data/README.md, and each synthetic document', async () => {
    const readme = fs.readFileSync(path.join(DATA, 'README.md'), 'utf8');
    const docs = await db.all<{ doc_no: string; title: string }>(`SELECT doc_no, title FROM ${csv('documents')}`);
    const synthetic = docs.filter((d) => d.title.includes('giả lập')).map((d) => d.doc_no);
    const ids = await db.all<{ task_id: string; doc_no: string }>(`SELECT task_id, doc_no FROM ${csv('tasks')}`);
    for (const { task_id, doc_no } of ids) {
      if (synthetic.includes(doc_no))
        expect(readme).toMatch(
          new RegExp(`\\| \\d+ tasks, .* \\| ${doc_no.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} \\|`),
        );
      else expect(readme).toContain(`| ${task_id} |`);
    }
    for (const seed of ['000_', '001_', '002_', '003_', '004_'])
      expect(readme).toMatch(new RegExp(`\\| ${seed}[0-9a-f]+\\.txt \\| \\d+ \\|`));
  });

  it('gives the new province tasks of its own notices in 2025-H2 and 2026, to every commune', async () => {
    const r = await one<{ h2: number; y26: number; communes: number; late: number }>(`
      WITH t AS (SELECT t.*, u.parent_code FROM ${csv('tasks')} t JOIN ${csv('units')} u ON u.unit_code = t.lead_unit)
      SELECT count(*) FILTER (assigned_on BETWEEN '2025-07-01' AND '2025-12-31' AND lead_unit LIKE 'AGM.%') h2,
             count(*) FILTER (assigned_on LIKE '2026-%' AND lead_unit LIKE 'AGM.%') y26,
             count(DISTINCT lead_unit) FILTER (parent_code = 'AGM' AND lead_unit ~ '^AGM\\.[0-9]+$') communes,
             count(*) FILTER (completed_on > '2026-11-30' OR cancelled_on > '2026-11-30') late
      FROM t`);
    expect(r.h2).toBeGreaterThan(0);
    expect(r.y26).toBeGreaterThan(0);
    expect(r.communes).toBe(102);
    expect(r.late).toBe(0);
  });

  it('leaves tasks of both old provinces open on 30/6/2025 for the new province to inherit', async () => {
    const rows = await db.all<{ p: string; n: number }>(`
      SELECT split_part(lead_unit, '.', 1) p, count(*) n FROM ${csv('tasks')}
      WHERE assigned_on <= '2025-06-30' AND (completed_on IS NULL OR completed_on > '2025-06-30')
        AND (cancelled_on IS NULL OR cancelled_on > '2025-06-30')
      GROUP BY 1 ORDER BY 1`);
    expect(rows.map((r) => r.p)).toEqual(['AG', 'KG']);
    for (const r of rows) expect(r.n).toBeGreaterThan(0);
  });
});

describe('dossiers.*.parquet and dossier_stats.csv', () => {
  const ratio = async (year: number, where = IN_AG) => {
    const r = await one<{ received: number; online: number }>(`
      WITH d AS (SELECT count(*) n, count(*) FILTER (channel = 'online') o FROM ${DOSSIERS} WHERE year(received_on) = ${year} AND ${where}),
           s AS (SELECT coalesce(sum(received::INT), 0) n, coalesce(sum(received_online::INT), 0) o FROM ${csv('dossier_stats')}
                 WHERE month LIKE '${year}-%' AND ${where})
      SELECT d.n + s.n received, d.o + s.o online FROM d, s`);
    return r.online / r.received;
  };

  it('puts old An Giang online ratio at 43% ± 0.5 pp in 2024, lower in 2023, higher in 2025', async () => {
    const [r23, r24, r25] = [await ratio(2023), await ratio(2024), await ratio(2025)];
    expect(Math.abs(r24 - 0.43)).toBeLessThanOrEqual(0.005);
    expect(r23).toBeLessThan(r24 - 0.05);
    expect(r25).toBeGreaterThan(r24 + 0.05);
  });

  it('has unique ids, old An Giang and Kiên Giang from 2023-01-01 to 2025-06-30, the new province to 2026-11-30', async () => {
    const rows = await db.all<{ p: string; n: number; ids: number; first_day: string; last_day: string }>(`
      SELECT split_part(unit_code, '.', 1) p, count(*) n, count(DISTINCT dossier_id) ids,
             min(received_on)::VARCHAR first_day, max(received_on)::VARCHAR last_day
      FROM ${DOSSIERS} GROUP BY 1 ORDER BY 1`);
    expect(rows.map((r) => [r.p, r.first_day, r.last_day])).toEqual([
      ['AG', '2023-01-01', '2025-06-30'],
      ['AGM', '2025-07-01', '2026-11-30'],
      ['KG', '2023-01-01', '2025-06-30'],
    ]);
    expect(rows[0]!.n).toBeGreaterThanOrEqual(300_000);
    const all = await one<{ n: number; ids: number }>(
      `SELECT count(*) n, count(DISTINCT dossier_id) ids FROM ${DOSSIERS}`,
    );
    expect(all.ids).toBe(all.n);
  });

  it('receives old Kiên Giang dossiers at district level and in its departments, every month of 2023-01…2025-06', async () => {
    const r = await one<{ districts: number; n_months: number; departments: number }>(`
      SELECT count(DISTINCT d.unit_code) FILTER (u.kind = 'district') districts,
             count(DISTINCT strftime(received_on, '%Y-%m')) n_months,
             count(DISTINCT d.unit_code) FILTER (u.kind = 'department') departments
      FROM ${DOSSIERS} d JOIN ${csv('units')} u USING (unit_code) WHERE d.unit_code LIKE 'KG.%'`);
    expect(r).toEqual({ districts: 15, n_months: 30, departments: r.departments });
    expect(r.departments).toBeGreaterThan(5);
  });

  it('receives the new province dossiers in its departments and all 102 communes, with fully_online from July 2025 only', async () => {
    const r = await one<{
      communes: number;
      departments: number;
      fo_null_new: number;
      fo_old: number;
      fo_offline: number;
      fo: number;
      online: number;
    }>(`
      SELECT count(DISTINCT unit_code) FILTER (u.kind = 'commune' AND u.parent_code = 'AGM') communes,
             count(DISTINCT unit_code) FILTER (u.kind = 'department' AND u.parent_code = 'AGM') departments,
             count(*) FILTER (received_on >= DATE '2025-07-01' AND fully_online IS NULL) fo_null_new,
             count(*) FILTER (received_on < DATE '2025-07-01' AND fully_online IS NOT NULL) fo_old,
             count(*) FILTER (fully_online AND channel <> 'online') fo_offline,
             count(*) FILTER (fully_online) fo,
             count(*) FILTER (channel = 'online' AND received_on >= DATE '2025-07-01') online
      FROM ${DOSSIERS} d JOIN ${csv('units')} u USING (unit_code)`);
    const stats = await one<{ n: number }>(
      `SELECT count(DISTINCT unit_code) n FROM ${csv('dossier_stats')} WHERE unit_code LIKE 'AGM.%'`,
    );
    // Two island đặc khu send only monthly totals, so 100 communes send records.
    expect(r.communes + stats.n).toBe(102);
    expect(r.departments).toBeGreaterThan(5);
    expect([r.fo_null_new, r.fo_old, r.fo_offline]).toEqual([0, 0, 0]);
    expect(r.fo / r.online).toBeGreaterThan(0.3);
    expect(r.fo / r.online).toBeLessThan(0.8);
  });

  it('never reports a unit-month in both tables', async () => {
    const r = await one<{ n: number; stats: number }>(`
      WITH d AS (SELECT unit_code, strftime(received_on, '%Y-%m') m FROM ${DOSSIERS}
                 UNION SELECT unit_code, strftime(resolved_on, '%Y-%m') FROM ${DOSSIERS} WHERE resolved_on IS NOT NULL)
      SELECT (SELECT count(*) FROM d JOIN ${csv('dossier_stats')} s ON s.unit_code = d.unit_code AND s.month = d.m) n,
             (SELECT count(*) FROM ${csv('dossier_stats')}) stats`);
    // 2 old communes × 30 months, 2 đặc khu × 17 months.
    expect(r.stats).toBe(2 * 30 + 2 * 17);
    expect(r.n).toBe(0);
  });

  it('only uses units that exist on the day a dossier was received', async () => {
    const r = await one<{ n: number }>(`
      SELECT count(*) n FROM ${DOSSIERS} d JOIN ${csv('units')} u USING (unit_code)
      WHERE d.received_on > u.valid_to::DATE OR d.received_on < u.valid_from::DATE`);
    expect(r.n).toBe(0);
  });
});

describe('units.csv and unit_lineage.csv against the reference list of 2025', () => {
  const LINEAGE = csv('unit_lineage');

  it('gives the new province its 102 communes from the reference: 85 xã, 14 phường, 3 đặc khu, with names and official codes', async () => {
    const kinds = await db.all<{ t: string; n: number }>(`
      WITH ref AS (SELECT DISTINCT new_commune, new_commune_code, new_commune_type FROM ${REF}),
           u AS (SELECT * FROM ${csv('units')} WHERE parent_code = 'AGM' AND kind = 'commune')
      SELECT ref.new_commune_type t, count(*) n FROM ref JOIN u
        ON u.official_code = ref.new_commune_code
       AND u.name = 'UBND ' || lower(split_part(ref.new_commune, ' ', 1)) || CASE WHEN ref.new_commune_type = 'Đặc khu' THEN ' khu' ELSE '' END
                    || ' ' || regexp_replace(ref.new_commune, '^(Xã|Phường|Đặc khu) ', '')
       AND u.valid_from = '2025-07-01' AND u.valid_to IS NULL
      GROUP BY 1 ORDER BY 1`);
    expect(Object.fromEntries(kinds.map((k) => [k.t, k.n]))).toEqual({ Xã: 85, Phường: 14, 'Đặc khu': 3 });
    const all = await one<{ n: number }>(
      `SELECT count(*) n FROM ${csv('units')} WHERE parent_code = 'AGM' AND kind = 'commune'`,
    );
    expect(all.n).toBe(102);
  });

  it('maps every old commune of the reference onto its new commune(s), three of them divided', async () => {
    const r = await one<{
      ref_pairs: number;
      missing: number;
      extra: number;
      old_communes: number;
      divided: number;
      divided_rows: number;
    }>(`
      WITH old_c AS (SELECT unit_code, official_code FROM ${csv('units')} WHERE kind = 'commune' AND valid_to = '2025-06-30'),
           new_c AS (SELECT unit_code, official_code FROM ${csv('units')} WHERE kind = 'commune' AND parent_code = 'AGM'),
           expected AS (SELECT DISTINCT old_commune_code, new_commune_code FROM ${REF}),
           actual AS (SELECT o.official_code old_commune_code, n.official_code new_commune_code
                      FROM ${LINEAGE} l JOIN old_c o ON o.unit_code = l.from_code JOIN new_c n ON n.unit_code = l.to_code
                      WHERE l.effective_on = '2025-07-01'),
           div AS (SELECT from_code FROM ${LINEAGE} l JOIN old_c o ON o.unit_code = l.from_code GROUP BY 1 HAVING count(*) > 1)
      SELECT (SELECT count(*) FROM expected) ref_pairs,
             (SELECT count(*) FROM (FROM expected EXCEPT FROM actual)) missing,
             (SELECT count(*) FROM (FROM actual EXCEPT FROM expected)) extra,
             (SELECT count(*) FROM old_c) old_communes,
             (SELECT count(*) FROM div) divided,
             (SELECT count(*) FROM ${LINEAGE} WHERE from_code IN (FROM div)) divided_rows`);
    expect(r).toEqual({ ref_pairs: 302, missing: 0, extra: 0, old_communes: 298, divided: 3, divided_rows: 7 });
  });

  it('maps each old district onto exactly the new communes its old communes became', async () => {
    const r = await one<{ districts: number; missing: number; extra: number }>(`
      WITH d AS (SELECT unit_code, official_code FROM ${csv('units')} WHERE kind = 'district'),
           expected AS (SELECT DISTINCT old_district_code, new_commune_code FROM ${REF}),
           actual AS (SELECT d.official_code, n.official_code FROM ${LINEAGE} l JOIN d ON d.unit_code = l.from_code
                      JOIN ${csv('units')} n ON n.unit_code = l.to_code)
      SELECT (SELECT count(*) FROM d) districts,
             (SELECT count(*) FROM (FROM expected EXCEPT FROM actual)) missing,
             (SELECT count(*) FROM (FROM actual EXCEPT FROM expected)) extra`);
    // 11 districts of An Giang and 15 of Kiên Giang.
    expect(r).toEqual({ districts: 26, missing: 0, extra: 0 });
  });

  it('keeps recycled official codes out of unit_code: old Kiên Giang and the new An Giang share 91', async () => {
    const rows = await db.all<{ unit_code: string; valid_from: string | null; valid_to: string | null }>(
      `SELECT unit_code, valid_from, valid_to FROM ${csv('units')} WHERE official_code = '91' ORDER BY unit_code`,
    );
    expect(rows).toEqual([
      { unit_code: 'AGM', valid_from: '2025-07-01', valid_to: null },
      { unit_code: 'KG', valid_from: null, valid_to: '2025-06-30' },
    ]);
    const reused = await one<{ n: number }>(
      `SELECT count(*) n FROM ${csv('units')} WHERE unit_code IN (SELECT official_code FROM ${csv('units')})`,
    );
    expect(reused.n).toBe(0);
  });

  it('takes both old provinces and every unit below them over on 1/7/2025 (none forgotten)', async () => {
    const r = await one<{ provinces: string; forgotten: number; departments: number }>(`
      SELECT (SELECT string_agg(from_code, ',' ORDER BY from_code) FROM ${LINEAGE} WHERE to_code = 'AGM') provinces,
             (SELECT count(*) FROM ${csv('units')} u WHERE valid_to IS NOT NULL AND (unit_code LIKE 'AG.%' OR unit_code LIKE 'KG.%')
                AND NOT EXISTS (SELECT 1 FROM ${LINEAGE} l WHERE l.from_code = u.unit_code)) forgotten,
             (SELECT count(DISTINCT from_code) FROM ${LINEAGE} l JOIN ${csv('units')} u ON u.unit_code = l.from_code
               WHERE u.kind = 'department' AND l.effective_on = '2025-03-01') departments`);
    // Six departments of each province merged into others on 1 March: TT&TT, KH&ĐT, TN&MT, NN&PTNT, GTVT, LĐ-TB&XH.
    expect(r).toEqual({ provinces: 'AG,KG', forgotten: 0, departments: 12 });
  });
});

describe('criteria.csv and criteria_results.csv', () => {
  it('sets 42 criteria worth 60 points for 2023, one due after 27/11/2023', async () => {
    const r = await one<{ n: number; pts: number; late: number }>(
      `SELECT count(*) n, sum(max_points::DECIMAL(6,2))::DOUBLE pts, count(*) FILTER (due_on::DATE > DATE '2023-11-27') late FROM ${csv('criteria')} WHERE year = '2023'`,
    );
    expect(r).toEqual({ n: 42, pts: 60, late: 1 });
  });

  it('reproduces seed 004 for AG.CT as of 2023-11-27: 27/2/12/1 and 39.67 of 60', async () => {
    const rows = await db.all<{ status: string; n: number; pts: number }>(`
      WITH latest AS (
        SELECT * FROM ${csv('criteria_results')} WHERE unit_code = 'AG.CT' AND year = '2023' AND assessed_on::DATE <= DATE '2023-11-27'
        QUALIFY row_number() OVER (PARTITION BY criterion_code ORDER BY assessed_on::DATE DESC) = 1)
      SELECT coalesce(l.status, CASE WHEN c.due_on::DATE > DATE '2023-11-27' THEN 'not_due' ELSE 'in_progress' END) status,
             count(*) n, sum(coalesce(l.points::DECIMAL(6,2), 0))::DOUBLE pts
      FROM ${csv('criteria')} c LEFT JOIN latest l USING (criterion_code) WHERE c.year = '2023' GROUP BY 1`);
    const by = Object.fromEntries(rows.map((r) => [r.status, r]));
    expect([by.achieved?.n, by.not_achieved?.n, by.in_progress?.n, by.not_due?.n]).toEqual([27, 2, 12, 1]);
    expect(rows.reduce((s, r) => s + r.pts, 0)).toBeCloseTo(39.67, 9);
  });

  it('assesses all 11 districts in 2023–2024 and the 102 communes of the new province in 2025–2026', async () => {
    const rows = await db.all<{ year: string; n: number; outside: number }>(`
      SELECT r.year, count(DISTINCT r.unit_code) n,
        count(*) FILTER (u.kind <> CASE WHEN r.year < '2025' THEN 'district' ELSE 'commune' END
                         OR (r.year >= '2025' AND u.parent_code <> 'AGM')) outside
      FROM ${csv('criteria_results')} r JOIN ${csv('units')} u USING (unit_code) GROUP BY 1 ORDER BY 1`);
    expect(rows).toEqual([
      { year: '2023', n: 11, outside: 0 },
      { year: '2024', n: 11, outside: 0 },
      { year: '2025', n: 102, outside: 0 },
      { year: '2026', n: 102, outside: 0 },
    ]);
  });

  it('has the 2026 assessment in progress when the data ends, and none after November 2026', async () => {
    const r = await one<{ last: string; in_progress: number }>(`
      WITH latest AS (
        SELECT * FROM ${csv('criteria_results')} WHERE year = '2026'
        QUALIFY row_number() OVER (PARTITION BY unit_code, criterion_code ORDER BY assessed_on::DATE DESC) = 1)
      SELECT (SELECT max(assessed_on) FROM ${csv('criteria_results')}) AS last,
        count(*) FILTER (status = 'in_progress') AS in_progress FROM latest`);
    expect(r.last).toBe('2026-11-30');
    expect(r.in_progress).toBeGreaterThan(0);
  });
});

describe('index_scores.csv', () => {
  it('copies every PAPI score of the reference file, character for character, and nothing else', async () => {
    const ref = path.join(PAPI_DIR, 'agg_province_year.csv');
    const diff = await one<{ missing: number; extra: number; n: number }>(`
      WITH ref AS (
        UNPIVOT (SELECT province_id, year, D1, D2, D3, D4, D5, D6, D7, D8, total_papi AS TOTAL FROM read_csv(${literal(ref)}, all_varchar = true))
        ON D1, D2, D3, D4, D5, D6, D7, D8, TOTAL INTO NAME component VALUE score),
      expected AS (SELECT CASE province_id WHEN '57' THEN 'AG' WHEN '58' THEN 'KG' ELSE 'P' || lpad(province_id, 2, '0') END unit_code, year period, component, score FROM ref WHERE score IS NOT NULL),
      actual AS (SELECT unit_code, period, component, score FROM ${csv('index_scores')} WHERE index_code = 'PAPI')
      SELECT (SELECT count(*) FROM (FROM expected EXCEPT FROM actual)) missing,
             (SELECT count(*) FROM (FROM actual EXCEPT FROM expected)) extra,
             (SELECT count(*) FROM actual) n`);
    expect(diff).toEqual({ missing: 0, extra: 0, n: diff.n });
    expect(diff.n).toBeGreaterThan(6000);
  });

  it('holds the published An Giang figures with their ranks', async () => {
    const rows = await db.all<{ k: string }>(
      `SELECT index_code || ' ' || period || ' ' || score || ' ' || rank || '/' || rank_of k FROM ${csv('index_scores')} WHERE unit_code = 'AG' AND index_code <> 'PAPI'`,
    );
    const keys = rows.map((r) => r.k);
    for (const k of [
      'PAR_INDEX 2019 83.32 11/63',
      'PAR_INDEX 2023 81.32 63/63',
      'SIPAS 2019 89.81 8/63',
      'PCI 2017 62.16 32/63',
      'PCI 2018 63.65 28/63',
      'DVC766 2023-05 69.63 13/63',
    ]) {
      expect(keys).toContain(k);
    }
    expect(keys.some((k) => /^DVC766 2024-12 \S+ 9\/63$/.test(k))).toBe(true);
  });

  it('holds the other published figures: An Giang 2018, 2022 and PCI 2019; Kiên Giang 2024 and SIPAS 2023; AGM 766 of January 2026', async () => {
    const rows = await db.all<{ k: string }>(
      `SELECT unit_code || ' ' || index_code || ' ' || period || ' ' || score || ' ' || rank || '/' || rank_of k FROM ${csv('index_scores')} WHERE index_code <> 'PAPI'`,
    );
    const keys = rows.map((r) => r.k);
    for (const k of [
      'AG PAR_INDEX 2018 80.77 8/63',
      'AG PAR_INDEX 2022 84.22 42/63',
      'AG PCI 2019 66.44 21/63',
      'KG PAR_INDEX 2024 88.13 38/63',
      'KG SIPAS 2023 84.39 17/63',
      'AGM DVC766 2026-01 91.36 21/34',
    ]) {
      expect(keys).toContain(k);
    }
  });

  it('ranks 34 provinces in the 766 index every month from July 2025, the ranks agreeing with the scores', async () => {
    const r = await one<{
      n_months: number;
      bad_count: number;
      bad_rank: number;
      first_month: string;
      last_month: string;
    }>(`
      WITH s AS (SELECT period, unit_code, score::DOUBLE score, rank::INT rank, rank_of::INT rank_of FROM ${csv('index_scores')}
                 WHERE index_code = 'DVC766' AND period >= '2025-07'),
           m AS (SELECT period, count(*) n, max(rank_of) r FROM s GROUP BY 1)
      SELECT (SELECT count(*) FROM m) n_months,
             (SELECT count(*) FROM m WHERE n <> 34 OR r <> 34) bad_count,
             (SELECT count(*) FROM s WHERE rank <> (SELECT 1 + count(*) FROM s t WHERE t.period = s.period AND t.score > s.score)) bad_rank,
             (SELECT min(period) FROM m) first_month, (SELECT max(period) FROM m) last_month`);
    expect(r).toEqual({ n_months: 17, bad_count: 0, bad_rank: 0, first_month: '2025-07', last_month: '2026-11' });
  });
});

describe('targets.csv', () => {
  it('sets the 2026 online target for the new province', async () => {
    const r = await one<{ n: number }>(
      `SELECT count(*) n FROM ${csv('targets')} WHERE year = '2026' AND metric = 'online_ratio'`,
    );
    expect(r.n).toBe(1);
  });
});

describe('gen-sample.ts', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-sample-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const same = (f: string) => fs.readFileSync(path.join(dir, f)).equals(fs.readFileSync(path.join(DATA, f)));

  it('regenerates the CSV tables byte for byte', () => {
    writeSmallTables(dir, planDossiers());
    const files = fs.readdirSync(dir);
    expect(files.length).toBe(9);
    for (const f of files) expect(same(f), f).toBe(true);
  });

  it('regenerates a year of dossiers byte for byte', async () => {
    const plan = planDossiers();
    const { lineage } = writeSmallTables(dir, plan);
    await writeDossierYear(dir, plan, lineage, 2025);
    expect(same('dossiers.2025.parquet')).toBe(true);
    // 2025 holds both old provinces' first half and the new province's second: about 200,000 rows
    // drawn and written on one DuckDB thread, which takes minutes on a loaded machine.
  }, 600_000);
});

describe('cchc check --data data', () => {
  it('exits 0 on the sample', () => {
    const r = spawnSync(path.join(ROOT, 'bin/cchc'), ['check', '--data', DATA], { encoding: 'utf8' });
    expect(r.stdout + r.stderr).not.toMatch(/error/i);
    expect(r.status).toBe(0);
  });
});
