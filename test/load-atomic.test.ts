/** `loadData` writes all or nothing, records what it read; `cchc check` / `cchc load` exit codes. */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Db } from '../src/db.ts';
import { DataError } from '../src/errors.ts';
import { schemaDdl } from '../src/schema.ts';
import { fingerprintData, loadData } from '../src/load/index.ts';
import { effects, folder, query, TASKS, tempDb } from './load-helpers.ts';

const CLI = path.join(import.meta.dirname, '..', 'bin', 'cchc');

describe('loadData', () => {
  it('creates the folder, writes every table and the bookkeeping, and leaves no temp file', async () => {
    const dir = folder({ '.cchc-sample': '', 'README.md': '# notes', '~$tasks.xlsx': 'lock' });
    const db = tempDb();
    const r = await loadData(dir, db, effects);
    expect(r).toEqual({
      tables: expect.objectContaining({ units: 6, unit_lineage: 0, tasks: 2, dossiers: 0 }),
      // The base units' AG.CT.X1 ends under AG.CT, which has a successor, and has none itself.
      warnings: [expect.objectContaining({ file: 'units.csv', line: 6, rule: 'lineage_forgotten' })],
      fingerprint: await fingerprintData(dir),
      sample: true,
    });
    expect(readdirSync(path.dirname(db))).toEqual(['cchc.duckdb']);
    expect(await query(db, 'SELECT loaded_at, data_dir, fingerprint, sample FROM meta_load')).toEqual([
      { loaded_at: '2025-01-02T03:04:05.000Z', data_dir: dir, fingerprint: r.fingerprint, sample: true },
    ]);
    const files = await query<{ file: string; sha256: string }>(
      db,
      'SELECT file, sha256 FROM meta_files ORDER BY file',
    );
    expect(files.map((f) => f.file)).toEqual(['tasks.csv', 'units.csv']);
    expect(files[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives the loaded tables exactly the columns, types and NOT NULLs of schemaDdl()', async () => {
    const db = tempDb();
    await loadData(folder({ 'targets.csv': 'metric,year,unit_code,target\nonline_ratio,2024,,0.8\n' }), db, effects);
    const columns = `SELECT table_name, column_name, data_type, is_nullable, ordinal_position FROM information_schema.columns ORDER BY table_name, ordinal_position`;
    const expected = await Db.open(':memory:');
    for (const ddl of schemaDdl()) await expected.run(ddl);
    const want = await expected.all(columns);
    expected.close();
    expect(await query(db, columns)).toEqual(want);
  });

  it('changes the fingerprint when a data file changes, not when a non-data file does', async () => {
    const dir = folder();
    const before = await fingerprintData(dir);
    writeFileSync(path.join(dir, 'README.md'), 'notes');
    expect(await fingerprintData(dir)).toBe(before);
    writeFileSync(path.join(dir, 'tasks.csv'), TASKS + 'T3,,AG.SNV,,x,direction,,2024-01-01,,,\n');
    expect(await fingerprintData(dir)).not.toBe(before);
  });

  it('leaves an existing database byte for byte unchanged when the data is invalid', async () => {
    const db = tempDb();
    await loadData(folder(), db, effects);
    const before = readFileSync(db);
    const bad = folder({ 'tasks.csv': TASKS + 'T3,,AG.NOPE,,x,direction,,31/02/2024,,,\n' });
    const err = await loadData(bad, db, effects).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataError);
    expect((err as DataError).issues.map((i) => `${i.line} ${i.rule}`)).toEqual(['4 date', '4 fk']);
    expect(readFileSync(db).equals(before)).toBe(true);
    expect(readdirSync(path.dirname(db))).toEqual(['cchc.duckdb']);
  });

  it('removes temp databases of killed loads, not those of live processes', async () => {
    const db = tempDb();
    await loadData(folder(), db, effects);
    const dead = `${db}.tmp-999999999`;
    const live = `${db}.tmp-${process.ppid}`;
    for (const f of [dead, `${dead}.wal`, live]) writeFileSync(f, 'x');
    await loadData(folder(), db, effects);
    expect(readdirSync(path.dirname(db)).sort()).toEqual(['cchc.duckdb', path.basename(live)]);
  });

  it('replaces the database when the new data is valid', async () => {
    const db = tempDb();
    await loadData(folder(), db, effects);
    await loadData(folder({ 'tasks.csv': TASKS + 'T3,,AG.SNV,,x,direction,,2024-01-01,,,\n' }), db, effects);
    expect(await query(db, 'SELECT count(*) AS n FROM tasks')).toEqual([{ n: 3 }]);
  });
});

describe('cchc check / cchc load', () => {
  const run = (...args: string[]) => spawnSync(CLI, args, { encoding: 'utf8', timeout: 60_000 });

  it('check: exit 0 on valid data, 1 with file:line [column] lines, --json on stdout, 2 for a missing folder', () => {
    const ok = run('check', '--data', folder(), '--format', 'table');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/is valid \(1 warning on stderr\)\nunits\s+6\s+units\.csv\ntasks\s+2\s+tasks\.csv\n/);
    expect(ok.stderr).toContain(
      'warning: units.csv:6 [valid_to]: AG.CT.X1 (UBND xã An Hòa) ends on 2025-06-30 and has no lineage',
    );

    const dir = folder({ 'tasks.csv': TASKS + 'T3,,AG.SNV,,x,direction,,31/02/2024,,,\n' });
    const bad = run('check', '--data', dir);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain(
      'tasks.csv:4 [assigned_on]: assigned_on "31/02/2024" is not a date; use YYYY-MM-DD or DD/MM/YYYY (date)',
    );
    expect(bad.stderr).not.toMatch(/\n\s+at /);

    const json = run('check', '--data', dir, '--json');
    expect(json.status).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({
      valid: false,
      issues: [
        {
          file: 'tasks.csv',
          line: 4,
          column: 'assigned_on',
          rule: 'date',
          message: expect.stringContaining('31/02/2024'),
        },
      ],
    });

    const missing = run('check', '--data', path.join(dir, 'nope'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain(`data folder "${path.join(dir, 'nope')}" does not exist`);
  });

  it('load: prints row counts per table on stdout, exit 0; exit 1 and no file on bad data', () => {
    const db = tempDb();
    const ok = run('load', '--data', folder(), '--db', db, '--format', 'table');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/^units\s+6\n/);
    expect(ok.stdout).toMatch(/\ntasks\s+2\n/);
    expect(existsSync(db)).toBe(true);

    const db2 = tempDb();
    const bad = run('load', '--data', folder({ 'units.csv': null }), '--db', db2);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('units.csv: required table units is missing');
    expect(existsSync(path.dirname(db2)) && readdirSync(path.dirname(db2)).length).toBe(0);
  });
});
