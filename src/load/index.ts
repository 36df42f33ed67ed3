/**
 * `checkData` validates a data folder without writing anything; `loadData` validates and, only
 * when everything is valid, builds the database in a temp file next to the target and renames it
 * into place, so a failed load leaves an existing database byte for byte as it was.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { Db, ident, messageOf } from '../db.ts';
import { CliError, DataError, EXIT, type DataIssue } from '../errors.ts';
import { silentLogger, systemClock, type Effects } from '../effects.ts';
import { missingPath, toolVersion } from '../paths.ts';
import { processAlive } from '../pid.ts';
import { META_DDL, TABLE_NAMES, TABLES, createTableSql, type TableName } from '../schema.ts';
import { DEFINITIONS_PATH, definitionsSql } from '../metrics/definitions.ts';
import { discover, type DataFile } from './discover.ts';
import { MAX_PER_RULE, runRules } from './rules.ts';
import { readFile as readRows, type ReadResult, type Source } from './readers.ts';
import { scanFile, type Scan } from './scan.ts';
import { resolveUnitNames } from './unit-names.ts';
import { DUPLICATE_HINT, deriveTaskIds } from './task-ids.ts';
import { readiness, type Readiness } from './readiness.ts';
import type { Period } from '../metrics/types.ts';
import { createView, finishTable, materialiseTable, reorderTable } from './stage.ts';

export interface CheckResult {
  issues: DataIssue[];
  /**
   * What is valid but worth a person's look, in the issues' shape: a unit forgotten in the
   * lineage, and every interpretation the loader made of a file. Never makes the data invalid.
   */
  warnings: DataIssue[];
  tables: { name: TableName; files: string[]; rows: number }[];
  /** What a brief of the period asked for would lack (`check --period`). */
  readiness?: Readiness;
}

export interface LoadResult {
  tables: Record<string, number>;
  warnings: DataIssue[];
  fingerprint: string;
  sample: boolean;
}

const quiet: Effects = { clock: systemClock, logger: silentLogger };

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

/** sha256 over the sorted relative paths and content hashes of the data files. */
function combine(hashes: { rel: string; sha256: string }[]): string {
  return sha256(
    [...hashes]
      .sort((a, b) => (a.rel < b.rel ? -1 : 1))
      .map((h) => `${h.rel}\0${h.sha256}\n`)
      .join(''),
  );
}

function assertDir(dataDir: string): void {
  if (!existsSync(dataDir)) throw new CliError(`data folder ${missingPath(dataDir)} does not exist`, EXIT.usage);
  if (!statSync(dataDir).isDirectory()) {
    throw new CliError(`--data "${dataDir}" is a file; give the folder that holds the data files`, EXIT.usage);
  }
}

export async function fingerprintData(dataDir: string): Promise<string> {
  assertDir(dataDir);
  const { files } = discover(dataDir);
  const scan = scanOnce();
  return combine(await Promise.all(files.map(async (f) => ({ rel: f.rel, sha256: (await scan(f)).sha256 }))));
}

/** scanFile, once per file however many of its sheets are tables (only text files have issues to place). */
function scanOnce(): (f: DataFile) => Promise<Scan> {
  const seen = new Map<string, Promise<Scan>>();
  return (f) => {
    const scan = seen.get(f.abs) ?? scanFile(f);
    seen.set(f.abs, scan);
    return scan;
  };
}

/**
 * Tables of at least this many bytes of files are stored in the order DuckDB's threads finish
 * (see `materialiseTable`); smaller ones keep file order, which costs them next to nothing.
 */
const UNORDERED_BYTES = 8 << 20;

const mb = (n: number) => `${(n / 1e6).toFixed(n < 1e7 ? 1 : 0)} MB`;

/**
 * Checks what must hold before a file's rows can be read. Whatever goes wrong (permissions, a
 * reader failing on input nobody foresaw) is a problem of that file for the user to see, never
 * a crash of the whole check.
 */
async function prepare(db: Db, file: DataFile, fid: number): Promise<ReadResult> {
  try {
    return await readRows(db, file, fid);
  } catch (e) {
    return { ok: false, issues: [unreadable(file, e)] };
  }
}

const unreadable = (file: DataFile, e: unknown): DataIssue => ({
  file: file.rel,
  line: null,
  column: null,
  rule: 'read',
  message: `could not read the file: ${messageOf(e).split('\n')[0]}`,
});

/** Hash and whole-file encoding check of every file of a table; a file that cannot be read says so. */
const scanAll = (files: DataFile[], scan: (f: DataFile) => Promise<Scan>) =>
  Promise.all(files.map((f) => scan(f).catch((e: unknown): Scan => ({ sha256: '', issues: [unreadable(f, e)] }))));

interface Validation extends CheckResult {
  present: Set<TableName>;
  hashes: { file: DataFile; sha256: string; rows: number }[];
}

/** Stages every file into `db`, runs every rule, and returns all issues found. */
async function validate(db: Db, dataDir: string, effects: Effects): Promise<Validation> {
  assertDir(dataDir);
  const found = discover(dataDir);
  const scan = scanOnce();
  const issues = [...found.issues];
  const warnings: DataIssue[] = [...found.warnings];
  const unusable = new Set(
    found.issues
      .filter((i) => i.rule === 'mixed_formats' || i.rule === 'table_twice')
      .flatMap((i) => i.file.split(', ')),
  );
  const sources: Source[] = [];
  const hashes: { file: DataFile; sha256: string }[] = [];
  const order = (f: DataFile) => TABLE_NAMES.indexOf(f.table);
  const files = [...found.files].sort((a, b) => order(a) - order(b) || (a.rel < b.rel ? -1 : 1));
  const present = new Set<TableName>();
  const unordered = new Set<TableName>();
  const sourcesOf = (t: TableName) => sources.filter((s) => s.file.table === t);
  const rowsOf = new Map<number, number>();
  for (const t of TABLE_NAMES) {
    const mine = [...files.entries()].filter(([, f]) => f.table === t);
    if (mine.length === 0) continue;
    let broken = false;
    for (const [fid, file] of mine) {
      if (file.size === 0 || unusable.has(file.rel)) {
        broken = true;
        continue;
      }
      effects.logger.info(`reading ${file.rel} (${mb(file.size)})`);
      const result = await prepare(db, file, fid);
      if (result.ok) {
        sources.push(result.source);
        warnings.push(...(result.source.warnings ?? []));
        issues.push(...(result.source.issues ?? []));
      } else {
        issues.push(...result.issues);
        broken = true;
      }
    }
    if (broken) continue;
    // DuckDB reads the table while the files are hashed and their encoding checked to the end.
    const tableFiles = mine.map(([, f]) => f);
    // Derived ids number rows by their place in the file, so such a table keeps file order.
    const inFileOrder =
      tableFiles.reduce((n, f) => n + f.size, 0) < UNORDERED_BYTES || sourcesOf(t).some((s) => s.derived);
    if (!inFileOrder) unordered.add(t);
    const [failed, scans] = await Promise.all([
      materialiseTable(db, t, sourcesOf(t), { inFileOrder }),
      scanAll(tableFiles, scan),
    ]);
    const badBytes = scans.flatMap((s) => s.issues);
    if (badBytes.length || failed.length) {
      // Bytes in the wrong encoding explain whatever DuckDB made of them.
      issues.push(...(badBytes.length ? badBytes : failed));
      await db.run(`DROP TABLE IF EXISTS ${ident(t)}`);
      continue;
    }
    tableFiles.forEach((file, i) => hashes.push({ file, sha256: scans[i]!.sha256 }));
    for (const [fid, n] of await createView(db, t)) rowsOf.set(fid, n);
    warnings.push(...(await deriveTaskIds(db, sourcesOf(t))));
    present.add(t);
  }
  if (files.some((f) => f.table === 'criteria_results') && !files.some((f) => f.table === 'criteria')) {
    issues.push({
      file: files.find((f) => f.table === 'criteria_results')!.rel,
      line: null,
      column: null,
      rule: 'missing_table',
      message:
        'criteria_results needs the criteria table (criteria.csv or .xlsx, .json, .parquet) to check criterion codes and points',
    });
  }
  effects.logger.info('checking the rules');
  const byFid = new Map(sources.map((s) => [s.fid, s]));
  const line = (fid: number, pos: number) => byFid.get(fid)!.lineOf(pos);
  const where = (fid: number, pos: number) => `${byFid.get(fid)!.file.rel}:${line(fid, pos)}`;
  const absent = new Set(TABLE_NAMES.filter((t) => !files.some((f) => f.table === t)));
  const names = await resolveUnitNames(db, present);
  let { found: rows, cut } = await runRules(db, present, { where, line }, absent);
  const tableOf = (fid: number) => byFid.get(fid)!.file.table;
  const misplaced = new Set([...rows, ...names.issues].map((r) => tableOf(r.fid)).filter((t) => unordered.has(t)));
  if (misplaced.size) {
    effects.logger.info(
      `reading ${[...misplaced].join(', ')} again in file order, to place the problems on their lines`,
    );
    for (const t of misplaced) {
      const failed = await reorderTable(db, t, sourcesOf(t));
      if (failed.length) present.delete(t);
      issues.push(...failed);
    }
    // Reading again undid the names resolved in those tables, and placed their rows anew.
    const again = await resolveUnitNames(db, present, misplaced);
    names.issues = [...names.issues.filter((i) => !misplaced.has(tableOf(i.fid))), ...again.issues];
    ({ found: rows, cut } = await runRules(db, present, { where, line }, absent));
  }
  for (const r of names.resolved)
    warnings.push({
      file: byFid.get(r.fid)?.file.rel ?? '',
      line: null,
      column: r.column,
      rule: 'unit_name',
      message: r.message,
    });
  for (const r of [...names.issues, ...rows]) {
    const s = byFid.get(r.fid)!;
    const derivedTwice = s.derived && r.rule === 'unique' && r.column === 'task_id';
    ('warning' in r && r.warning ? warnings : issues).push({
      file: s.file.rel,
      line: s.lineOf(r.pos),
      column: r.column,
      rule: r.rule,
      message: derivedTwice ? r.message + DUPLICATE_HINT : r.message,
    });
  }
  for (const rule of cut) {
    const t = rule.needs[0]!;
    (rule.warning ? warnings : issues).push({
      file: sources.find((s) => s.file.table === t)!.file.rel,
      line: null,
      column: rule.column,
      rule: 'too_many',
      message: `more than ${MAX_PER_RULE} rows break ${rule.rule === 'cells' ? 'the value rules' : `rule ${rule.rule}`}; only the first ${MAX_PER_RULE} are listed`,
    });
  }
  const read = hashes.map((h) => ({ ...h, rows: rowsOf.get(files.indexOf(h.file)) ?? 0 }));
  const fileOrder = new Map(files.map((f, i) => [f.rel, i]));
  const byPlace = (a: DataIssue, b: DataIssue) =>
    (fileOrder.get(a.file) ?? -1) - (fileOrder.get(b.file) ?? -1) || (a.line ?? 0) - (b.line ?? 0);
  issues.sort(byPlace);
  warnings.sort(byPlace);
  const tables = TABLE_NAMES.filter((t) => files.some((f) => f.table === t)).map((t) => ({
    name: t,
    files: files.filter((f) => f.table === t).map((f) => f.rel),
    rows: read.filter((h) => h.file.table === t).reduce((n, h) => n + h.rows, 0),
  }));
  return { issues, warnings, tables, present, hashes: read };
}

/**
 * Checks a data folder; with `ready`, also what a brief of that period (and unit) would lack,
 * computed when the data is valid (on invalid data it would only repeat the errors).
 */
export async function checkData(
  dataDir: string,
  effects: Effects = quiet,
  ready?: { period: Period; unit?: string },
): Promise<CheckResult> {
  const db = await Db.open(':memory:');
  try {
    const { issues, warnings, tables, present } = await validate(db, dataDir, effects);
    if (!ready || issues.length) return { issues, warnings, tables };
    // The staged tables as a loaded database has them: every table, and the shared definitions.
    for (const t of TABLE_NAMES) if (!present.has(t)) await db.run(createTableSql(TABLES[t]));
    await db.run(definitionsSql(), undefined, DEFINITIONS_PATH);
    return { issues, warnings, tables, readiness: await readiness(db, ready.period, ready.unit) };
  } finally {
    db.close();
  }
}

/**
 * A failure to write the new database (disk full, file too large, no permission) is no data
 * error: it says which file could not be written, so nobody goes fixing a CSV that is fine.
 */
function unwritable(tmp: string, dbPath: string) {
  return (e: unknown): never => {
    if (e instanceof Error && !(e instanceof DataError) && e.message.includes(tmp)) {
      throw new CliError(
        `cannot write the database ${dbPath}: ${messageOf(e).split('\n')[0]} — free disk space or choose another --db`,
        EXIT.usage,
      );
    }
    throw e;
  };
}

/**
 * Temp databases of loads that were killed (their pid is gone): a killed 10M-row load leaves a
 * gigabyte. A live pid's file is left alone: another load may be writing it.
 */
function removeStaleTemps(dbPath: string): void {
  const dir = path.dirname(path.resolve(dbPath));
  const prefix = `${path.basename(dbPath)}.tmp-`;
  for (const name of readdirSync(dir)) {
    const pid = Number(/^(\d+)(\.wal)?$/.exec(name.slice(prefix.length))?.[1]);
    if (!name.startsWith(prefix) || !pid || pid === process.pid || processAlive(pid)) continue;
    rmSync(path.join(dir, name), { force: true });
  }
}

function removeDb(file: string): void {
  for (const f of [file, `${file}.wal`]) rmSync(f, { force: true });
}

export async function loadData(dataDir: string, dbPath: string, effects: Effects = quiet): Promise<LoadResult> {
  assertDir(dataDir);
  if (existsSync(dbPath) && statSync(dbPath).isDirectory())
    throw new CliError(`--db ${dbPath} is a folder; give a file path such as out/cchc.duckdb`, EXIT.usage);
  try {
    mkdirSync(path.dirname(path.resolve(dbPath)), { recursive: true });
  } catch (e) {
    throw new CliError(`cannot create the folder of --db ${dbPath}: ${messageOf(e)}`, EXIT.usage);
  }
  const tmp = `${dbPath}.tmp-${process.pid}`;
  removeStaleTemps(dbPath);
  removeDb(tmp);
  const db = await Db.open(tmp).catch((e: unknown) => {
    throw new CliError(`cannot create the database ${dbPath}: ${messageOf(e).split('\n')[0]}`, EXIT.usage);
  });
  let closed = false;
  let done = false;
  try {
    const result = await build(db, dataDir, dbPath, effects).catch(unwritable(tmp, dbPath));
    db.close();
    closed = true;
    renameSync(tmp, dbPath);
    done = true;
    return result;
  } finally {
    if (!closed) db.close();
    if (!done) removeDb(tmp);
  }
}

/** Validates into `db` and, when all is valid, turns it into the loaded database. */
async function build(db: Db, dataDir: string, dbPath: string, effects: Effects): Promise<LoadResult> {
  const v = await validate(db, dataDir, effects);
  if (v.issues.length) throw new DataError(v.issues, undefined, v.warnings);
  effects.logger.info(`writing ${dbPath}`);
  for (const ddl of META_DDL) await db.run(ddl);
  const counts: Record<string, number> = {};
  for (const t of TABLE_NAMES) {
    if (v.present.has(t)) await finishTable(db, t);
    else await db.run(createTableSql(TABLES[t]));
    counts[t] = Number((await db.one<{ n: number }>(`SELECT count(*) AS n FROM ${ident(t)}`))!.n);
  }
  await db.run(definitionsSql(), undefined, DEFINITIONS_PATH);
  for (const h of v.hashes) {
    await db.run(`INSERT INTO meta_files VALUES ($table, $file, $format, $rows, $sha)`, {
      table: h.file.table,
      file: h.file.rel,
      format: h.file.format,
      rows: h.rows,
      sha: h.sha256,
    });
  }
  const fingerprint = combine(v.hashes.map((h) => ({ rel: h.file.rel, sha256: h.sha256 })));
  const sample = existsSync(path.join(dataDir, '.cchc-sample'));
  await db.run(`INSERT INTO meta_load VALUES (CAST($at AS TIMESTAMPTZ), $dir, $fp, $version, $sample)`, {
    at: effects.clock.now().toISOString(),
    dir: dataDir,
    fp: fingerprint,
    version: toolVersion(),
    sample,
  });
  await db.run('CHECKPOINT');
  return { tables: counts, warnings: v.warnings, fingerprint, sample };
}
