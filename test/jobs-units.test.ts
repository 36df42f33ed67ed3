/**
 * Which units the shipped jobs render on the embedded sample, period by period: the province that
 * stands on the period's end, the 102 communes of the new province (checked against the reference
 * list of 2025, not the generator), and the districts job that has nothing to do after 2025-Q2.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Db } from '../src/db.ts';
import { fixedClock, silentLogger } from '../src/effects.ts';
import { readJob } from '../src/jobs/config.ts';
import { resolveUnits } from '../src/jobs/units.ts';
import { loadData } from '../src/load/index.ts';
import { parsePeriod } from '../src/metrics/index.ts';
import { readCsv } from '../scripts/sample/csv.ts';
import { UNITS_2025_DIR } from '../scripts/sample/units.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
let dir: string;
let db: Db;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-jobs-units-'));
  const file = path.join(dir, 'sample.duckdb');
  await loadData(path.join(ROOT, 'data'), file, { clock: fixedClock('2026-12-01T01:00:00Z'), logger: silentLogger });
  db = await Db.open(file, { readOnly: true });
}, 120_000);
afterAll(() => {
  db?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const shipped = (name: string) => readJob(path.join(ROOT, 'jobs', `${name}.json`), path.join(dir, 'out'));
const units = (name: string, period: string) => resolveUnits(db, shipped(name), parsePeriod(period));

describe('shipped jobs on the sample data', () => {
  it('communes-quarterly renders every commune of the new province in 2026-Q3, as the reference lists them', async () => {
    const expected = [
      ...new Set(
        readCsv(path.join(UNITS_2025_DIR, 'an-giang-2025-communes.csv')).map((r) => `AGM.${r.new_commune_code}`),
      ),
    ].sort();
    const r = await units('communes-quarterly', '2026-Q3');
    expect(expected).toHaveLength(102);
    expect(r).toEqual({ units: expected, idle: null });
  });

  it('communes-quarterly has nothing to do before the new province starts', async () => {
    expect(await units('communes-quarterly', '2025-Q2')).toEqual({
      units: [],
      idle: 'AGM starts on 01/07/2025; no briefs of its units for 2025-Q2',
    });
  });

  it('districts-quarterly renders the 11 districts of old An Giang up to 2025-Q2, then says why it has nothing to do', async () => {
    const q2 = await units('districts-quarterly', '2025-Q2');
    expect(q2.units).toEqual([
      'AG.AP',
      'AG.CD',
      'AG.CM',
      'AG.CP',
      'AG.CT',
      'AG.LX',
      'AG.PT',
      'AG.TB',
      'AG.TC',
      'AG.TS',
      'AG.TT',
    ]);
    expect(await units('districts-quarterly', '2025-Q3')).toEqual({
      units: [],
      idle: 'AG ended on 30/06/2025; its successor is AGM; no briefs of its units for 2025-Q3',
    });
  });

  it('monthly and quarterly report on the province that stands on the period end', async () => {
    expect(await units('monthly', '2026-11')).toEqual({ units: ['AGM'], idle: null });
    expect(await units('quarterly', '2025-Q3')).toEqual({ units: ['AGM'], idle: null });
    // Before 1 July 2025 old An Giang and old Kiên Giang both stand: the job must name one.
    await expect(units('quarterly', '2024-Q4')).rejects.toThrow(
      /found 2 \(AG, KG\); for periods before the merger name one, e\.g\. "units": \["AG"\]/,
    );
  });

  it('children-of leaves out departments merged away by the period end and keeps the one created then', async () => {
    const job = { file: 'x.json', units: 'children-of:AG', unit_kinds: ['department' as const] };
    const q1 = await resolveUnits(db, job, parsePeriod('2025-Q1'));
    expect(q1.units).toContain('AG.SNNMT');
    for (const gone of ['AG.STTTT', 'AG.SKHDT', 'AG.STNMT', 'AG.SNNPTNT', 'AG.SGTVT', 'AG.SLDTBXH'])
      expect(q1.units).not.toContain(gone);
    const q4 = await resolveUnits(db, job, parsePeriod('2024-Q4'));
    expect(q4.units).toContain('AG.STTTT');
    expect(q4.units).not.toContain('AG.SNNMT');
  });

  it('takes the headers of the new province from the job files', () => {
    for (const name of ['monthly', 'quarterly', 'communes-quarterly']) {
      const h = shipped(name).header;
      expect(h.superior).toBe('UBND TỈNH AN GIANG');
      expect(h.recipients).toContain('UBND các xã, phường, đặc khu;');
      expect(h.recipients).not.toContain('UBND các huyện, thị xã, thành phố;');
    }
    expect(shipped('districts-quarterly').header.recipients).toContain('UBND các huyện, thị xã, thành phố;');
  });

  it('refuses a header that is not lines of text, naming the key', () => {
    const file = path.join(dir, 'jobs', 'communes-quarterly.json');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const spec = JSON.parse(fs.readFileSync(path.join(ROOT, 'jobs', 'communes-quarterly.json'), 'utf8'));
    fs.writeFileSync(
      file,
      JSON.stringify({ ...spec, header: { ...spec.header, recipients: 'UBND các xã, phường, đặc khu;' } }),
    );
    expect(() => readJob(file, path.join(dir, 'out'))).toThrow(
      /communes-quarterly\.json: header\.recipients: must be a list of text lines$/,
    );
    fs.writeFileSync(file, JSON.stringify({ ...spec, header: { ...spec.header, place: 7 } }));
    expect(() => readJob(file, path.join(dir, 'out'))).toThrow(
      /communes-quarterly\.json: header\.place: must be text$/,
    );
  });
});
