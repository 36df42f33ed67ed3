/**
 * computeMetrics on 10M synthetic dossiers and 100k tasks, generated in DuckDB with range(), against
 * a bare scan of the dossiers table measured in the same run. Target: under 1 s for one period.
 * Run: npx tsx bench/metrics.ts [dossier rows, default 10000000] [--shuffled]
 * Dossiers are generated in received_on order, as exports by date (dossiers.2024.parquet …) load;
 * --shuffled stores them in random order, the worst case for DuckDB's zone maps.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Db } from '../src/db.ts';
import { computeMetrics, parsePeriod } from '../src/metrics/index.ts';
import { schemaDdl } from '../src/schema.ts';

const args = process.argv.slice(2);
const DOSSIERS = Number(args.find((a) => /^\d+$/.test(a)) ?? 10_000_000);
const SHUFFLED = args.includes('--shuffled');
const TASKS = 100_000;
const PERIOD = '2024-Q4';

const DISTRICTS = ['LX', 'CD', 'TC', 'TB', 'AP', 'CP', 'CT', 'CM', 'PT', 'TS', 'TT'];
const DEPARTMENTS = ['VP', 'SNV', 'STP', 'STTTT', 'SKHDT', 'STC'];

async function generate(db: Db): Promise<void> {
  for (const ddl of schemaDdl()) await db.run(ddl);
  const units: [string, string, string, string | null][] = [['AG', 'UBND tỉnh An Giang', 'province', null]];
  for (const d of DEPARTMENTS) units.push([`AG.${d}`, `Sở ${d}`, 'department', 'AG']);
  for (const d of DISTRICTS) {
    units.push([`AG.${d}`, `UBND huyện ${d}`, 'district', 'AG']);
    for (let x = 1; x <= 10; x++) units.push([`AG.${d}.X${x}`, `UBND xã ${x} ${d}`, 'commune', `AG.${d}`]);
  }
  for (let p = 1; p <= 62; p++) units.push([`P${String(p).padStart(2, '0')}`, `Tỉnh ${p}`, 'province', null]);
  for (const [code, name, kind, parent] of units) {
    await db.run('INSERT INTO units (unit_code, name, kind, parent_code) VALUES ($1, $2, $3, $4)', [code, name, kind, parent]);
  }
  // Leaf units receive the dossiers and lead the tasks. One task in 20 is never completed, so
  // thousands are overdue, as in a neglected province.
  await db.run(`CREATE TEMP TABLE leaf AS SELECT row_number() OVER (ORDER BY unit_code) - 1 AS k, unit_code FROM units WHERE unit_code LIKE 'AG.%'`);
  await db.run(`
    INSERT INTO dossiers
    SELECT 'D' || i, l.unit_code, NULL,
      CASE WHEN hash(i) % 100 < 43 THEN 'online' WHEN hash(i) % 100 < 95 THEN 'direct' ELSE 'postal' END,
      hash(i + 1) % 10 < 8,
      r, r + 10,
      CASE WHEN i % 20 = 0 THEN NULL ELSE r + CAST(hash(i + 2) % 15 AS INTEGER) END,
      hash(i + 3) % 3 = 0
    FROM (SELECT i, DATE '2023-01-01' + CAST(${SHUFFLED ? 'hash(i + 4) % 1095' : `i * 1095 // ${DOSSIERS}`} AS INTEGER) AS r,
            hash(i + 5) % (SELECT count(*) FROM leaf) AS k
          FROM range(${DOSSIERS}) t(i)) d
    JOIN leaf l USING (k)
    ORDER BY i`);
  await db.run(`
    INSERT INTO tasks (task_id, lead_unit, title, area, assigned_on, due_on, completed_on, cancelled_on)
    SELECT 'T' || i, l.unit_code, 'Nhiệm vụ ' || i, 'direction', a,
      CASE WHEN i % 10 = 0 THEN NULL ELSE a + 30 + CAST(i % 90 AS INTEGER) END,
      CASE WHEN i % 20 = 0 THEN NULL ELSE a + CAST(i % 150 AS INTEGER) END,
      CASE WHEN i % 50 = 0 THEN a + 5 END
    FROM (SELECT i, DATE '2023-01-01' + CAST(hash(i) % 1095 AS INTEGER) AS a, hash(i + 1) % (SELECT count(*) FROM leaf) AS k
          FROM range(${TASKS}) t(i)) x
    JOIN leaf l USING (k)`);
  await db.run(`
    INSERT INTO index_scores (index_code, period, unit_code, component, score)
    SELECT 'PAPI', CAST(y AS VARCHAR), unit_code, c, 30 + hash(unit_code || y || c) % 1500 / 100.0
    FROM units, range(2018, 2025) t(y), (VALUES ('TOTAL'), ('D1'), ('D2'), ('D3'), ('D4'), ('D5'), ('D6'), ('D7'), ('D8')) v(c)
    WHERE kind = 'province'`);
  await db.run(`INSERT INTO targets VALUES ('online_ratio', 2024, NULL, 0.8)`);
}

async function time<T>(f: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const r = await f();
  return [performance.now() - t0, r];
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-bench-metrics-'));
const file = path.join(dir, 'bench.duckdb');
try {
  const [genMs] = await time(async () => {
    const db = await Db.open(file);
    try {
      await generate(db);
    } finally {
      db.close();
    }
  });
  process.stderr.write(`generated ${DOSSIERS.toLocaleString('en')} dossiers (${SHUFFLED ? 'random order' : 'in received_on order'}) and ${TASKS.toLocaleString('en')} tasks in ${(genMs / 1000).toFixed(1)} s\n`);
  const db = await Db.open(file, { readOnly: true });
  try {
    const period = parsePeriod(PERIOD);
    const scan = () => db.all(`SELECT count(*) AS n, count(*) FILTER (channel = 'online') AS online, count(*) FILTER (resolved_on <= due_on) AS on_time, max(received_on) AS last FROM dossiers`);
    await scan(); // warm the buffer pool for both
    const [baseMs] = await time(scan);
    const [coldMs, m] = await time(() => computeMetrics(db, { period }));
    const [warmMs] = await time(() => computeMetrics(db, { period }));
    const best = Math.min(coldMs, warmMs);
    console.log(`metrics ${PERIOD} for ${m.scope.unit_code}: ${coldMs.toFixed(0)} ms (first), ${warmMs.toFixed(0)} ms (second); received ${m.online?.received}, tasks ${m.tasks.total}`);
    console.log(`baseline scan of dossiers: ${baseMs.toFixed(0)} ms; ratio ${(best / baseMs).toFixed(1)}x; target < 1000 ms: ${best < 1000 ? 'met' : 'NOT met'}`);
    // Shared machines skew absolute times; the load says how much to trust them.
    console.log(`load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')} on ${os.cpus().length} cores`);
  } finally {
    db.close();
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
