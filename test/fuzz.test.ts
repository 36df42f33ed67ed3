/**
 * Loader fuzzing in `npm test`: a fixed list of seeded cases (test/fuzz/harness.ts), each run to its
 * end whatever the machine's load. The long campaign with fresh seeds is `npm run fuzz`.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkData } from '../src/load/index.ts';
import {
  binaryCase,
  binarySeeds,
  csvCase,
  MUTATIONS,
  prng,
  runAll,
  SEED,
  seedFiles,
  summary,
  writeSeed,
} from './fuzz/harness.ts';

/** Enough for every mutation to appear several times (checked below); cases 0–79 of SEED. */
const CSV_CASES = 80;
const BINARY_CASES = 30;
/** A hang detector, not a speed limit: a case takes well under a second even on a busy machine. */
const CASE_BUDGET_MS = 120_000;
const RUN = { parallel: 2, budgetMs: CASE_BUDGET_MS };
const TEST_TIMEOUT_MS = 30 * 60_000;

describe('loader fuzzing', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'cchc-fuzz-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const seeds = seedFiles();

  it('the unmutated seed folder is valid (so mutations are what breaks it)', async () => {
    const dir = path.join(root, 'seed');
    writeSeed(dir, seeds);
    expect((await checkData(dir)).issues).toEqual([]);
  });

  it(
    `${CSV_CASES} seeded mutations end in a valid result or located issues`,
    { timeout: TEST_TIMEOUT_MS },
    async () => {
      const r = prng(SEED);
      const cases = Array.from({ length: CSV_CASES }, (_, n) => csvCase(root, seeds, n, r));
      const used = new Set(cases.flatMap((c) => c.mutations));
      expect(
        MUTATIONS.map((m) => m.name).filter((m) => !used.has(m)),
        'mutations no case applies',
      ).toEqual([]);
      const { tally, failures } = await runAll(cases, RUN);
      console.log(`fuzz csv: ${CSV_CASES} cases (seed ${SEED}): ${summary(tally)}`);
      expect(failures).toEqual([]);
      // Mutations must actually break files, or the test proves nothing.
      expect(tally.get('issues') ?? 0).toBeGreaterThan(CSV_CASES / 3);
    },
  );

  it(
    `${BINARY_CASES} byte-damaged or cut XLSX, JSON and Parquet tasks files end in located issues`,
    { timeout: TEST_TIMEOUT_MS },
    async () => {
      const binary = await binarySeeds(root, seeds['tasks.csv']!);
      const valid = path.join(root, 'binary-seed');
      for (const [name, bytes] of Object.entries(binary)) {
        rmSync(valid, { recursive: true, force: true });
        mkdirSync(valid);
        writeFileSync(path.join(valid, 'units.csv'), seeds['units.csv']!);
        writeFileSync(path.join(valid, name), bytes);
        expect((await checkData(valid)).issues, name).toEqual([]);
      }
      const r = prng(SEED + 1);
      const cases = Array.from({ length: BINARY_CASES }, (_, n) => binaryCase(root, seeds, binary, n, r));
      const { tally, failures } = await runAll(cases, RUN);
      console.log(`fuzz binary: ${BINARY_CASES} cases (seed ${SEED + 1}): ${summary(tally)}`);
      expect(failures).toEqual([]);
    },
  );
});
