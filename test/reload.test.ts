import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Db } from '../src/db.ts';
import { loadData, fingerprintData } from '../src/load/index.ts';
import { loadIfChanged, loadedFingerprint } from '../src/reload.ts';
import { sandboxArgs } from '../src/render/browser.ts';
import { effects, folder } from './load-helpers.ts';
import { tempDir } from './tmp.ts';

describe('loadIfChanged: the one fingerprint check of jobs and cchc brief', () => {
  it('loads when there is no database, not again for the same files, again when a file changes', async () => {
    const data = folder();
    const db = path.join(tempDir('cchc-reload-'), 'cchc.duckdb');
    const loader = { fingerprintData, loadData: (d: string, p: string) => loadData(d, p, effects) };
    const why: string[] = [];
    expect(await loadedFingerprint(db)).toBeNull();
    expect(await loadIfChanged(data, db, loader, (w) => why.push(w))).toBe(true);
    expect(await loadedFingerprint(db)).toBe(await fingerprintData(data));
    expect(await loadIfChanged(data, db, loader, (w) => why.push(w))).toBe(false);
    const other = folder({
      'tasks.csv': 'task_id,lead_unit,title,area,assigned_on\nT9,AG.SNV,x,direction,2025-01-02\n',
    });
    expect(await loadIfChanged(other, db, loader, (w) => why.push(w))).toBe(true);
    expect(why).toEqual(['no database yet', 'data changed']);
  });

  it('loads the same files again into a database loaded with other definitions (queries/shared/definitions.sql)', async () => {
    const data = folder();
    const db = path.join(tempDir('cchc-reload-'), 'cchc.duckdb');
    const loader = { fingerprintData, loadData: (d: string, p: string) => loadData(d, p, effects) };
    const why: string[] = [];
    await loadIfChanged(data, db, loader, (w) => why.push(w));
    const old = await Db.open(db);
    await old.run("CREATE OR REPLACE VIEW definitions_version AS SELECT 'older' AS version");
    old.close();
    expect(await loadIfChanged(data, db, loader, (w) => why.push(w))).toBe(true);
    expect(await loadIfChanged(data, db, loader, (w) => why.push(w))).toBe(false);
    expect(why).toEqual(['no database yet', 'loaded with older definitions']);
  });

  it('treats a file that is no cchc database as no database', async () => {
    const file = path.join(tempDir('cchc-reload-'), 'not.duckdb');
    writeFileSync(file, 'not a database');
    expect(await loadedFingerprint(file)).toBeNull();
  });
});

describe('Chromium sandbox', () => {
  it('is turned off only for root', () => {
    expect(sandboxArgs(0)).toEqual(['--no-sandbox']);
    expect(sandboxArgs(1000)).toEqual([]);
  });
});
