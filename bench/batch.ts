/**
 * 12 unit briefs as one job batch (one database open, one Chromium) against 12 separate
 * single-brief runs (each opening the database and launching its own Chromium), in one process
 * on the sample data. The target is batch ≤ 0.35 × separate.
 * Run: npx tsx bench/batch.ts [rounds=2]   (database loading is setup, timed for neither side)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Db } from '../src/db.ts';
import { type Effects, silentLogger, systemClock } from '../src/effects.ts';
import { readJob } from '../src/jobs/config.ts';
import { productionDeps } from '../src/jobs/production.ts';
import { runJob } from '../src/jobs/run.ts';
import { loadData } from '../src/load/index.ts';
import { renderBrief } from '../src/render/brief.ts';
import { closeBrowser, launchBrowser } from '../src/render/browser.ts';

const repo = path.resolve(import.meta.dirname, '..');
const UNITS = ['AG', 'AG.LX', 'AG.CD', 'AG.TC', 'AG.TB', 'AG.AP', 'AG.CP', 'AG.CT', 'AG.CM', 'AG.PT', 'AG.TS', 'AG.TT'];
const PERIOD = '2024-Q4';
const ROUNDS = Number(process.argv[2] ?? 2);
const effects: Effects = { clock: systemClock, logger: silentLogger };

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-bench-batch-'));
try {
  const dbPath = path.join(root, 'out', 'cchc.duckdb');
  fs.mkdirSync(path.join(root, 'out'));
  await loadData(path.join(repo, 'data'), dbPath, effects);

  // One brief first, untimed, so module loading and first-use costs fall on neither side.
  await single('AG', path.join(root, 'warm'));

  fs.mkdirSync(path.join(root, 'jobs'));
  const jobFile = path.join(root, 'jobs', 'bench.json');
  fs.writeFileSync(jobFile, JSON.stringify({ name: 'bench', schedule: '0 7 5 1,4,7,10 *', data: path.join(repo, 'data'), period: PERIOD, units: UNITS }));
  const job = readJob(jobFile, path.join(root, 'out'));

  // Alternate the two sides so a change in machine load does not fall on one side only.
  const totals = { separate: 0, batch: 0 };
  for (let round = 1; round <= ROUNDS; round++) {
    const t0 = performance.now();
    for (const unit of UNITS) await single(unit, path.join(root, 'separate', `${round}`, unit));
    const separate = performance.now() - t0;
    const t1 = performance.now();
    const r = await runJob(job, {}, productionDeps(root, silentLogger));
    const batch = performance.now() - t1;
    if (r.status !== 'ok') throw new Error(`batch run ${r.status}: ${JSON.stringify(r.errors)}`);
    totals.separate += separate;
    totals.batch += batch;
    console.log(`round ${round}: separate ${s(separate)} (${s(separate / UNITS.length)} each), batch ${s(batch)} (${s(batch / UNITS.length)} each), ratio ${(batch / separate).toFixed(2)}`);
  }
  console.log(`ratio batch/separate over ${ROUNDS} rounds: ${(totals.batch / totals.separate).toFixed(2)} (target ≤ 0.35)`);
} finally {
  fs.rmSync(root, { recursive: true, force: true });
}

/** What `cchc brief --db … --unit U` does: open the database, launch Chromium, render, close both. */
async function single(unit: string, out: string): Promise<void> {
  const db = await Db.open(path.join(root, 'out', 'cchc.duckdb'), { readOnly: true });
  const browser = await launchBrowser();
  try {
    await renderBrief(db, { out, period: PERIOD, unit, browser }, effects);
  } finally {
    await closeBrowser(browser);
    db.close();
  }
}

function s(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
