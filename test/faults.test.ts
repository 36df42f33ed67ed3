/**
 * Fault injection through the CLI, as operators meet faults: a `cchc load` killed with SIGKILL
 * (OOM killer, power cut of a VM, an impatient Ctrl-\) at two points, while it validates and
 * while it writes the new database. The previous database must stay byte for byte as it was and
 * usable, and the next load must succeed despite whatever the killed one left behind.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Db } from '../src/db.ts';
import { CliError } from '../src/errors.ts';
import { loadData } from '../src/load/index.ts';

const CLI = path.join(import.meta.dirname, '..', 'bin', 'cchc');
/** The corpus base (units.csv, tasks.csv) is valid; this case only adds an empty documents.csv. */
const BASE = path.join(import.meta.dirname, 'fixtures', 'bad', 'zero-byte-file', 'data');
/** Enough rows that a load takes seconds, so there is a "half-way" to kill it at. */
const BIG_ROWS = 600_000;

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function smallFolder(dir: string): string {
  mkdirSync(dir, { recursive: true });
  for (const f of ['units.csv', 'tasks.csv']) copyFileSync(path.join(BASE, f), path.join(dir, f));
  return dir;
}

async function bigFolder(dir: string): Promise<string> {
  smallFolder(dir);
  const units = ['AG.SNV', 'AG.STP', 'AG.CT'];
  const channels = ['online', 'direct', 'postal'];
  const out = createWriteStream(path.join(dir, 'dossiers.csv'));
  out.write('dossier_id,unit_code,procedure_code,channel,online_eligible,received_on,due_on,resolved_on,paid_online\n');
  const day0 = Date.UTC(2023, 0, 1);
  let chunk = '';
  for (let i = 0; i < BIG_ROWS; i++) {
    const d = new Date(day0 + (i % 700) * 864e5).toISOString().slice(0, 10);
    chunk += `D${i},${units[i % 3]},1.00${i % 7},${channels[i % 3]},${i % 2 ? 'true' : 'false'},${d},${d},${i % 5 ? d : ''},${i % 4 ? 'true' : ''}\n`;
    if (chunk.length > 1 << 20) {
      out.write(chunk);
      chunk = '';
    }
  }
  await new Promise<void>((resolve, reject) => out.end(chunk, () => resolve()).on('error', reject));
  return dir;
}

/** Files the load left next to the database: its temp file(s) and their WAL. */
const leftovers = (db: string) =>
  readdirSync(path.dirname(db)).filter((f) => f.startsWith(`${path.basename(db)}.tmp-`));
const tempSize = (db: string) => leftovers(db).reduce((n, f) => n + statSync(path.join(path.dirname(db), f)).size, 0);

/**
 * Starts `cchc load` in its own process group and SIGKILLs the group (tsx runs node as a child)
 * once `ready` says the load has got far enough; fails if the load finishes first.
 */
async function killLoadWhen(
  data: string,
  db: string,
  ready: () => boolean,
): Promise<{ signal: NodeJS.Signals | null; code: number | null }> {
  const child = spawn(CLI, ['load', '--data', data, '--db', db], { detached: true, stdio: 'ignore' });
  const exited = new Promise<{ signal: NodeJS.Signals | null; code: number | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  let done = false;
  void exited.then(() => (done = true));
  const deadline = Date.now() + 60_000;
  while (!done && !ready() && Date.now() < deadline) await sleep(15);
  if (!done) process.kill(-child.pid!, 'SIGKILL');
  return exited;
}

describe('cchc load killed with SIGKILL', () => {
  let root: string;
  let big: string;
  beforeAll(async () => {
    root = mkdtempSync(path.join(os.tmpdir(), 'cchc-faults-'));
    big = await bigFolder(path.join(root, 'big'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const points: [string, (db: string) => boolean][] = [
    // The temp database exists: validation is staging the files.
    ['while validating', (db) => leftovers(db).length > 0],
    // Rows are being written into the temp database (it grows past its empty size).
    ['while writing the new database', (db) => tempSize(db) > 1 << 20],
  ];

  for (const [when, ready] of points) {
    it(
      `${when}: the previous database is unchanged and usable, and the next load succeeds`,
      { timeout: 120_000 },
      async () => {
        const dir = mkdtempSync(path.join(root, 'db-'));
        const db = path.join(dir, 'cchc.duckdb');
        await loadData(smallFolder(path.join(dir, 'small')), db);
        const before = sha(db);

        const { signal } = await killLoadWhen(big, db, () => ready(db));
        expect(signal).toBe('SIGKILL');

        expect(sha(db)).toBe(before);
        expect(existsSync(`${db}.wal`)).toBe(false);
        const opened = await Db.open(db, { readOnly: true });
        try {
          expect(
            await opened.one(
              'SELECT (SELECT count(*) FROM units) AS units, (SELECT count(*) FROM dossiers) AS dossiers',
            ),
          ).toEqual({ units: 5, dossiers: 0 });
        } finally {
          opened.close();
        }

        // The killed process's temp file does not disturb the next load, which removes it (its pid is gone).
        const result = await loadData(big, db);
        expect(result.tables.dossiers).toBe(BIG_ROWS);
        expect(leftovers(db)).toEqual([]);
        const reopened = await Db.open(db, { readOnly: true });
        try {
          expect((await reopened.one('SELECT count(*) AS n FROM dossiers'))!.n).toBe(BIG_ROWS);
        } finally {
          reopened.close();
        }
      },
    );
  }
});

describe('cchc load when the disk fills up', () => {
  let root: string;
  let big: string;
  let result: { status: number | null; stderr: string; db: string; before: string };
  beforeAll(async () => {
    root = mkdtempSync(path.join(os.tmpdir(), 'cchc-faults-full-'));
    big = await bigFolder(path.join(root, 'big'));
    const db = path.join(root, 'cchc.duckdb');
    await loadData(smallFolder(path.join(root, 'small')), db);
    const before = sha(db);
    // A 2 MB file-size limit with SIGXFSZ ignored: writes past it fail with EFBIG, as on a full disk.
    const r = spawnSync(
      'bash',
      ['-c', `trap '' XFSZ; ulimit -f 2048; exec "$0" load --data "$1" --db "$2"`, CLI, big, db],
      { encoding: 'utf8', timeout: 120_000 },
    );
    result = { status: r.status, stderr: r.stderr, db, before };
  }, 180_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('fails, leaves the previous database byte-identical and usable, and removes its temp file', async () => {
    expect(result.status).not.toBe(0);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(sha(result.db)).toBe(result.before);
    expect(leftovers(result.db)).toEqual([]);
    const opened = await Db.open(result.db, { readOnly: true });
    try {
      expect((await opened.one('SELECT count(*) AS n FROM units'))!.n).toBe(5);
    } finally {
      opened.close();
    }
  });

  it('says the database could not be written (disk full / file too large), not that the data is bad', () => {
    expect(result.stderr).not.toMatch(/data error|\(csv\)/);
    expect(result.stderr).toMatch(/too large|no space|disk/i);
  });
});

describe('cchc load into a database path that cannot be written', () => {
  let root: string;
  let data: string;
  beforeAll(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'cchc-faults-db-'));
    data = smallFolder(path.join(root, 'data'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  /** What `cchc load` prints for the error: a CliError is shown as is; anything else is "Unexpected error". */
  async function loadError(db: string): Promise<unknown> {
    return loadData(data, db).then(
      () => null,
      (e: unknown) => e,
    );
  }

  const cases: [string, () => string][] = [
    [
      'below a regular file',
      () => (writeFileSync(path.join(root, 'a-file'), 'x'), path.join(root, 'a-file', 'cchc.duckdb')),
    ],
    ['in a folder nobody can create files in (/proc)', () => '/proc/cchc-test.duckdb'],
    [
      'naming an existing folder',
      () => (mkdirSync(path.join(root, 'folder.duckdb'), { recursive: true }), path.join(root, 'folder.duckdb')),
    ],
  ];
  for (const [what, target] of cases) {
    it(`--db ${what}: a CliError naming the path`, async () => {
      const db = target();
      const e = await loadError(db);
      expect(e).toBeInstanceOf(CliError);
      expect((e as Error).message).toContain(db);
    });
  }

  it('--db naming an existing folder: the folder is left as it was and no temp file stays', async () => {
    const dir = path.join(root, 'kept.duckdb');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'note.txt'), 'keep me');
    expect(await loadError(dir)).toBeInstanceOf(Error);
    expect(readFileSync(path.join(dir, 'note.txt'), 'utf8')).toBe('keep me');
    expect(leftovers(dir)).toEqual([]);
  });
});
