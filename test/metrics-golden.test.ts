/**
 * metrics.json of the embedded sample data (data/), against goldens in test/golden/ (regression
 * snapshots of the engine's output), plus the checks that tie the sample back to the seed notices and
 * the real PAPI scores. The goldens are checked figure by figure against an independent
 * recomputation from the raw files in test/oracle/oracle.test.ts. A mismatch lists the differing
 * paths; off CI it also writes `<golden>-changed.json` beside the golden.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Db } from '../src/db.ts';
import { fixedClock, silentLogger } from '../src/effects.ts';
import { loadData } from '../src/load/index.ts';
import { computeMetrics, parsePeriod } from '../src/metrics/index.ts';

const DATA = fileURLToPath(new URL('../data/', import.meta.url));
const GOLDEN = fileURLToPath(new URL('./golden/', import.meta.url));

let dir: string;
let db: Db;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-metrics-golden-'));
  const file = path.join(dir, 'sample.duckdb');
  await loadData(DATA, file, { clock: fixedClock('2025-01-05T01:00:00Z'), logger: silentLogger });
  db = await Db.open(file, { readOnly: true });
});

afterAll(() => {
  db?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const metrics = async (period: string, unit?: string) =>
  JSON.parse(JSON.stringify(await computeMetrics(db, { period: parsePeriod(period), unit })));

/** Paths where two JSON values differ, e.g. `tasks.by_unit[3].overdue: 2 → 3`. */
function differences(want: unknown, got: unknown, at = '', out: string[] = []): string[] {
  if (out.length >= 40) return out;
  if (
    typeof want === 'object' &&
    want !== null &&
    typeof got === 'object' &&
    got !== null &&
    Array.isArray(want) === Array.isArray(got)
  ) {
    const keys = new Set([...Object.keys(want), ...Object.keys(got)]);
    for (const k of keys) {
      const sub = Array.isArray(want) ? `${at}[${k}]` : at ? `${at}.${k}` : k;
      differences((want as Record<string, unknown>)[k], (got as Record<string, unknown>)[k], sub, out);
    }
  } else if (!Object.is(want, got)) {
    out.push(`${at}: ${JSON.stringify(want)} → ${JSON.stringify(got)}`);
  }
  return out;
}

describe('computeMetrics on the sample data — goldens', () => {
  it.each([
    ['AG', '2024-Q4'],
    ['AG.CT', '2024'],
  ])('%s %s matches its golden', async (unit, period) => {
    // `data` (row counts, fingerprint) changes with every edit of data/ and is checked below.
    const { data, ...actual } = await metrics(period, unit);
    expect(data).toMatchObject({ sample: true, loaded_at: '2025-01-05T01:00:00.000Z' });
    const file = path.join(GOLDEN, `metrics-${unit}-${period}.json`);
    const text = JSON.stringify(actual, null, 2) + '\n';
    const changed = file.replace(/\.json$/, '-changed.json');
    if (!fs.existsSync(file)) {
      if (!process.env.CI) fs.writeFileSync(changed, text);
      expect.fail(`no golden ${file}; review ${changed} and rename it to the golden`);
    }
    const diff = differences(JSON.parse(fs.readFileSync(file, 'utf8')), actual);
    if (diff.length && !process.env.CI) fs.writeFileSync(changed, text);
    else fs.rmSync(changed, { force: true });
    expect(diff, `golden ${path.basename(file)} differs (golden → now):\n${diff.join('\n')}`).toEqual([]);
  });
});

describe('computeMetrics on the sample data — seed checks', () => {
  it("reads An Giang's 2024 online ratio as the notice's 43% ± 0.5 pp", async () => {
    // Two provinces have child units in 2024 (old An Giang and old Kiên Giang), so the unit is named.
    const m = await metrics('2024', 'AG');
    expect(m.scope.unit_code).toBe('AG');
    expect(Math.abs(m.online.online_ratio - 0.43)).toBeLessThanOrEqual(0.005);
    expect(m.online.previous.online_ratio).toBeLessThan(m.online.online_ratio); // 2023 lower
    expect(m.online.target.online_ratio).toBe(0.8);
  });

  it("reads the seed-004 district's criteria of 27/11/2023: 27/42 achieved, 2 not achieved, 12 in progress, 1 not due, 39.67 of 60", async () => {
    // The sample's assessment is dated 2023-11-27 and the next one falls after 2023-11-30, so the
    // month 2023-11 (as of 2023-11-30) shows the notice's figures.
    const ct = (await metrics('2023-11', 'AG.CT')).criteria.find((c: { unit_code: string }) => c.unit_code === 'AG.CT');
    expect(ct).toMatchObject({
      year: 2023,
      total: 42,
      achieved: 27,
      not_achieved: 2,
      in_progress: 12,
      not_due: 1,
      points: 39.67,
      max_points: 60,
    });
  });

  it("gives An Giang's PAPI 2024 total and its change from 2023 as published (reference/papi)", async () => {
    const papi = (await metrics('2024', 'AG')).indices.find(
      (i: { unit_code: string; index_code: string; component: string }) =>
        i.unit_code === 'AG' && i.index_code === 'PAPI' && i.component === 'TOTAL',
    );
    // agg_province_year.csv, An Giang: 2024 total_papi 42.891685 (rank_year 40), 2023 41.84545 (rank_year 35);
    // 61 provinces have a 2024 total and 61 a 2023 total.
    expect(papi).toMatchObject({
      period: '2024',
      score: 42.891685,
      rank: 40,
      rank_of: 61,
      rank_computed: true,
      prev_period: '2023',
      prev_score: 41.84545,
      prev_rank: 35,
      delta: 1.046235,
      rank_delta: -5,
      improved: true,
    });
    expect(papi.series.at(0).period).toBe('2011');
    expect(papi.series).toHaveLength(14);
  });
});
