/**
 * The 102 commune briefs of the new province as one job batch (one database open, one Chromium,
 * the shipped communes-quarterly job) against 102 separate `cchc brief` runs (each a process that
 * opens the database and launches its own Chromium), on the sample data for 2026-Q3. The issue's
 * target is batch ≤ 0.35 × separate.
 *
 * Separate runs are measured on an evenly spread sample of the communes and scaled to 102 (each is
 * the same work on another commune; 102 of them would take a quarter of an hour). The two sides
 * alternate per round, so a change in the machine's load does not fall on one side only.
 *
 * Run: npm run build && npx tsx bench/batch.ts [separate-sample=8] [rounds=1]
 * (database loading is setup, timed for neither side)
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { type Effects, silentLogger, systemClock } from '../src/effects.ts';
import { readJob } from '../src/jobs/config.ts';
import { productionDeps } from '../src/jobs/production.ts';
import { runJob } from '../src/jobs/run.ts';
import { loadData } from '../src/load/index.ts';

const exec = promisify(execFile);
const repo = path.resolve(import.meta.dirname, '..');
const PERIOD = '2026-Q3';
const SAMPLE = Number(process.argv[2] ?? 8);
const ROUNDS = Number(process.argv[3] ?? 1);
const effects: Effects = { clock: systemClock, logger: silentLogger };

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-bench-batch-'));
try {
  const dbPath = path.join(root, 'out', 'cchc.duckdb');
  fs.mkdirSync(path.join(root, 'out'));
  await loadData(path.join(repo, 'data'), dbPath, effects);

  // The shipped job, pointed at this folder's database and the repo's data.
  const shipped = JSON.parse(fs.readFileSync(path.join(repo, 'jobs', 'communes-quarterly.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  fs.mkdirSync(path.join(root, 'jobs'));
  const jobFile = path.join(root, 'jobs', 'communes-quarterly.json');
  fs.writeFileSync(
    jobFile,
    JSON.stringify({ ...shipped, data: path.join(repo, 'data'), database: dbPath, period: PERIOD }),
  );
  const job = readJob(jobFile, path.join(root, 'out'));

  // The first round's batch also tells which units there are; a warm-up brief goes first, untimed.
  await single('AGM.30307', path.join(root, 'warm'));
  let units: string[] = [];
  const totals = { separate: 0, batch: 0 };
  for (let round = 1; round <= ROUNDS; round++) {
    const t1 = performance.now();
    const r = await runJob(job, {}, productionDeps(root, silentLogger));
    const batch = performance.now() - t1;
    if (r.status !== 'ok') throw new Error(`batch run ${r.status}: ${JSON.stringify(r.errors)}`);
    units = r.units;
    const picked = spread(units, SAMPLE);
    const t0 = performance.now();
    for (const unit of picked) await single(unit, path.join(root, 'separate', `${round}`, unit));
    const separate = ((performance.now() - t0) / picked.length) * units.length;
    totals.separate += separate;
    totals.batch += batch;
    console.log(
      `round ${round}: batch of ${units.length} ${s(batch)} (${s(batch / units.length)} per brief); ` +
        `separate ${picked.length} runs ${s(separate / units.length)} each → ${s(separate)} for ${units.length}; ratio ${(batch / separate).toFixed(2)}`,
    );
  }
  console.log(
    `ratio batch/separate over ${ROUNDS} round(s): ${(totals.batch / totals.separate).toFixed(2)} (target ≤ 0.35)`,
  );
} finally {
  fs.rmSync(root, { recursive: true, force: true });
}

/** What an officer runs for one commune: a `cchc brief` process on the loaded database. */
async function single(unit: string, out: string): Promise<void> {
  await exec(
    path.join(repo, 'bin', 'cchc'),
    ['brief', '--db', path.join(root, 'out', 'cchc.duckdb'), '--period', PERIOD, '--unit', unit, '--out', out],
    { cwd: root },
  );
}

/** n units evenly spread over the sorted list, so the sample mixes phường, xã and đặc khu. */
function spread(all: string[], n: number): string[] {
  const k = Math.min(n, all.length);
  return Array.from({ length: k }, (_, i) => all[Math.floor((i * all.length) / k)]!);
}

function s(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
