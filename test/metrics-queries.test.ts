/**
 * The files in queries/ are a contract twice: computeMetrics binds exactly the `-- params:` of each
 * header, and analysts run the same files with `cchc sql … --param key=value` (string values).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Db } from '../src/db.ts';
import { QueryError } from '../src/errors.ts';
import { CATALOGUE } from '../src/figures/index.ts';
import { DEFINITIONS_VERSION, loadedDefinitions } from '../src/metrics/definitions.ts';
import { computeMetrics, parsePeriod } from '../src/metrics/index.ts';
import { QueryPool } from '../src/metrics/pool.ts';
import { queryFile, runQuery } from '../src/metrics/queries.ts';
import { ROWS } from '../src/metrics/rows.ts';
import { runSql } from '../src/sql/index.ts';
import { sqlParamNames } from '../src/sql/params.ts';
import { buildDb } from './fixtures/metrics/fixture.ts';

const names = fs
  .readdirSync(new URL('../queries/', import.meta.url))
  .filter((f) => f.endsWith('.sql'))
  .map((f) => f.slice(0, -4));

let dir: string;
let dbFile: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-queries-'));
  dbFile = path.join(dir, 'fixture.duckdb');
  await buildDb(dbFile);
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('queries/*.sql headers', () => {
  it('include the outputs the spec names', () => {
    for (const n of [
      'tasks',
      'tasks_overdue',
      'tasks_due_soon',
      'online',
      'indices_latest',
      'indices_series',
      'criteria',
      'root_province',
    ]) {
      expect(names).toContain(n);
    }
  });

  it.each(names)('%s.sql states its grain and declares exactly the $params it uses', async (name) => {
    const q = await queryFile(name);
    expect(q.sql).toMatch(/^-- [a-z_]+: /);
    expect(q.sql).toMatch(/\n-- grain: /);
    expect(new Set(q.params)).toEqual(sqlParamNames(q.sql));
  });
});

describe('the rows each query file returns (src/metrics/rows.ts)', () => {
  it('are stated for every file of queries/, and for no other', () => {
    expect(Object.keys(ROWS).sort()).toEqual([...names].sort());
  });

  it('carry the column of every catalogue entry, once per key and group', () => {
    for (const f of CATALOGUE) {
      const schema = ROWS[f.query as keyof typeof ROWS];
      const shapes = 'options' in schema ? schema.options.map((o) => o.shape) : [schema.shape];
      expect(
        shapes.some((shape) => f.column in shape),
        `${f.group}.${f.key}: ${f.query}.sql ${f.column}`,
      ).toBe(true);
    }
    const keys = CATALOGUE.map((f) => `${f.group}.${f.key}`);
    expect(keys).toEqual([...new Set(keys)]);
  });

  it('fail on a renamed or retyped column with a QueryError naming the file and the column', async () => {
    const db = await Db.open(dbFile, { readOnly: true });
    try {
      const p = { unit: 'P', start: '2024-10-01', end: '2024-12-31', prev_start: '2023-10-01', prev_end: '2023-12-31' };
      const rows = await db.all((await queryFile('online')).sql, p);
      // The SQL as an analyst might edit it: online_ratio renamed, received made a decimal.
      const renamed = rows.map(({ online_ratio, ...r }) => ({ ...r, ratio_online: online_ratio }));
      const err = await runQuery({ all: async () => renamed as never }, 'online', p).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(QueryError);
      expect((err as QueryError).sqlPath).toBe('queries/online.sql');
      expect((err as QueryError).message).toBe('the result has no column "online_ratio" (row 1, grain scope)');
      const retyped = rows.map((r) => ({ ...r, received: 1.5 }));
      const err2 = await runQuery({ all: async () => retyped as never }, 'online', p).catch((e: unknown) => e);
      expect((err2 as QueryError).message).toMatch(
        /^the result column "received" is 1\.5: .*int.* \(row 1, grain scope\)$/,
      );
    } finally {
      db.close();
    }
  });
});

describe('a database loaded with other definitions', () => {
  it('is refused by computeMetrics, which says to load it again', async () => {
    const file = path.join(dir, 'older.duckdb');
    fs.copyFileSync(dbFile, file);
    const db = await Db.open(file);
    try {
      await db.run("CREATE OR REPLACE VIEW definitions_version AS SELECT 'older' AS version");
      const err = await computeMetrics(db, { period: parsePeriod('2024-Q4'), unit: 'P' }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(QueryError);
      expect((err as QueryError).sqlPath).toBe('queries/shared/definitions.sql');
      expect((err as QueryError).message).toMatch(/load it again with `cchc load`/);
    } finally {
      db.close();
    }
  });
});

describe('loadedDefinitions', () => {
  it('is null for a database loaded before definitions were versioned (no view definitions_version)', async () => {
    const db = await Db.open(':memory:');
    try {
      expect(await loadedDefinitions(db)).toBeNull();
    } finally {
      db.close();
    }
  });

  it('is the version a current database holds', async () => {
    const db = await Db.open(dbFile, { readOnly: true });
    try {
      expect(await loadedDefinitions(db)).toBe(DEFINITIONS_VERSION);
    } finally {
      db.close();
    }
  });

  it('throws a QueryError when the view exists but cannot be read, instead of taking it for an old database', async () => {
    const db = await Db.open(':memory:');
    try {
      // A table the view reads is missing: "does not exist", but not of definitions_version itself.
      await db.run(
        'CREATE TABLE v(a VARCHAR); CREATE VIEW definitions_version AS SELECT a AS version FROM v; DROP TABLE v',
      );
      const err = await loadedDefinitions(db).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(QueryError);
      expect((err as QueryError).message).toMatch(/name v does not exist/);
      expect((err as QueryError).sqlPath).toBe('queries/shared/definitions.sql');
    } finally {
      db.close();
    }
  });

  it('passes on a failure of the connection as a QueryError', async () => {
    const db = await Db.open(dbFile, { readOnly: true });
    const pool = await QueryPool.open(db, 1);
    await pool.close();
    try {
      await expect(loadedDefinitions(pool)).rejects.toThrow(QueryError);
      await expect(loadedDefinitions(pool)).rejects.toThrow('the query pool is closed');
      const broken = { all: () => Promise.reject(new Error('disk gone')) };
      const err = await loadedDefinitions(broken).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(QueryError);
      expect((err as QueryError).message).toBe('disk gone');
    } finally {
      db.close();
    }
  });
});

describe('cchc sql queries/NAME.sql --param …', () => {
  async function viaSql(name: string, params: string[]): Promise<Record<string, unknown>[]> {
    let out = '';
    await runSql(
      { db: dbFile, query: `queries/${name}.sql`, params, write: false, format: 'json', bom: false },
      { stdout: { write: (s: string) => (out += s) } },
    );
    return JSON.parse(out);
  }

  it('gives the same rows as computeMetrics for string parameters', async () => {
    const db = await Db.open(dbFile, { readOnly: true });
    let m;
    try {
      m = await computeMetrics(db, { period: parsePeriod('2024-Q4'), unit: 'P' });
    } finally {
      db.close();
    }
    const p = ['unit=P', 'start=2024-10-01', 'end=2024-12-31'];
    const tasks = await viaSql('tasks', [...p, 'due_soon_days=14']);
    expect(tasks.filter((r) => r.grain === 'unit').map(({ grain: _, due_soon_days: _d, ...r }) => r)).toEqual(
      m.tasks.by_unit,
    );
    const online = await viaSql('online', [...p, 'prev_start=2023-10-01', 'prev_end=2023-12-31']);
    expect(online.map((r) => r.grain)).toEqual([
      'scope',
      'previous',
      'delta',
      ...m.online!.by_unit.map(() => 'unit'),
      ...m.online!.monthly.map(() => 'month'),
    ]);
    const [scope, previous, delta] = online;
    expect([previous!.received, previous!.online_ratio]).toEqual([
      m.online!.previous.received,
      m.online!.previous.online_ratio,
    ]);
    expect(delta!.online_ratio).toEqual(m.online!.delta.online_ratio);
    expect([scope!.received, scope!.received_online, scope!.online_ratio, scope!.resolved_on_time]).toEqual([
      m.online!.received,
      m.online!.received_online,
      m.online!.online_ratio,
      m.online!.resolved_on_time,
    ]);
    expect(
      online.filter((r) => r.grain === 'unit').map((r) => [r.unit_code, r.received, r.online_payment_ratio]),
    ).toEqual(m.online!.by_unit.map((r) => [r.unit_code, r.received, r.online_payment_ratio]));
    expect(
      online.filter((r) => r.grain === 'month').map((r) => [r.month, r.received, r.online_ratio_eligible]),
    ).toEqual(m.online!.monthly.map((r) => [r.month, r.received, r.online_ratio_eligible]));
    expect((await viaSql('tasks_overdue', ['unit=P', 'end=2024-12-31'])).map((r) => r.task_id)).toEqual([
      'T08',
      'T13',
      'T16',
      'T10',
    ]);
    const criteria = await viaSql('criteria', ['unit=P', 'end=2024-12-31']);
    expect(criteria.filter((r) => r.grain === 'unit').map((r) => [r.unit_code, r.points])).toEqual([
      ['P.H1', 2],
      ['P.H1.X1', 2],
      ['P.H2', 3.7],
    ]);
  });
});
