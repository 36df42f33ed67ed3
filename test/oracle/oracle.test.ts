/**
 * computeMetrics (src/metrics over queries/, on a database made by the loader) against the oracle
 * (test/oracle/metrics.ts, written from docs/metrics.md over the raw files), figure by figure,
 * for a fixed list of periods and scopes on the sample data and on the hand-made fixture.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineFixtures } from '../fixtures/brief/make.ts';
import { FIXTURE } from '../fixtures/metrics/fixture.ts';
import { tempDir } from '../tmp.ts';
import { agree, world, type World } from './agree.ts';
import { differences } from './compare.ts';
import { writeLineageFixture } from './lineage-fixture.ts';
import { oracleMetrics } from './metrics.ts';

const SAMPLE = fileURLToPath(new URL('../../data/', import.meta.url));

/** The fixture's rows as CSV files, so the engine reads them through the loader like any data folder. */
function writeFixture(dir: string): string {
  const cell = (v: unknown) => {
    const s = v === null || v === undefined ? '' : String(v);
    return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  for (const [table, rows] of Object.entries(FIXTURE)) {
    const cols = [...new Set(rows.flatMap((r) => Object.keys(r)))];
    const lines = [cols.join(','), ...rows.map((r) => cols.map((c) => cell(r[c])).join(','))];
    writeFileSync(path.join(dir, `${table}.csv`), lines.join('\n') + '\n');
  }
  return dir;
}

const SAMPLE_CASES: [string, string | undefined][] = [
  ['2024', undefined], // two provinces with child units (AG, KG): both refuse
  ['2024-Q4', 'AG'],
  ['2023', 'AG'],
  ['2024-9M', 'AG'],
  ['2025-Q2', 'AG'],
  ['2024', 'KG'],
  ['2023-11', 'AG.CT'],
  ['2024', 'AG.CT'],
  ['2024-Q4', 'AG.SNV'],
  ['2024-06', 'AG.CT.XHBT'],
  ['2025-Q3', 'AGM'],
  ['2025-Q4', 'AGM'],
  ['2026-Q1', 'AGM'],
  ['2026-9M', 'AGM'],
  ['2026-11', 'AGM'],
  ['2026-Q2', 'AGM.30307'],
  ['2025-Q4', 'AGM.SNV'],
  ['2025-Q3', 'AG'],
];

const FIXTURE_CASES: [string, string | undefined][] = [
  ['2024-Q4', undefined],
  ['2024', 'P'],
  ['2023-Q4', 'P'],
  ['2024-Q4', 'P.H1'],
  ['2024-Q4', 'P.H2'],
  ['2024-11', 'P.D1'],
  ['2024-12', 'P.H1.X1'],
];

describe('oracle vs engine — sample data', () => {
  let w: World;
  beforeAll(async () => {
    w = await world(SAMPLE);
  });
  afterAll(() => w?.db.close());
  it.each(SAMPLE_CASES)('%s %s', async (period, unit) => agree(w, period, unit));
  // The goldens of test/metrics-golden.test.ts are the engine's output kept as regression guards;
  // the oracle is what checks them.
  const goldens: [string, string][] = [
    ['2024-Q4', 'AG'],
    ['2024', 'AG.CT'],
  ];
  const golden = (period: string, unit: string | undefined) => {
    const file = fileURLToPath(new URL(`../golden/metrics-${unit}-${period}.json`, import.meta.url));
    const diff = differences(oracleMetrics(w.tables, period, unit), JSON.parse(readFileSync(file, 'utf8')));
    expect(diff, `${path.basename(file)} (oracle vs golden):\n${diff.join('\n')}`).toEqual([]);
  };
  it.each(goldens)('golden %s %s agrees with the oracle', golden);
  it('the engine-made brief fixtures (test/fixtures/brief/make.ts) are what the engine gives now', async () => {
    const stale = Object.entries(await engineFixtures(w.db))
      .filter(
        ([name, text]) =>
          readFileSync(fileURLToPath(new URL(`../fixtures/brief/${name}`, import.meta.url)), 'utf8') !== text,
      )
      .map(([name]) => name);
    expect(stale, 'regenerate them with: npx tsx test/fixtures/brief/make.ts').toEqual([]);
  });
});

describe('oracle vs engine — hand-made fixture', () => {
  let w: World;
  beforeAll(async () => {
    w = await world(writeFixture(tempDir('cchc-oracle-fixture-')));
  });
  afterAll(() => w?.db.close());
  it.each(FIXTURE_CASES)('%s %s', async (period, unit) => agree(w, period, unit));
});

const LINEAGE_CASES: [string, string | undefined][] = [
  ['2026-Q1', 'N'],
  ['2026', 'N'],
  ['2025-Q3', 'N'],
  ['2025', 'N'],
  ['2026-Q2', 'N'],
  ['2026-Q1', 'N.X1'],
  ['2026-Q1', 'N.X2'],
  ['2026-Q1', 'Q'],
  ['2025-Q2', 'A'],
  ['2024', 'A'],
  ['2025-Q3', 'A'],
  ['2025-Q2', 'N'],
  ['2026-Q1', 'N.D2'],
  ['2026-Q1', undefined],
];

describe('oracle vs engine — merged provinces (lineage)', () => {
  let w: World;
  beforeAll(async () => {
    w = await world(writeLineageFixture(tempDir('cchc-oracle-lineage-')));
  });
  afterAll(() => w?.db.close());
  it.each(LINEAGE_CASES)('%s %s', async (period, unit) => agree(w, period, unit));
});
