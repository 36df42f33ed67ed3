/**
 * computeMetrics on the hand-made lineage world (test/fixtures/metrics/lineage.ts). Every expected
 * value is worked out by hand from the fixture's rows and docs/metrics.md § Unit history and
 * lineage; the working is in the comments. Main case: the new province NEW for 2025-Q4
 * (E = D = 2025-12-31, period from 2025-10-01; cùng kỳ 2024-Q4, with the scope still read at E).
 *
 * succ(u, 2025-12-31), by following the lineage rows effective on or before E:
 *   OLD → {NEW}; OTH → {NEW}; OLD.D1, OLD.D2 → OLD.D3 → {NEW.D1}; OLD.D3 → {NEW.D1};
 *   OLD.R1 → OLD.R2 → {NEW.R3}; OLD.H1 → {NEW.X1, NEW.X2}; OLD.H1.C1 → {NEW.X1};
 *   OLD.H1.C2 → {NEW.X1, NEW.X2}; OTH.H9 → {NEW.X2}; OLD.H1.C3 → {OLD.H1.C3} (no lineage);
 *   every NEW.* and FAR → itself.
 * In NEW's scope: all of these except OLD.H1.C3 (its only successor is itself, not below NEW) and FAR.
 * by_unit children of NEW at E: NEW.D1, NEW.R3, NEW.X1, NEW.X2 (NEW.X3 starts 2026-01-01, after E).
 * Branch of each unit: OLD, OTH → NEW itself; OLD.D* → NEW.D1; OLD.R* → NEW.R3; OLD.H1.C1 → NEW.X1;
 * OTH.H9 → NEW.X2; OLD.H1 and OLD.H1.C2 spread over NEW.X1 and NEW.X2 → the row with unit_code null.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Db } from '../src/db.ts';
import { CliError, EXIT } from '../src/errors.ts';
import { computeMetrics, parsePeriod } from '../src/metrics/index.ts';
import type { Metrics } from '../src/metrics/types.ts';
import { buildDb, taskCounts } from './fixtures/metrics/fixture.ts';
import { LINEAGE_FIXTURE } from './fixtures/metrics/lineage.ts';

let dir: string;
let db: Db;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-metrics-lineage-'));
  await buildDb(path.join(dir, 'lineage.duckdb'), LINEAGE_FIXTURE);
  db = await Db.open(path.join(dir, 'lineage.duckdb'), { readOnly: true });
});

afterAll(() => {
  db?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const metrics = (period: string, unit?: string): Promise<Metrics> =>
  computeMetrics(db, { period: parsePeriod(period), unit });

const counts = taskCounts;

const strip = ({ unit_code: _, name: _n, short_name: _s, kind: _k, ...rest }: Record<string, unknown>) => rest;

describe('scope at the period end — default unit and refusals', () => {
  it('defaults to the province that stands on E: NEW in 2025-Q4; OLD and OTH both stand in 2024-Q4', async () => {
    // 2025-12-31: OLD and OTH are carried to NEW (effective 2025-07-01), FAR has no children.
    expect((await metrics('2025-Q4')).scope).toMatchObject({ unit_code: 'NEW', root_code: 'NEW' });
    // 2024-12-31: NEW has not started; OLD and OTH both exist and have children.
    await expect(metrics('2024-Q4')).rejects.toThrow(
      /several province units with child units exist on 2024-12-31 \(OLD, OTH\).*--unit/,
    );
  });

  it('refuses a unit that starts after E, naming the start and the units it came from', async () => {
    const e = await metrics('2025-Q1', 'NEW').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(CliError);
    expect((e as CliError).exitCode).toBe(EXIT.usage);
    // valid_from 2025-07-01; the lineage rows into NEW come from OLD (successor_code) and OTH. The
    // first quarter that ends on or after 1/7/2025 is 2025-Q3.
    expect((e as Error).message).toBe(
      'NEW starts on 01/07/2025, after 2025-Q1 ends — for 2025-Q1 use --unit OLD or --unit OTH; for NEW use --period 2025-Q3 or a later period',
    );
  });

  it('names the first period of the same form a unit stands in, also for a unit that came from nothing', async () => {
    const message = (period: string, unit: string) =>
      metrics(period, unit).then(
        () => 'no error',
        (x: unknown) => (x as Error).message,
      );
    // NEW.X3 starts on 2026-01-01 and no lineage row leads to it: nothing to use for the period itself.
    expect(await message('2025-Q4', 'NEW.X3')).toBe(
      'NEW.X3 starts on 01/01/2026, after 2025-Q4 ends — for NEW.X3 use --period 2026-Q1 or a later period',
    );
    expect(await message('2025-11', 'NEW.X3')).toMatch(/use --period 2026-01 or a later period$/);
    expect(await message('2025-H2', 'NEW.X3')).toMatch(/use --period 2026-H1 or a later period$/);
    expect(await message('2025', 'NEW.X3')).toMatch(/use --period 2026 or a later period$/);
    // 2025-9M ends on 30/09/2025, after NEW's start (1/7/2025); 2025-3M ends on 31/03/2025, before
    // it, so the first 3M NEW stands in is 2026's.
    expect(await message('2024-9M', 'NEW')).toMatch(/for NEW use --period 2025-9M or a later period$/);
    expect(await message('2025-3M', 'NEW')).toMatch(/for NEW use --period 2026-3M or a later period$/);
  });

  it('bin/cchc metrics and brief print the refusal as one line and exit 2', async () => {
    const bin = fileURLToPath(new URL('../bin/cchc', import.meta.url));
    const file = path.join(dir, 'lineage.duckdb');
    for (const command of ['metrics', 'brief']) {
      const e = await promisify(execFile)(bin, [command, '--db', file, '--period', '2025-Q4', '--unit', 'NEW.X3'], {
        env: { ...process.env, NO_COLOR: '1' },
      }).catch((x: { code: number; stderr: string }) => x);
      expect([command, (e as { code: number }).code]).toEqual([command, EXIT.usage]);
      expect((e as { stderr: string }).stderr.trim().split('\n').at(-1)).toBe(
        'error: NEW.X3 starts on 01/01/2026, after 2025-Q4 ends — for NEW.X3 use --period 2026-Q1 or a later period',
      );
    }
  });

  it('refuses a unit taken over by E, naming its successors at E', async () => {
    await expect(metrics('2025-Q4', 'OLD')).rejects.toThrow(
      'OLD ended on 30/06/2025; its successor is NEW — use --unit NEW, or a period that ends by 30/06/2025',
    );
    // Divided: succ(OLD.H1, E) = {NEW.X1, NEW.X2}.
    await expect(metrics('2025-Q4', 'OLD.H1')).rejects.toThrow(
      /^OLD\.H1 ended on 30\/06\/2025; its successors are NEW\.X1, NEW\.X2 — use --unit NEW\.X1 or --unit NEW\.X2/,
    );
    // Rename chain: at 2025-12-31 OLD.R1 leads through OLD.R2 to NEW.R3; at 2025-03-31 only to OLD.R2.
    await expect(metrics('2025-Q4', 'OLD.R1')).rejects.toThrow(
      /^OLD\.R1 ended on 31\/12\/2024; its successor is NEW\.R3/,
    );
    await expect(metrics('2025-Q1', 'OLD.R1')).rejects.toThrow(
      /^OLD\.R1 ended on 31\/12\/2024; its successor is OLD\.R2/,
    );
    await expect(metrics('2025-Q4', 'OLD.R1')).rejects.toMatchObject({ exitCode: EXIT.usage });
  });
});

describe('tasks of the new province, 2025-Q4', () => {
  it('counts the inherited tasks of the old units, not those of the forgotten commune', async () => {
    const {
      by_unit: _b,
      overdue_list,
      due_soon_list: _d,
      target: _t,
      due_soon_days: _w,
      ...summary
    } = (await metrics('2025-Q4')).tasks;
    // Universe at D = 2025-12-31: K01–K08, K10, K11 (10 tasks). Out: K09 (OLD.H1.C3, not in scope),
    // K12 (assigned 2026-01-05), K13 (FAR).
    // done_on_time: K03 (completed 2024-12-20 ≤ due 2024-12-31), K07 (11-15 ≤ 11-30);
    // done_late: K04 (07-10 > 06-30), K10 (12-20 > 12-15); overdue: K01 (due 09-30), K06 (due 12-01);
    // in_progress: K02 (due 2026-01-10), K05 (no due date), K08 (due 2026-02-01), K11 (due on D).
    // due_soon: K02 only (D < 2026-01-10 ≤ D + 14). assigned in the period: K10 (10-05).
    // completed in the period: K07 (11-15), K10 (12-20).
    expect(summary).toEqual(counts(10, 2, 2, 4, 2, 1, 1, 2));
    // K01: 2025-12-31 − 2025-09-30 = 92 days; K06: 2025-12-31 − 2025-12-01 = 30 days.
    expect(overdue_list.map((t) => [t.task_id, t.lead_unit, t.days_overdue])).toEqual([
      ['K01', 'OLD', 92],
      ['K06', 'OLD.H1', 30],
    ]);
  });

  it('gives by_unit rows to the children standing at E, NEW its own row, and the spread rows a null row, last', async () => {
    const t = (await metrics('2025-Q4')).tasks;
    expect(t.by_unit.map((r) => r.unit_code)).toEqual(['NEW', 'NEW.D1', 'NEW.R3', 'NEW.X1', 'NEW.X2', null]);
    const [own, d1, r3, x1, x2, split] = t.by_unit.map(strip);
    expect(own).toEqual(counts(2, 0, 0, 1, 1, 1, 0, 0)); // K01 (OLD, overdue), K02 (OTH, in progress, due soon)
    expect(d1).toEqual(counts(2, 1, 1, 0, 0, 0, 0, 0)); // K03 (OLD.D1, on time), K04 (OLD.D2, late)
    expect(r3).toEqual(counts(1, 0, 0, 1, 0, 0, 0, 0)); // K05 (OLD.R1, through the rename chain)
    expect(x1).toEqual(counts(2, 1, 0, 1, 0, 0, 0, 1)); // K07 (OLD.H1.C1, on time, completed 11-15), K11 (due on D)
    expect(x2).toEqual(counts(1, 0, 1, 0, 0, 0, 1, 1)); // K10 (OTH.H9, late, assigned and completed in the period)
    expect(split).toEqual(counts(2, 0, 0, 1, 1, 0, 0, 0)); // K06 (OLD.H1, overdue), K08 (OLD.H1.C2, in progress)
    // 2 + 2 + 1 + 2 + 1 + 2 = 10, and so on for every count.
    for (const k of [
      'total',
      'done_on_time',
      'done_late',
      'in_progress',
      'overdue',
      'due_soon',
      'assigned',
      'completed',
    ] as const) {
      expect(t.by_unit.reduce((s, r) => s + r[k], 0)).toBe(t[k]);
    }
  });

  it('gives NEW.X3 its row once it has started (2026-Q1, E = 2026-03-31)', async () => {
    const t = (await metrics('2026-Q1')).tasks;
    expect(t.by_unit.map((r) => r.unit_code)).toEqual(['NEW', 'NEW.D1', 'NEW.R3', 'NEW.X1', 'NEW.X2', 'NEW.X3', null]);
    // K12 (NEW.D1, assigned 2026-01-05) joins: 11 tasks.
    expect(t.total).toBe(11);
  });
});

describe('a new commune, 2025-Q4', () => {
  it('counts only the rows wholly its own and lists the divided units it cannot take', async () => {
    const m = await metrics('2025-Q4', 'NEW.X1');
    // In scope NEW.X1: OLD.H1.C1 (succ {NEW.X1}) and NEW.X1 itself. OLD.H1 and OLD.H1.C2 have one of
    // their two successors in NEW.X1: partly in, so left out and listed as split.
    expect(m.lineage).toEqual({
      as_of: '2025-12-31',
      split_units: ['OLD.H1', 'OLD.H1.C2'],
      carried: [{ from_code: 'OLD.H1.C1', to_codes: ['NEW.X1'] }],
    });
    // K07 (OLD.H1.C1, on time, completed in the period) and K11 (in progress); K06, K08 left out.
    expect(m.tasks.total).toBe(2);
    // A commune has no children: its only row is its own (rows whose succ is {NEW.X1}).
    expect(m.tasks.by_unit.map((r) => [r.unit_code, r.total])).toEqual([['NEW.X1', 2]]);
    // Dossiers: N1, N2 this period; P1 (OLD.H1.C1) in the comparison period; P3 (OLD.H1), P4 (OLD.H1.C2) left out.
    expect([m.online!.received, m.online!.previous.received]).toEqual([2, 1]);
  });
});

describe('online services of the new province, 2025-Q4', () => {
  it('adds the old provinces in cùng kỳ over the same territory, with the fully-online ratio', async () => {
    const o = (await metrics('2025-Q4')).online!;
    // This period: N1, N2, N3 + NEW.X2's 2025-11 stats row (10 received, 6 online, 8 resolved, 7 on time, 4 fully online).
    // received 3 + 10 = 13; online N1, N3 + 6 = 8; eligible N1 N2 N3, online among them N1 N3: 2/3;
    // resolved N1, N2 + 8 = 10; on time N1 (10-10 ≤ 10-15) + 7 = 8; paid online: N1 of 2 resolved dossiers.
    // fully online: dossiers carrying the value N1 (true), N2 (false) → 1 of 2; stats 4 of 10 → 5/12.
    expect(o).toMatchObject({
      received: 13,
      received_online: 8,
      online_ratio: 8 / 13,
      online_ratio_eligible: 2 / 3,
      resolved: 10,
      resolved_on_time: 8,
      on_time_rate: 8 / 10,
      online_payment_ratio: 1 / 2,
      full_online_ratio: 5 / 12,
      received_fully_online: 5,
      received_fully_known: 12,
    });
    // Cùng kỳ 2024-Q4, scope still read at 2025-12-31: P1 (OLD.H1.C1), P3 (OLD.H1), P4 (OLD.H1.C2) and
    // OTH.H9's stats row (20 received, 5 online, 10 resolved, 5 on time, fully online empty). P2 is
    // OLD.H1.C3's, the forgotten commune: not NEW's. received 3 + 20 = 23; online P1, P3 + 5 = 7;
    // eligible P1, P4, online P1 → 1/2; resolved P1 + 10 = 11; on time P1 (10-15 ≤ 10-20) + 5 = 6;
    // paid P1 of 1 resolved dossier → 1; fully online: only P1 carries the value (false), the stats
    // row none → 0 of 1 = 0.
    expect(o.previous).toMatchObject({
      received: 23,
      received_online: 7,
      online_ratio: 7 / 23,
      online_ratio_eligible: 1 / 2,
      resolved: 11,
      resolved_on_time: 6,
      on_time_rate: 6 / 11,
      online_payment_ratio: 1,
      full_online_ratio: 0,
    });
    // The changes worked out here; every figure the catalogue gives a delta adds its own key.
    expect(o.delta).toMatchObject({
      online_ratio: 8 / 13 - 7 / 23,
      online_ratio_eligible: 2 / 3 - 1 / 2,
      on_time_rate: 8 / 10 - 6 / 11,
      online_payment_ratio: 1 / 2 - 1,
      full_online_ratio: 5 / 12 - 0,
    });
  });

  it('breaks down by the children standing at E, and by month', async () => {
    const o = (await metrics('2025-Q4')).online!;
    const pick = (r: Record<string, unknown>) => [
      r.unit_code ?? r.month,
      r.received,
      r.received_online,
      r.online_ratio,
      r.online_ratio_eligible,
      r.resolved,
      r.resolved_on_time,
      r.on_time_rate,
      r.online_payment_ratio,
      r.full_online_ratio,
    ];
    // No own NEW row and no null row: this period's rows are all of one child each.
    expect(o.by_unit.map(pick)).toEqual([
      ['NEW.D1', 1, 1, 1, 1, 0, 0, null, null, null], // N3 (fully_online empty)
      ['NEW.R3', 0, 0, null, null, 0, 0, null, null, null],
      ['NEW.X1', 2, 1, 1 / 2, 1 / 2, 2, 1, 1 / 2, 1 / 2, 1 / 2], // N1, N2
      ['NEW.X2', 10, 6, 6 / 10, null, 8, 7, 7 / 8, null, 4 / 10], // stats only: record-level ratios null
    ]);
    expect(o.monthly.map(pick)).toEqual([
      ['2025-10', 1, 1, 1, 1, 1, 1, 1, 1, 1], // N1 received and resolved
      ['2025-11', 11, 6, 6 / 11, 0, 9, 7, 7 / 9, 0, 4 / 11], // N2 + stats (N2 resolved 11-09, late)
      ['2025-12', 1, 1, 1, 1, 0, 0, null, null, null], // N3
    ]);
  });
});

describe('indices and criteria of the new province, 2025-Q4', () => {
  it('lists the predecessors’ own scores with their own rank_of', async () => {
    const m = await metrics('2025-Q4');
    // NEW, OLD, OTH are in scope; FAR is not. PAR_INDEX ranks are published (of 63); SIPAS ranks are
    // computed among the three provinces scored in 2024: OTH 85 → 1, FAR 82 → 2, OLD 80 → 3 (of 3).
    expect(
      m.indices.map((i) => [i.unit_code, i.index_code, i.period, i.score, i.rank, i.rank_of, i.rank_computed]),
    ).toEqual([
      ['NEW', 'DVC766', '2025-12', 90, 21, 34, false],
      ['OLD', 'PAR_INDEX', '2024', 80, 10, 63, false],
      ['OLD', 'SIPAS', '2024', 80, 3, 3, true],
      ['OTH', 'PAR_INDEX', '2024', 85, 5, 63, false],
      ['OTH', 'SIPAS', '2024', 85, 1, 3, true],
    ]);
  });

  it('counts the criteria of carried units, not of the forgotten commune', async () => {
    const m = await metrics('2025-Q4');
    // Year 2025, D = 2025-12-31. C1 (direction, max 2, due 2025-12-15), C2 (procedures, max 3, due 2026-03-01).
    // NEW.X1: C1 no result, due ≤ D → in_progress 0; C2 not_achieved 1 → points 1 of 5, at risk 2, lost 3 − 1 = 2.
    // OLD.D2 (carried to NEW.D1): C1 achieved 2; C2 no result, due > D → not_due → points 2 of 5, at risk 3, lost 0.
    // OLD.H1.C3's result is not in scope. Rank by points: OLD.D2 1, NEW.X1 2.
    expect(
      m.criteria.map((c) => [
        c.unit_code,
        c.total,
        c.achieved,
        c.not_achieved,
        c.in_progress,
        c.not_due,
        c.points,
        c.max_points,
        c.points_at_risk,
        c.points_lost,
        c.rank,
      ]),
    ).toEqual([
      ['NEW.X1', 2, 0, 1, 1, 0, 1, 5, 2, 2, 2],
      ['OLD.D2', 2, 1, 0, 0, 1, 2, 5, 3, 0, 1],
    ]);
    expect(m.criteria_totals).toMatchObject({
      total: 4,
      achieved: 1,
      not_achieved: 1,
      in_progress: 1,
      not_due: 1,
      points: 3,
      max_points: 10,
      points_at_risk: 5,
      points_lost: 2,
    });
  });

  it('lists every carried unit of the scope with its successors, sorted by from_code', async () => {
    const m = await metrics('2025-Q4');
    // Every unit of NEW's scope whose succ(u, E) is not {u}; OLD.H1.C3 is not in the scope.
    expect(m.lineage).toEqual({
      as_of: '2025-12-31',
      split_units: [],
      carried: [
        { from_code: 'OLD', to_codes: ['NEW'] },
        { from_code: 'OLD.D1', to_codes: ['NEW.D1'] },
        { from_code: 'OLD.D2', to_codes: ['NEW.D1'] },
        { from_code: 'OLD.D3', to_codes: ['NEW.D1'] },
        { from_code: 'OLD.H1', to_codes: ['NEW.X1', 'NEW.X2'] },
        { from_code: 'OLD.H1.C1', to_codes: ['NEW.X1'] },
        { from_code: 'OLD.H1.C2', to_codes: ['NEW.X1', 'NEW.X2'] },
        { from_code: 'OLD.R1', to_codes: ['NEW.R3'] },
        { from_code: 'OLD.R2', to_codes: ['NEW.R3'] },
        { from_code: 'OTH', to_codes: ['NEW'] },
        { from_code: 'OTH.H9', to_codes: ['NEW.X2'] },
      ],
    });
  });
});

describe('the old province before and during the reorganisation', () => {
  it('2024-Q4: no lineage in effect, the tree as it stood; a department created later has no row', async () => {
    const m = await metrics('2024-Q4', 'OLD');
    // Children standing at 2024-12-31: OLD.D1, OLD.D2, OLD.H1, OLD.R1 (OLD.D3 from 2025-03-01 and
    // OLD.R2 from 2025-01-01 have not started). Tasks at D: K03 (OLD.D1, on time, completed 12-20 in
    // the period), K05 (OLD.R1, in progress, assigned 2024-09-01 before the period).
    expect(m.tasks.by_unit.map((r) => [r.unit_code, r.total, r.done_on_time, r.in_progress, r.completed])).toEqual([
      ['OLD.D1', 1, 1, 0, 1],
      ['OLD.D2', 0, 0, 0, 0],
      ['OLD.H1', 0, 0, 0, 0],
      ['OLD.R1', 1, 0, 1, 0],
    ]);
    expect(m.lineage).toEqual({ as_of: '2024-12-31', split_units: [], carried: [] });
    // The forgotten commune still counts in its own province: P1–P4 are all under OLD.H1.
    expect(m.online!.received).toBe(4);
    expect(m.online!.by_unit.map((r) => [r.unit_code, r.received])).toEqual([
      ['OLD.D1', 0],
      ['OLD.D2', 0],
      ['OLD.H1', 4],
      ['OLD.R1', 0],
    ]);
  });

  it('2025-Q1: the merged departments count in the department created on 1 March', async () => {
    const m = await metrics('2025-Q1', 'OLD');
    // E = 2025-03-31: OLD.D1, OLD.D2 → OLD.D3 (01/03) and OLD.R1 → OLD.R2 (01/01) are in effect.
    // Children with a row: OLD.D3, OLD.H1, OLD.R2 (OLD.D1, OLD.D2, OLD.R1 are carried). Universe at D:
    // K01 (OLD's own, in progress, assigned 03-01 in the period), K03 (OLD.D1 → OLD.D3, on time),
    // K04 (OLD.D2 → OLD.D3, in progress, assigned 01-15), K05 (OLD.R1 → OLD.R2, in progress),
    // K06 (OLD.H1, in progress, assigned 02-01). Tasks of 2025-04-01 are after D.
    expect(m.tasks.by_unit.map((r) => [r.unit_code, r.total, r.done_on_time, r.in_progress, r.assigned])).toEqual([
      ['OLD', 1, 0, 1, 1],
      ['OLD.D3', 2, 1, 1, 1],
      ['OLD.H1', 1, 0, 1, 1],
      ['OLD.R2', 1, 0, 1, 0],
    ]);
    expect(m.tasks.total).toBe(5);
    expect(m.lineage!.carried).toEqual([
      { from_code: 'OLD.D1', to_codes: ['OLD.D3'] },
      { from_code: 'OLD.D2', to_codes: ['OLD.D3'] },
      { from_code: 'OLD.R1', to_codes: ['OLD.R2'] },
    ]);
  });
});
