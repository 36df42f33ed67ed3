/**
 * The embedded sample (data/) read straight from its files with DuckDB: the facts the briefs and
 * data/README.md promise, independent of the loader; plus `cchc check` on it and a byte-for-byte
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

const ROOT = path.resolve(import.meta.dirname, '..');
const DATA = path.join(ROOT, 'data');
const csv = (t: string) => `read_csv(${literal(path.join(DATA, `${t}.csv`))}, all_varchar = true)`;
const DOSSIERS = `read_parquet(${literal(path.join(DATA, 'dossiers.*.parquet'))})`;
const SHARED_PAPI = path.resolve(ROOT, '../shared/reference/papi');

let db: Db;
beforeAll(async () => {
  db = await Db.open(':memory:');
});
afterAll(() => db.close());

const one = async <T extends Record<string, unknown>>(sql: string) => (await db.one<T>(sql))!;

describe('tasks.csv and documents.csv', () => {
  it('holds at least 60 tasks with unique ids, from every seed notice', async () => {
    const r = await one<{ n: number; ids: number }>(`SELECT count(*) n, count(DISTINCT task_id) ids FROM ${csv('tasks')}`);
    expect(r.n).toBeGreaterThanOrEqual(60);
    expect(r.ids).toBe(r.n);
    const docs = await db.all<{ doc_no: string; n: number }>(`SELECT doc_no, count(*) n FROM ${csv('tasks')} GROUP BY 1`);
    const byDoc = Object.fromEntries(docs.map((d) => [d.doc_no, d.n]));
    for (const doc of ['317/TB-VPUBND', '270/TB-VPUBND', 'KL-BCĐ-2018-10-01', '208/TB-VPUBND', 'KL-CT-2023-11-27']) {
      expect(byDoc[doc], doc).toBeGreaterThan(0);
    }
  });

  it('writes deadlines as the notices do', async () => {
    const due = async (id: string) => (await one<{ d: string | null }>(`SELECT due_on d FROM ${csv('tasks')} WHERE task_id = '${id}'`)).d;
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

  it('lists every task with its seed file and line in data/README.md', async () => {
    const readme = fs.readFileSync(path.join(DATA, 'README.md'), 'utf8');
    const ids = await db.all<{ task_id: string }>(`SELECT task_id FROM ${csv('tasks')}`);
    for (const { task_id } of ids) expect(readme).toContain(`| ${task_id} |`);
    for (const seed of ['000_', '001_', '002_', '003_', '004_']) expect(readme).toMatch(new RegExp(`\\| ${seed}[0-9a-f]+\\.txt \\| \\d+ \\|`));
  });
});

describe('dossiers.*.parquet and dossier_stats.csv', () => {
  const ratio = async (year: number) => {
    const r = await one<{ received: number; online: number }>(`
      WITH d AS (SELECT count(*) n, count(*) FILTER (channel = 'online') o FROM ${DOSSIERS} WHERE year(received_on) = ${year}),
           s AS (SELECT coalesce(sum(received::INT), 0) n, coalesce(sum(received_online::INT), 0) o FROM ${csv('dossier_stats')} WHERE month LIKE '${year}-%')
      SELECT d.n + s.n received, d.o + s.o online FROM d, s`);
    return r.online / r.received;
  };

  it('puts the province online ratio at 43% ± 0.5 pp in 2024, lower in 2023, higher in 2025', async () => {
    const [r23, r24, r25] = [await ratio(2023), await ratio(2024), await ratio(2025)];
    expect(Math.abs(r24 - 0.43)).toBeLessThanOrEqual(0.005);
    expect(r23).toBeLessThan(r24 - 0.05);
    expect(r25).toBeGreaterThan(r24 + 0.05);
  });

  it('has at least 300,000 records, unique ids, all from 2023-01-01 to 2025-06-30', async () => {
    const r = await one<{ n: number; ids: number; first_day: string; last_day: string }>(
      `SELECT count(*) n, count(DISTINCT dossier_id) ids, min(received_on) first_day, max(received_on) last_day FROM ${DOSSIERS}`,
    );
    expect(r.n).toBeGreaterThanOrEqual(300_000);
    expect(r.ids).toBe(r.n);
    expect([r.first_day, r.last_day]).toEqual(['2023-01-01', '2025-06-30']);
  });

  it('never reports a unit-month in both tables', async () => {
    const r = await one<{ n: number; stats: number }>(`
      WITH d AS (SELECT unit_code, strftime(received_on, '%Y-%m') m FROM ${DOSSIERS}
                 UNION SELECT unit_code, strftime(resolved_on, '%Y-%m') FROM ${DOSSIERS} WHERE resolved_on IS NOT NULL)
      SELECT (SELECT count(*) FROM d JOIN ${csv('dossier_stats')} s ON s.unit_code = d.unit_code AND s.month = d.m) n,
             (SELECT count(*) FROM ${csv('dossier_stats')}) stats`);
    expect(r.stats).toBe(60);
    expect(r.n).toBe(0);
  });

  it('only uses units that exist on the day a dossier was received', async () => {
    const r = await one<{ n: number }>(`
      SELECT count(*) n FROM ${DOSSIERS} d JOIN ${csv('units')} u USING (unit_code)
      WHERE d.received_on > u.valid_to::DATE OR d.received_on < u.valid_from::DATE`);
    expect(r.n).toBe(0);
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

  it('assesses all 11 districts', async () => {
    const r = await one<{ n: number }>(`SELECT count(DISTINCT unit_code) n FROM ${csv('criteria_results')}`);
    expect(r.n).toBe(11);
  });
});

describe('index_scores.csv', () => {
  it('copies every PAPI score of the reference file, character for character, and nothing else', async () => {
    const ref = path.join(PAPI_DIR, 'agg_province_year.csv');
    const diff = await one<{ missing: number; extra: number; n: number }>(`
      WITH ref AS (
        UNPIVOT (SELECT province_id, year, D1, D2, D3, D4, D5, D6, D7, D8, total_papi AS TOTAL FROM read_csv(${literal(ref)}, all_varchar = true))
        ON D1, D2, D3, D4, D5, D6, D7, D8, TOTAL INTO NAME component VALUE score),
      expected AS (SELECT CASE province_id WHEN '57' THEN 'AG' ELSE 'P' || lpad(province_id, 2, '0') END unit_code, year period, component, score FROM ref WHERE score IS NOT NULL),
      actual AS (SELECT unit_code, period, component, score FROM ${csv('index_scores')} WHERE index_code = 'PAPI')
      SELECT (SELECT count(*) FROM (FROM expected EXCEPT FROM actual)) missing,
             (SELECT count(*) FROM (FROM actual EXCEPT FROM expected)) extra,
             (SELECT count(*) FROM actual) n`);
    expect(diff).toEqual({ missing: 0, extra: 0, n: diff.n });
    expect(diff.n).toBeGreaterThan(6000);
  });

  it.skipIf(!fs.existsSync(SHARED_PAPI))('keeps its PAPI copy identical to the shared reference', () => {
    for (const f of ['agg_province_year.csv', 'dim_province.csv']) {
      expect(fs.readFileSync(path.join(PAPI_DIR, f)).equals(fs.readFileSync(path.join(SHARED_PAPI, f))), f).toBe(true);
    }
  });

  it('holds the published An Giang figures with their ranks', async () => {
    const rows = await db.all<{ k: string }>(
      `SELECT index_code || ' ' || period || ' ' || score || ' ' || rank || '/' || rank_of k FROM ${csv('index_scores')} WHERE unit_code = 'AG' AND index_code <> 'PAPI'`,
    );
    const keys = rows.map((r) => r.k);
    for (const k of ['PAR_INDEX 2019 83.32 11/63', 'PAR_INDEX 2023 81.32 63/63', 'SIPAS 2019 89.81 8/63', 'PCI 2017 62.16 32/63', 'PCI 2018 63.65 28/63', 'DVC766 2023-05 69.63 13/63']) {
      expect(keys).toContain(k);
    }
    expect(keys.some((k) => /^DVC766 2024-12 \S+ 9\/63$/.test(k))).toBe(true);
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
    expect(files.length).toBe(8);
    for (const f of files) expect(same(f), f).toBe(true);
  });

  it('regenerates a year of dossiers byte for byte', async () => {
    const { units } = writeSmallTables(dir, planDossiers());
    await writeDossierYear(dir, planDossiers(), units, 2025);
    expect(same('dossiers.2025.parquet')).toBe(true);
  });
});

describe('cchc check --data data', () => {
  it('exits 0 on the sample', () => {
    const r = spawnSync(path.join(ROOT, 'bin/cchc'), ['check', '--data', DATA], { encoding: 'utf8' });
    expect(r.stdout + r.stderr).not.toMatch(/error/i);
    expect(r.status).toBe(0);
  });
});
