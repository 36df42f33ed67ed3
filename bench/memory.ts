/**
 * Peak memory of `cchc load` on a large dossiers table (issue 7: under 1.5 GB for 10M rows).
 * Generates a deterministic CSV in a temp folder, then measures in child processes, each under
 * /usr/bin/time (its max RSS covers the largest waited-for descendant, so tsx's node child counts):
 *   1. baseline: bare DuckDB `CREATE TABLE AS SELECT * FROM read_csv(...)` into a file database;
 *   2. `bin/cchc load` of the same folder.
 * Prints both peaks, times and the ratio; deletes the temp folder. Heavy: run it rarely.
 *
 *   npx tsx bench/memory.ts [rows=10000000]
 * (/usr/bin/time comes from Debian's `time` package: `apt-get install -y time`.)
 */
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { measure, REPO, requireTime } from './rss.ts';
import { DOSSIER_HEADER, UNITS, writeUnitsAndTasks } from './world.ts';

const ROWS = Number(process.argv[2] ?? 10_000_000);
const LIMIT_MB = 1536;

requireTime();

/** Deterministic rows (a fixed LCG), streamed so the generator itself stays small. */
async function generate(dir: string): Promise<string> {
  writeUnitsAndTasks(dir);
  const csv = path.join(dir, 'dossiers.csv');
  const out = createWriteStream(csv);
  out.write(DOSSIER_HEADER.join(',') + '\n');
  let seed = 7;
  const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
  const day = (d: number) => new Date(Date.UTC(2022, 0, 1 + d)).toISOString().slice(0, 10);
  let chunk = '';
  for (let i = 0; i < ROWS; i++) {
    const r = rand(1400);
    chunk += `HS${String(i).padStart(9, '0')},${UNITS[i % UNITS.length]},1.00${rand(9000) + 1000},${['online', 'direct', 'postal'][rand(3)]},${r % 2 ? 'true' : 'false'},${day(r)},${day(r + 10)},${r % 5 ? day(r + (r % 15)) : ''},${r % 7 ? 'false' : 'true'}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      chunk = '';
    }
  }
  await new Promise<void>((resolve, reject) => out.end(chunk, () => resolve()).on('error', reject));
  return csv;
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'cchc-memory-'));
try {
  const t0 = performance.now();
  const csv = await generate(dir);
  console.log(
    `generated ${ROWS.toLocaleString('en-US')} dossier rows (${Math.round(statSync(csv).size / 1e6)} MB) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );

  const bareScript = `
    import { DuckDBInstance } from '@duckdb/node-api';
    const inst = await DuckDBInstance.create(process.argv[1]);
    const conn = await inst.connect();
    await conn.run("CREATE TABLE t AS SELECT * FROM read_csv('" + process.argv[2].replaceAll("'", "''") + "')");
    await conn.run('CHECKPOINT');
    conn.closeSync();
    inst.closeSync();`;
  const bare = measure('bare', [
    process.execPath,
    '--input-type=module',
    '-e',
    bareScript,
    path.join(dir, 'bare.duckdb'),
    csv,
  ]);
  rmSync(path.join(dir, 'bare.duckdb'), { force: true });
  const load = measure('load', [
    path.join(REPO, 'bin', 'cchc'),
    'load',
    '--data',
    dir,
    '--db',
    path.join(dir, 'cchc.duckdb'),
  ]);

  console.log(`baseline (bare DuckDB CTAS read_csv): peak RSS ${bare.peakMb} MB, ${bare.seconds.toFixed(1)} s`);
  console.log(`cchc load:                            peak RSS ${load.peakMb} MB, ${load.seconds.toFixed(1)} s`);
  console.log(
    `ratio load/baseline:                  memory ${(load.peakMb / bare.peakMb).toFixed(2)}, time ${(load.seconds / bare.seconds).toFixed(2)}`,
  );
  console.log(`target: peak RSS under ${LIMIT_MB} MB: ${load.peakMb < LIMIT_MB ? 'met' : 'NOT met'}`);
  process.exitCode = load.peakMb < LIMIT_MB ? 0 : 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
