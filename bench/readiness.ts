/**
 * The readiness check a job with `require` makes before rendering (src/load/readiness.ts), for the
 * 102 commune briefs of the new province on the sample data, 2026-Q3, all four kinds: asked once
 * for all units (what the job does) against once per unit (one root per call, four queries each),
 * the two sides alternating per round so a change in the machine's load falls on both. The target
 * is batched ≤ 0.2 × per unit.
 *
 * Run: npx tsx bench/readiness.ts [rounds=3]   (loading the database is setup, timed for neither)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Db } from '../src/db.ts';
import { type Effects, silentLogger, systemClock } from '../src/effects.ts';
import { loadData } from '../src/load/index.ts';
import { readinessOf } from '../src/load/readiness.ts';
import { parsePeriod } from '../src/metrics/period.ts';

const repo = path.resolve(import.meta.dirname, '..');
const ROUNDS = Number(process.argv[2] ?? 3);
const period = parsePeriod('2026-Q3');
const effects: Effects = { clock: systemClock, logger: silentLogger };

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-bench-readiness-'));
try {
  const dbPath = path.join(root, 'cchc.duckdb');
  await loadData(path.join(repo, 'data'), dbPath, effects);
  const db = await Db.open(dbPath, { readOnly: true });
  try {
    const units = (
      await db.all<{ unit_code: string }>(
        `SELECT unit_code FROM units WHERE kind = 'commune' AND (valid_from IS NULL OR valid_from <= $end::DATE)
           AND (valid_to IS NULL OR valid_to >= $end::DATE) ORDER BY 1`,
        { end: period.end },
      )
    ).map((u) => u.unit_code);
    let batched = 0;
    let perUnit = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const t0 = performance.now();
      const once = await readinessOf(db, period, units);
      const t1 = performance.now();
      const each = [];
      for (const u of units) each.push(...(await readinessOf(db, period, [u])));
      const t2 = performance.now();
      // Both sides must say the same, or the ratio measures different work.
      if (JSON.stringify(once) !== JSON.stringify(each)) throw new Error('batched and per-unit readiness differ');
      batched += t1 - t0;
      perUnit += t2 - t1;
    }
    console.log(`units:     ${units.length} communes, ${period.id}, ${ROUNDS} rounds`);
    console.log(`batched:   ${(batched / ROUNDS / 1000).toFixed(2)} s a round`);
    console.log(`per unit:  ${(perUnit / ROUNDS / 1000).toFixed(2)} s a round`);
    console.log(`ratio:     ${(batched / perUnit).toFixed(3)}   (target ≤ 0.2)`);
  } finally {
    db.close();
  }
} finally {
  fs.rmSync(root, { recursive: true, force: true });
}
