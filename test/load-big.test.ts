/**
 * A table of more than 8 MB is stored as DuckDB's threads finish, not in file order; its problems
 * must still be placed on their exact lines, and its rows all be there.
 */
import { statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataError } from '../src/errors.ts';
import { fixedClock, type Effects } from '../src/effects.ts';
import { checkData, loadData } from '../src/load/index.ts';
import { effects, folder, query, tempDb, where } from './load-helpers.ts';

const ROWS = 100_000;
const HEADER = 'dossier_id,unit_code,procedure_code,channel,online_eligible,received_on,due_on,resolved_on,paid_online';
const id = (i: number) => `HS${String(i).padStart(8, '0')}`;
const row = (i: number) =>
  `${id(i)},AG.CT,1.001234.000.00.00.H01,${i % 3 ? 'online' : 'direct'},${i % 2 ? 'true' : 'false'},2024-01-05,2024-01-15,${i % 5 ? '2024-01-10' : ''},false`;
/** Line of data row `i` (0-based): the header is line 1. */
const line = (i: number) => i + 2;

function bigFolder(change: Record<number, string> = {}): string {
  const lines = [HEADER];
  for (let i = 0; i < ROWS; i++) lines.push(change[i] ?? row(i));
  const dir = folder();
  writeFileSync(path.join(dir, 'dossiers.csv'), lines.join('\n') + '\n');
  return dir;
}

function recording(): { effects: Effects; lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    effects: {
      clock: fixedClock('2025-01-02T03:04:05Z'),
      logger: { info: (m) => lines.push(m), warn: (m) => lines.push(m) },
    },
  };
}

describe('a table too big to keep in file order', () => {
  it('loads every row, clean and padded cells alike, with the NOT NULLs of the schema', async () => {
    const dir = bigFolder({ 7: `${id(7)}, AG.CT ,P,online,Có, 05/01/2024 ,,2024-01-10 08:30,` });
    expect(statSync(path.join(dir, 'dossiers.csv')).size).toBeGreaterThan(8 << 20);
    const db = tempDb();
    const r = await loadData(dir, db, effects);
    expect(r.tables.dossiers).toBe(ROWS);
    expect(
      await query(
        db,
        `SELECT count(DISTINCT dossier_id) AS ids, count(*) FILTER (channel = 'direct') AS direct, count(resolved_on) AS resolved, min(dossier_id) AS first, max(dossier_id) AS last FROM dossiers`,
      ),
    ).toEqual([
      { ids: ROWS, direct: Math.ceil(ROWS / 3), resolved: ROWS - ROWS / 5, first: id(0), last: id(ROWS - 1) },
    ]);
    expect(
      await query(
        db,
        `SELECT unit_code, online_eligible, received_on, resolved_on, paid_online FROM dossiers WHERE dossier_id = '${id(7)}'`,
      ),
    ).toEqual([
      {
        unit_code: 'AG.CT',
        online_eligible: true,
        received_on: '2024-01-05',
        resolved_on: '2024-01-10',
        paid_online: null,
      },
    ]);
    expect(
      await query(
        db,
        `SELECT column_name FROM information_schema.columns WHERE table_name = 'dossiers' AND is_nullable = 'NO' ORDER BY ordinal_position`,
      ),
    ).toEqual(
      ['dossier_id', 'unit_code', 'channel', 'online_eligible', 'received_on'].map((column_name) => ({ column_name })),
    );
  });

  it('places bad cells, duplicates and unknown units on their lines, reading the file again in order', async () => {
    const dir = bigFolder({
      3: `${id(3)},AG.CT,P,online,true,2024-01-05,,,`,
      70_000: `${id(70_000)},AG.CT,P,online,true,31/02/2024,,,`,
      95_000: `${id(3)},AG.CT,P,online,true,2024-01-05,,,`,
      99_000: `${id(99_000)},AG.NOPE,P,online,yes,2024-01-05,,,`,
    });
    const { effects: recorded, lines } = recording();
    const { issues } = await checkData(dir, recorded);
    expect(where(issues)).toEqual([
      `dossiers.csv:${line(70_000)} [received_on] date`,
      `dossiers.csv:${line(95_000)} [dossier_id] unique`,
      `dossiers.csv:${line(99_000)} [online_eligible] bool`,
      `dossiers.csv:${line(99_000)} [unit_code] fk`,
    ]);
    expect(issues[1]!.message).toBe(`duplicate dossier_id "${id(3)}"; first at dossiers.csv:${line(3)}`);
    expect(lines).toContain('reading dossiers again in file order, to place the problems on their lines');
    const db = tempDb();
    const err = await loadData(dir, db, effects).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataError);
    expect(where((err as DataError).issues)).toEqual(where(issues));
  });
});
