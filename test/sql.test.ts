import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Db } from '../src/db.ts';
import { CliError, QueryError } from '../src/errors.ts';
import { schemaDdl } from '../src/schema.ts';
import { type SqlOptions, runSql } from '../src/sql/index.ts';
import { displayWidth } from '../src/sql/format/text.ts';
import { sqlParamNames } from '../src/sql/params.ts';

const repo = path.resolve(import.meta.dirname, '..');
let dir: string;
let dbPath: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-sql-'));
  dbPath = path.join(dir, 'cchc.duckdb');
  const db = await Db.open(dbPath);
  try {
    for (const s of schemaDdl()) await db.run(s);
    const units: [string, string, string, string | null][] = [
      ['AG', 'UBND tỉnh An Giang', 'province', null],
      ['AG.SNV', 'Sở Nội vụ', 'department', 'AG'],
      ['AG.TT', '=HYPERLINK("http://x","Tri Tôn")', 'district', 'AG'],
    ];
    for (const [code, name, kind, parent] of units) {
      await db.run(
        `INSERT INTO units (unit_code, name, kind, parent_code, valid_from) VALUES ($code, $name, $kind, $parent, $from::DATE)`,
        {
          code,
          name,
          kind,
          parent,
          from: '2018-01-01',
        },
      );
    }
  } finally {
    db.close();
  }
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function sha(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

async function sql(query: string, extra: Partial<SqlOptions> = {}, isTTY = false): Promise<string> {
  let text = '';
  await runSql(
    { db: dbPath, query, params: [], write: false, bom: false, ...extra },
    { stdout: { write: (s: string) => (text += s), isTTY } },
  );
  return text;
}

describe('runSql({write: false}) keeps the database and the file system out of reach', () => {
  const victim = () => path.join(dir, 'victim');
  const attempts = () => [
    'DROP TABLE units',
    `INSERT INTO units (unit_code, name, kind) VALUES ('X', 'x', 'other')`,
    `UPDATE units SET name = 'x'`,
    `ATTACH '${victim()}.duckdb' AS o`,
    `COPY units TO '${victim()}.csv'`,
    `EXPORT DATABASE '${victim()}'`,
    'INSTALL httpfs',
    'LOAD httpfs',
    'SET enable_external_access = true',
    'SET lock_configuration = false',
    `SELECT * FROM read_csv('/etc/passwd')`,
    `SELECT * FROM read_text('/etc/passwd')`,
    `SELECT * FROM read_blob('/etc/passwd')`,
    `SELECT * FROM glob('/etc/*')`,
    `CALL enable_logging(storage = 'file', storage_path = '${victim()}')`,
    `SELECT * FROM query('SELECT * FROM enable_' || 'logging()')`,
    'PRAGMA enable_profiling',
  ];

  it('rejects each attempt with a clear error and leaves the file byte-identical', async () => {
    const before = sha(dbPath);
    for (const q of attempts()) {
      const err = await sql(q).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err, q).toBeInstanceOf(Error);
      expect(err instanceof QueryError || err instanceof CliError, q).toBe(true);
      expect((err as Error).message, q).toMatch(/read-only|disabled|locked|not allowed|Cannot/);
    }
    expect(sha(dbPath)).toBe(before);
    expect(fs.readdirSync(dir).sort()).toEqual(['cchc.duckdb']);
    // The session is still usable after every refusal.
    expect(await sql('SELECT count(*) AS n FROM units')).toBe('n\n3\n');
  });

  it('explains how to proceed in the refusal', async () => {
    await expect(sql('DROP TABLE units')).rejects.toThrow(/add --write to change it/);
    await expect(sql(`SELECT * FROM read_csv('/etc/passwd')`)).rejects.toThrow(/never other files/);
  });

  it('with --write changes the database but still reads no other file', async () => {
    const copy = path.join(dir, 'w.duckdb');
    fs.copyFileSync(dbPath, copy);
    try {
      await sql(`INSERT INTO units (unit_code, name, kind) VALUES ('AG.STP', 'Sở Tư pháp', 'department')`, {
        db: copy,
        write: true,
      });
      expect(await sql('SELECT count(*) AS n FROM units', { db: copy })).toBe('n\n4\n');
      await expect(sql(`COPY units TO '${path.join(dir, 'w.csv')}'`, { db: copy, write: true })).rejects.toThrow(
        /disabled/,
      );
      await expect(sql(`SELECT * FROM read_csv('/etc/passwd')`, { db: copy, write: true })).rejects.toThrow(/disabled/);
      expect(fs.existsSync(path.join(dir, 'w.csv'))).toBe(false);
    } finally {
      fs.rmSync(copy, { force: true });
    }
  });
});

describe('runSql params', () => {
  it('binds values as strings; the SQL casts them', async () => {
    const out = await sql('SELECT unit_code FROM units WHERE valid_from <= $d::DATE AND kind = $kind ORDER BY 1', {
      params: ['d=2020-01-01', 'kind=department'],
    });
    expect(out).toBe('unit_code\nAG.SNV\n');
  });

  it('never pastes a value into the SQL', async () => {
    const out = await sql('SELECT count(*) AS n FROM units WHERE unit_code = $code', { params: ["code=x' OR '1'='1"] });
    expect(out).toBe('n\n0\n');
  });

  it('names a missing or unknown parameter before running anything', async () => {
    await expect(sql('SELECT $year::INT AS y')).rejects.toThrow(/parameter \$year has no value; add --param year=/);
    await expect(sql('SELECT $year::INT AS y', { params: ['year=2024', 'unit=AG'] })).rejects.toThrow(
      /--param unit: the SQL has no such parameter \(it uses \$year\)/,
    );
    await expect(sql('SELECT 1', { params: ['noequals'] })).rejects.toThrow(/is not key=value/);
  });

  it('finds parameters in code only, not in strings or comments', () => {
    expect([...sqlParamNames(`SELECT $a, '$b', $$ $c $$, "x" -- $d\n/* $e */ FROM t WHERE y = $f`)].sort()).toEqual([
      'a',
      'f',
    ]);
  });

  it('runs a .sql file and names it in errors', async () => {
    const file = path.join(dir, 'q.sql');
    fs.writeFileSync(file, '-- units of a kind\nSELECT name FROM units WHERE kind = $kind;\n');
    expect(await sql(file, { params: ['kind=province'] })).toBe('name\nUBND tỉnh An Giang\n');
    fs.writeFileSync(file, 'SELECT nosuchcolumn FROM units');
    const err = await sql(file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(QueryError);
    expect((err as QueryError).sqlPath).toBe(file);
    expect((err as QueryError).message).toMatch(/nosuchcolumn/);
  });

  it('returns the last statement of a script', async () => {
    expect(await sql('CREATE TEMP TABLE t AS SELECT 1 AS a; SELECT a + 1 AS b FROM t')).toBe('b\n2\n');
  });
});

describe('runSql formats', () => {
  it('CSV: RFC 4180 quoting, NULL empty, formulas neutralised, negative numbers kept', async () => {
    const out = await sql(`SELECT 'a,"b"' AS t, NULL AS n, '@SUM(A1)' AS f, -5 AS neg, '-5' AS negtext, 'x\ny' AS nl`);
    expect(out).toBe(`t,n,f,neg,negtext,nl\n"a,""b""",,'@SUM(A1),-5,'-5,"x\ny"\n`);
    const units = await sql('SELECT name FROM units WHERE unit_code = $c', { params: ['c=AG.TT'] });
    expect(units).toBe(`name\n"'=HYPERLINK(""http://x"",""Tri Tôn"")"\n`);
    expect((await sql('SELECT 1 AS a', { bom: true })).startsWith('\uFEFFa\n')).toBe(true);
  });

  it('JSON: objects, ISO dates, every digit of big integers and decimals', async () => {
    const out = await sql(
      `SELECT 12345678901234567890::HUGEINT AS h, 3.14159265358979::DECIMAL(18,14) AS d, 0.1::DOUBLE AS f, DATE '2024-01-05' AS dt, 'Sở' AS s, NULL AS n`,
      { format: 'json' },
    );
    expect(out).toBe(
      '[\n{"h":12345678901234567890,"d":3.14159265358979,"f":0.1,"dt":"2024-01-05","s":"Sở","n":null}\n]\n',
    );
    expect(await sql('SELECT 1 AS a WHERE false', { format: 'json' })).toBe('[]\n');
  });

  it('table: aligned by display width, combining marks take none, numbers right', async () => {
    const nfd = 'Sở Nội vụ'.normalize('NFD');
    expect(displayWidth(nfd)).toBe(9);
    const out = await sql(
      `SELECT $v AS "tên", 7 AS n UNION ALL SELECT 'Văn phòng', 12`,
      { params: [`v=${nfd}`] },
      true,
    );
    expect(out).toBe(['tên        n', '─────────  ──', 'Sở Nội vụ   7', 'Văn phòng  12', '(2 rows)', ''].join('\n'));
  });

  it('defaults: table on a terminal, csv when piped, format from --out', async () => {
    expect(await sql('SELECT 1 AS a', {}, true)).toContain('(1 row)');
    expect(await sql('SELECT 1 AS a', {}, false)).toBe('a\n1\n');
    const out = path.join(dir, 'r.json');
    await sql('SELECT 1 AS a', { out });
    expect(JSON.parse(fs.readFileSync(out, 'utf8'))).toEqual([{ a: 1 }]);
    fs.rmSync(out);
    await expect(sql('SELECT 1', { format: 'xlsx' })).rejects.toThrow(/--out/);
    await expect(sql('SELECT 1', { format: 'html' })).rejects.toThrow(/not one of table, csv, json, xlsx/);
  });

  it('XLSX: bold header, date cells, numbers, neutralised text', async () => {
    const out = path.join(dir, 'r.xlsx');
    await sql(`SELECT unit_code, name, valid_from, 42.5 AS score FROM units ORDER BY unit_code`, {
      out,
      format: 'xlsx',
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).font?.bold).toBe(true);
    expect(ws.getRow(1).values).toEqual([undefined, 'unit_code', 'name', 'valid_from', 'score']);
    const tt = ws.getRow(4);
    expect(tt.getCell(1).value).toBe('AG.TT');
    expect(tt.getCell(2).value).toBe(`'=HYPERLINK("http://x","Tri Tôn")`);
    expect(tt.getCell(3).value).toEqual(new Date('2018-01-01T00:00:00Z'));
    expect(tt.getCell(3).numFmt).toBe('yyyy-mm-dd');
    expect(tt.getCell(4).value).toBe(42.5);
    fs.rmSync(out);
  });

  it('--out keeps the previous file when the query fails', async () => {
    const out = path.join(dir, 'keep.csv');
    fs.writeFileSync(out, 'old\n');
    await expect(sql('SELECT nosuch', { out })).rejects.toThrow(QueryError);
    expect(fs.readFileSync(out, 'utf8')).toBe('old\n');
    expect(fs.readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
    fs.rmSync(out);
  });
});

describe('bin/cchc sql', () => {
  const run = promisify(execFile);
  const cchc = async (...args: string[]) => {
    try {
      const { stdout, stderr } = await run(path.join(repo, 'bin/cchc'), args, { cwd: dir });
      return { code: 0, stdout, stderr };
    } catch (e) {
      const x = e as { code: number; stdout: string; stderr: string };
      return { code: x.code, stdout: x.stdout, stderr: x.stderr };
    }
  };

  it('prints CSV when piped, DuckDB errors with the .sql path and exit 1, a missing database with exit 2', async () => {
    const ok = await cchc('sql', '--db', dbPath, 'SELECT unit_code FROM units ORDER BY 1');
    expect(ok).toEqual({ code: 0, stdout: 'unit_code\nAG\nAG.SNV\nAG.TT\n', stderr: '' });

    fs.writeFileSync(path.join(dir, 'bad.sql'), 'SELECT nosuch FROM units');
    const bad = await cchc('sql', '--db', dbPath, 'bad.sql');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^SQL error in bad.sql: Binder Error: .*nosuch/);
    expect(bad.stderr).not.toMatch(/\n\s+at /);

    const drop = await cchc('sql', '--db', dbPath, 'DROP TABLE units');
    expect(drop.code).toBe(1);
    expect(drop.stderr).toMatch(/read-only/);

    const missing = await cchc('sql', '--db', path.join(dir, 'none.duckdb'), 'SELECT 1');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/does not exist; run `cchc load/);
    fs.rmSync(path.join(dir, 'bad.sql'));
  });

  it('stops quietly when the reader closes the pipe early (| head)', async () => {
    const { stdout, stderr } = await run('bash', [
      '-c',
      `"$0" sql --db "$1" "SELECT * FROM range(300000)" | head -2; echo "rc=\${PIPESTATUS[0]}"`,
      path.join(repo, 'bin/cchc'),
      dbPath,
    ]);
    expect(stdout).toBe('range\n0\nrc=0\n');
    expect(stderr).toBe('');
  });
});
