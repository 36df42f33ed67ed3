import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Db } from '../src/db.ts';
import { EXIT, QueryError } from '../src/errors.ts';
import { computeMetrics, parsePeriod } from '../src/metrics/index.ts';
import { runMetrics } from '../src/metrics/run.ts';
import { buildDb } from './fixtures/metrics/fixture.ts';

const run = promisify(execFile);
const bin = fileURLToPath(new URL('../bin/cchc', import.meta.url));

let dir: string;
let dbFile: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-metrics-cli-'));
  dbFile = path.join(dir, 'fixture.duckdb');
  await buildDb(dbFile);
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function expected(period: string, unit?: string) {
  const db = await Db.open(dbFile, { readOnly: true });
  try {
    return await computeMetrics(db, { period: parsePeriod(period), unit });
  } finally {
    db.close();
  }
}

describe('runMetrics({db, period, unit, out})', () => {
  it('writes metrics.json atomically to --out, creating its folder, leaving no temp file', async () => {
    const out = path.join(dir, 'nested', 'metrics.json');
    await runMetrics(
      { db: dbFile, period: '2024-q4', unit: 'P.H1', out },
      { stdout: { write: () => expect.fail('stdout used') } },
    );
    expect(JSON.parse(fs.readFileSync(out, 'utf8'))).toEqual(
      JSON.parse(JSON.stringify(await expected('2024-Q4', 'P.H1'))),
    );
    expect(fs.readdirSync(path.dirname(out))).toEqual(['metrics.json']);
  });

  it('refuses a missing database, a bad period and an unknown unit with usage errors', async () => {
    const none = { stdout: { write: () => 0 } };
    await expect(runMetrics({ db: path.join(dir, 'nope.duckdb'), period: '2024' }, none)).rejects.toMatchObject({
      exitCode: EXIT.usage,
      message: expect.stringMatching(/does not exist.*cchc load/),
    });
    await expect(runMetrics({ db: dbFile, period: '2024-Q5' }, none)).rejects.toMatchObject({ exitCode: EXIT.usage });
    await expect(runMetrics({ db: dbFile, period: '2024', unit: 'P.X' }, none)).rejects.toMatchObject({
      exitCode: EXIT.usage,
    });
  });

  it('says a database that is not a cchc load lacks the shared definitions, every time', async () => {
    const file = path.join(dir, 'foreign.duckdb');
    const db = await Db.open(file);
    await db.run(
      `CREATE TABLE units (unit_code VARCHAR, name VARCHAR, short_name VARCHAR, kind VARCHAR, parent_code VARCHAR)`,
    );
    await db.run(`INSERT INTO units VALUES ('P', 'P', NULL, 'province', NULL), ('P.X', 'X', NULL, 'district', 'P')`);
    db.close();
    const error = await runMetrics({ db: file, period: '2024' }, { stdout: { write: () => 0 } }).catch((e) => e);
    expect(error).toBeInstanceOf(QueryError);
    // The database holds no definitions: that is said, whatever query would have failed first.
    expect(error.sqlPath).toBe('queries/shared/definitions.sql');
    expect(error.message).toMatch(/loaded with other definitions than this cchc has; load it again with `cchc load`/);
  });
});

describe('bin/cchc metrics', () => {
  it('prints metrics.json on stdout and exits 0', async () => {
    const { stdout } = await run(bin, ['metrics', '--db', dbFile, '--period', '2024-Q4'], {
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(JSON.parse(stdout)).toEqual(JSON.parse(JSON.stringify(await expected('2024-Q4'))));
  });

  it('exits 2 with a one-line message for an unknown unit', async () => {
    const e = await run(bin, ['metrics', '--db', dbFile, '--period', '2024', '--unit', 'hoa binh']).catch((x) => x);
    expect(e.code).toBe(EXIT.usage);
    expect(e.stderr.trim()).toBe(
      'error: unknown unit "hoa binh"; did you mean P.H1 (UBND huyện Hòa Bình), P.H1.PNV (Phòng Nội vụ huyện Hòa Bình)?',
    );
    expect(e.stdout).toBe('');
  });
});
