import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Db } from '../src/db.ts';
import { QueryError } from '../src/errors.ts';
import { QueryPool } from '../src/metrics/pool.ts';

let dir: string;
let db: Db;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-pool-'));
  db = await Db.open(path.join(dir, 'pool.duckdb'));
  await db.run('CREATE TABLE t AS SELECT range AS i FROM range(1000)');
});

afterAll(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('QueryPool', () => {
  it('runs more queries than connections, each with its own parameters, and leaves db usable', async () => {
    const pool = await QueryPool.open(db, 2);
    try {
      const sums = await Promise.all(
        [10, 100, 500, 999, 0].map((n) =>
          pool.all<{ s: number }>('SELECT CAST(sum(i) AS INTEGER) AS s FROM t WHERE i <= $n', { n }),
        ),
      );
      expect(sums.map(([r]) => r!.s)).toEqual([55, 5050, 125250, 499500, 0]);
    } finally {
      await pool.close();
    }
    expect((await db.one<{ n: number }>('SELECT CAST(count(*) AS INTEGER) AS n FROM t'))!.n).toBe(1000);
  });

  it('reports a failed query by its file, still closes cleanly, and refuses queries once closed', async () => {
    const pool = await QueryPool.open(db, 2);
    const ok = pool.all('SELECT count(*) AS n FROM t, range(200)');
    await expect(pool.all('SELECT * FROM missing', undefined, 'queries/x.sql')).rejects.toMatchObject({
      sqlPath: 'queries/x.sql',
    });
    await pool.close();
    await expect(ok).resolves.toEqual([{ n: 200000 }]);
    await expect(pool.all('SELECT 1')).rejects.toBeInstanceOf(QueryError);
  });
});
