/**
 * The long fuzz campaign, outside `npm test`: `npm run fuzz -- [--cases N] [--seed S]` runs N CSV
 * cases and N/3 binary cases from seed S (default: a new seed each run, printed so a failure can be
 * replayed), prints every failing case and exits 1 when there is one.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { binaryCase, binarySeeds, csvCase, prng, runAll, seedFiles, summary, type Case } from './harness.ts';

const { values } = parseArgs({ options: { cases: { type: 'string', default: '2000' }, seed: { type: 'string' } } });
const count = Number(values.cases);
const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed);
if (!Number.isInteger(count) || count < 1 || !Number.isInteger(seed)) {
  console.error('usage: npm run fuzz -- [--cases N] [--seed S]   (N ≥ 1, S an integer)');
  process.exit(2);
}

const root = mkdtempSync(path.join(os.tmpdir(), 'cchc-fuzz-campaign-'));
let failed = 0;
try {
  const seeds = seedFiles();
  const binary = await binarySeeds(root, seeds['tasks.csv']!);
  const run = { parallel: Math.max(1, os.availableParallelism() - 1), budgetMs: 120_000 };
  // Batches keep the folders on disk few; the PRNG runs on across batches, so case n is the same
  // whatever the batch size.
  const batches: [string, number, (n: number) => Case][] = [];
  const csvR = prng(seed);
  const binR = prng(seed + 1);
  batches.push(['csv', count, (n) => csvCase(root, seeds, n, csvR)]);
  batches.push(['binary', Math.ceil(count / 3), (n) => binaryCase(root, seeds, binary, n, binR)]);
  for (const [name, total, make] of batches) {
    const tally = new Map<string, number>();
    for (let from = 0; from < total; from += 100) {
      const cases = Array.from({ length: Math.min(100, total - from) }, (_, i) => make(from + i));
      const result = await runAll(cases, run);
      for (const [k, n] of result.tally) tally.set(k, (tally.get(k) ?? 0) + n);
      for (const f of result.failures) console.log(`FAIL ${f}`);
      failed += result.failures.length;
    }
    console.log(`fuzz ${name}: ${total} cases (seed ${name === 'csv' ? seed : seed + 1}): ${summary(tally)}`);
  }
} finally {
  rmSync(root, { recursive: true, force: true });
}
if (failed) {
  console.log(`${failed} failing case(s); replay with npm run fuzz -- --cases ${count} --seed ${seed}`);
  process.exit(1);
}
