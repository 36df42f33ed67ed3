/**
 * computeMetrics for a merged province on 10M synthetic dossiers, with lineage against without, in
 * one run. Targets: with lineage ≤ 1 s, and ≤ 1.3 × the same query without lineage.
 * Run: npx tsx bench/metrics.ts [dossier rows, default 10000000] [--shuffled]
 *
 * The world, generated in DuckDB with range(): two old provinces OA and OB (6 departments and 11
 * districts of 10 communes each), merged on 2025-07-01 into NEW (10 departments, 102 communes).
 * Old departments merge into new ones, old communes into new communes (one in 37 is divided
 * between two), each old district is divided among the new communes of its communes. Dossiers and
 * tasks run from 2023-01-01 to 2025-12-31, on old units before 2025-07-01 and on new ones after.
 * The period is 2025-Q4 for NEW: this quarter counts new units, its cùng kỳ 2024-Q4 old ones.
 *
 * "Without lineage" is the same database with the history flattened into the tree: no lineage
 * rows and no successor_code, each old unit placed under the new unit it went to (divided units
 * under the first), so the same rows count in NEW and only the scope rule differs.
 * Dossiers are generated in received_on order, as exports by date load; --shuffled stores them in
 * random order, the worst case for DuckDB's zone maps. Also timed: a bare scan of the dossiers.
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
const PERIOD = '2025-Q4';
const ROUNDS = 3;

async function generate(db: Db, lineage: boolean): Promise<void> {
  for (const ddl of schemaDdl()) await db.run(ddl);
  // Old units: OA, OB with departments OA.D1–6, districts OA.H01–11, communes OA.H01.X01–10.
  await db.run(`
    CREATE TEMP TABLE plan AS
    WITH old_communes AS (
      SELECT p || '.H' || lpad(h::VARCHAR, 2, '0') || '.X' || lpad(x::VARCHAR, 2, '0') AS code,
        p || '.H' || lpad(h::VARCHAR, 2, '0') AS parent, row_number() OVER (ORDER BY p, h, x) - 1 AS k
      FROM (VALUES ('OA'), ('OB')) v(p), range(1, 12) a(h), range(1, 11) b(x)
    )
    SELECT code, parent, 'commune' AS kind,
      'NEW.X' || lpad((k % 102 + 1)::VARCHAR, 3, '0') AS to1,
      CASE WHEN k % 37 = 0 THEN 'NEW.X' || lpad(((k + 1) % 102 + 1)::VARCHAR, 3, '0') END AS to2
    FROM old_communes`);
  await db.run(`
    INSERT INTO units (unit_code, name, kind, parent_code, valid_from, valid_to, successor_code)
    SELECT p, 'Tỉnh ' || p, 'province', NULL, NULL, DATE '2025-06-30', ${lineage ? `CASE p WHEN 'OA' THEN 'NEW' END` : 'NULL'}
    FROM (VALUES ('OA'), ('OB')) v(p)
    UNION ALL SELECT 'NEW', 'Tỉnh Mới', 'province', NULL, DATE '2025-07-01', NULL, NULL
    UNION ALL SELECT 'NEW.D' || d, 'Sở ' || d, 'department', 'NEW', DATE '2025-07-01', NULL, NULL FROM range(1, 11) t(d)
    UNION ALL SELECT 'NEW.X' || lpad(x::VARCHAR, 3, '0'), 'Xã ' || x, 'commune', 'NEW', DATE '2025-07-01', NULL, NULL
      FROM range(1, 103) t(x)
    UNION ALL SELECT p || '.D' || d, 'Sở cũ ' || p || d, 'department', ${lineage ? 'p' : `'NEW.D' || d`}, NULL, DATE '2025-06-30', NULL
      FROM (VALUES ('OA'), ('OB')) v(p), range(1, 7) t(d)
    UNION ALL SELECT p || '.H' || lpad(h::VARCHAR, 2, '0'), 'Huyện ' || p || h, 'district', ${lineage ? 'p' : `'NEW'`}, NULL,
      DATE '2025-06-30', NULL
      FROM (VALUES ('OA'), ('OB')) v(p), range(1, 12) t(h)
    UNION ALL SELECT code, 'Xã cũ ' || code, 'commune', ${lineage ? 'parent' : 'to1'}, NULL, DATE '2025-06-30', NULL FROM plan
    UNION ALL SELECT 'P' || lpad(i::VARCHAR, 2, '0'), 'Tỉnh ' || i, 'province', NULL, NULL, NULL, NULL FROM range(1, 33) t(i)`);
  if (lineage) {
    await db.run(`
      INSERT INTO unit_lineage (from_code, to_code, effective_on, kind)
      SELECT 'OB', 'NEW', DATE '2025-07-01', 'merged'
      UNION ALL SELECT p || '.D' || d, 'NEW.D' || d, DATE '2025-07-01', 'merged' FROM (VALUES ('OA'), ('OB')) v(p), range(1, 7) t(d)
      UNION ALL SELECT code, to1, DATE '2025-07-01', CASE WHEN to2 IS NULL THEN 'merged' ELSE 'divided' END FROM plan
      UNION ALL SELECT code, to2, DATE '2025-07-01', 'divided' FROM plan WHERE to2 IS NOT NULL
      UNION SELECT parent, to1, DATE '2025-07-01', 'divided' FROM plan`);
  }
  // Leaves: before 2025-07-01 old departments and communes (and a few districts), after it new ones.
  await db.run(`CREATE TEMP TABLE leaf AS
    SELECT row_number() OVER (ORDER BY unit_code) - 1 AS k, unit_code, unit_code LIKE 'NEW.%' AS new
    FROM units WHERE unit_code LIKE 'NEW.%' OR unit_code LIKE 'O_.D%' OR unit_code LIKE 'O_.H%'`);
  await db.run(
    `CREATE TEMP TABLE leaf_old AS SELECT row_number() OVER (ORDER BY k) - 1 AS k, unit_code FROM leaf WHERE NOT new`,
  );
  await db.run(
    `CREATE TEMP TABLE leaf_new AS SELECT row_number() OVER (ORDER BY k) - 1 AS k, unit_code FROM leaf WHERE new`,
  );
  const size = async (t: string) => Number((await db.one<{ n: number }>(`SELECT count(*) AS n FROM ${t}`))!.n);
  const [nOld, nNew] = [await size('leaf_old'), await size('leaf_new')];
  const leafOf = (day: string, seed: string) => `CASE WHEN ${day} < DATE '2025-07-01'
      THEN CAST(hash(${seed}) % ${nOld} AS BIGINT) ELSE ${nOld} + CAST(hash(${seed}) % ${nNew} AS BIGINT) END`;
  await db.run(
    `CREATE TEMP TABLE leaves AS SELECT k, unit_code FROM leaf_old UNION ALL SELECT ${nOld} + k, unit_code FROM leaf_new`,
  );
  await db.run(`
    INSERT INTO dossiers (dossier_id, unit_code, procedure_code, channel, online_eligible, received_on, due_on, resolved_on,
      paid_online, fully_online)
    SELECT 'D' || i, l.unit_code, NULL,
      CASE WHEN hash(i) % 100 < 43 THEN 'online' WHEN hash(i) % 100 < 95 THEN 'direct' ELSE 'postal' END,
      hash(i + 1) % 10 < 8,
      r, r + 10,
      CASE WHEN i % 20 = 0 THEN NULL ELSE r + CAST(hash(i + 2) % 15 AS INTEGER) END,
      hash(i + 3) % 3 = 0,
      CASE WHEN r >= DATE '2025-07-01' THEN hash(i) % 100 < 30 END
    FROM (SELECT i, r, ${leafOf('r', 'i + 5')} AS k
          FROM (SELECT i, DATE '2023-01-01' + CAST(${SHUFFLED ? 'hash(i + 4) % 1095' : `i * 1095 // ${DOSSIERS}`} AS INTEGER) AS r
                FROM range(${DOSSIERS}) t(i))) d
    JOIN leaves l USING (k)
    ORDER BY i`);
  await db.run(`
    INSERT INTO tasks (task_id, lead_unit, title, area, assigned_on, due_on, completed_on, cancelled_on)
    SELECT 'T' || i, l.unit_code, 'Nhiệm vụ ' || i, 'direction', a,
      CASE WHEN i % 10 = 0 THEN NULL ELSE a + 30 + CAST(i % 90 AS INTEGER) END,
      CASE WHEN i % 20 = 0 THEN NULL ELSE a + CAST(i % 150 AS INTEGER) END,
      CASE WHEN i % 50 = 0 THEN a + 5 END
    FROM (SELECT i, a, ${leafOf('a', 'i + 1')} AS k
          FROM (SELECT i, DATE '2023-01-01' + CAST(hash(i) % 1095 AS INTEGER) AS a FROM range(${TASKS}) t(i))) x
    JOIN leaves l USING (k)`);
  // Index scores: the old provinces among 63 until 2024, the new one among 34 in 2025.
  await db.run(`
    INSERT INTO index_scores (index_code, period, unit_code, component, score)
    SELECT 'PAPI', CAST(y AS VARCHAR), unit_code, c, 30 + hash(unit_code || y || c) % 1500 / 100.0
    FROM units, range(2018, 2025) t(y), (VALUES ('TOTAL'), ('D1'), ('D2'), ('D3'), ('D4'), ('D5'), ('D6'), ('D7'), ('D8')) v(c)
    WHERE kind = 'province' AND unit_code <> 'NEW'
    UNION ALL
    SELECT 'DVC766', '2025-' || lpad(m::VARCHAR, 2, '0'), unit_code, 'TOTAL', 60 + hash(unit_code || m) % 3000 / 100.0
    FROM units, range(7, 13) t(m) WHERE kind = 'province' AND unit_code NOT IN ('OA', 'OB')`);
  await db.run(`INSERT INTO targets VALUES ('online_ratio', 2025, NULL, 0.8)`);
}

async function time<T>(f: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const r = await f();
  return [performance.now() - t0, r];
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-bench-metrics-'));
try {
  const files = { lineage: path.join(dir, 'lineage.duckdb'), tree: path.join(dir, 'tree.duckdb') };
  for (const [kind, file] of Object.entries(files)) {
    const [genMs] = await time(async () => {
      const db = await Db.open(file);
      try {
        await generate(db, kind === 'lineage');
      } finally {
        db.close();
      }
    });
    process.stderr.write(
      `${kind}: generated ${DOSSIERS.toLocaleString('en')} dossiers (${SHUFFLED ? 'random order' : 'in received_on order'}) and ${TASKS.toLocaleString('en')} tasks in ${(genMs / 1000).toFixed(1)} s\n`,
    );
  }
  const lineageDb = await Db.open(files.lineage, { readOnly: true });
  const treeDb = await Db.open(files.tree, { readOnly: true });
  try {
    const period = parsePeriod(PERIOD);
    const scan = () =>
      lineageDb.all(
        `SELECT count(*) AS n, count(*) FILTER (channel = 'online') AS online, count(*) FILTER (resolved_on <= due_on) AS on_time, max(received_on) AS last FROM dossiers`,
      );
    await scan(); // warms the buffer pool
    const [baseMs] = await time(scan);
    // Alternating rounds, so a burst of load on the shared machine hits both sides alike.
    const best = { lineage: Infinity, tree: Infinity };
    const seen: Record<string, string> = {};
    for (let round = 0; round < ROUNDS; round++) {
      for (const [kind, db] of [
        ['lineage', lineageDb],
        ['tree', treeDb],
      ] as const) {
        const [ms, m] = await time(() => computeMetrics(db, { period }));
        best[kind] = Math.min(best[kind], ms);
        seen[kind] =
          `received ${m.online?.received}, previous ${m.online?.previous.received}, tasks ${m.tasks.total}, carried ${m.lineage?.carried.length}`;
      }
    }
    console.log(
      `metrics ${PERIOD} for NEW with lineage: ${best.lineage.toFixed(0)} ms (best of ${ROUNDS}); ${seen.lineage}`,
    );
    console.log(`same without lineage (history in the tree): ${best.tree.toFixed(0)} ms; ${seen.tree}`);
    const ratio = best.lineage / best.tree;
    console.log(
      `ratio with/without lineage ${ratio.toFixed(2)}x (target ≤ 1.3: ${ratio <= 1.3 ? 'met' : 'NOT met'}); with lineage target ≤ 1000 ms: ${best.lineage <= 1000 ? 'met' : 'NOT met'}`,
    );
    console.log(`baseline scan of dossiers: ${baseMs.toFixed(0)} ms`);
    // Shared machines skew absolute times; the load says how much to trust them.
    console.log(
      `load average ${os
        .loadavg()
        .map((x) => x.toFixed(1))
        .join(' ')} on ${os.cpus().length} cores`,
    );
  } finally {
    lineageDb.close();
    treeDb.close();
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
