/**
 * computeMetrics on the hand-made fixture (test/fixtures/metrics/fixture.ts). Every expected value
 * below is worked out by hand from the fixture's rows, as of D = 2024-12-31 unless said otherwise.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Db } from '../src/db.ts';
import { CliError } from '../src/errors.ts';
import { computeMetrics, parsePeriod } from '../src/metrics/index.ts';
import type { Metrics } from '../src/metrics/types.ts';
import { buildDb, taskCounts, units } from './fixtures/metrics/fixture.ts';

let dir: string;
let db: Db;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-metrics-'));
  await buildDb(path.join(dir, 'fixture.duckdb'));
  db = await Db.open(path.join(dir, 'fixture.duckdb'), { readOnly: true });
});

afterAll(() => {
  db?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const metrics = (period: string, unit?: string): Promise<Metrics> =>
  computeMetrics(db, { period: parsePeriod(period), unit });

const counts = taskCounts;

describe('computeMetrics(db, {period, unit}) — period and scope', () => {
  it('defaults to the one province with child units and echoes the period', async () => {
    const m = await metrics('2024-Q4');
    expect(m.scope).toMatchObject({ unit_code: 'P', name: 'UBND tỉnh Thử Nghiệm', kind: 'province' });
    expect(m.period).toMatchObject({ id: '2024-Q4', start: '2024-10-01', end: '2024-12-31', as_of: '2024-12-31' });
    expect(m.period.previous).toEqual({ id: '2023-Q4', start: '2023-10-01', end: '2023-12-31' });
  });

  it('rejects an unknown unit, suggesting close codes and names without diacritics', async () => {
    await expect(metrics('2024-Q4', 'P.H3')).rejects.toThrow(/unknown unit "P.H3"; did you mean P\.H1 .*P\.H2/);
    await expect(metrics('2024-Q4', 'hoa binh')).rejects.toThrow(/did you mean P\.H1 \(UBND huyện Hòa Bình\)/);
    await expect(metrics('2024-Q4', 'p.d1')).rejects.toThrow(/did you mean P\.D1 \(Sở Một\)/);
    await expect(metrics('2024-Q4', 'ZZZZZZ')).rejects.toBeInstanceOf(CliError);
  });

  it('asks for --unit when several provinces have children', async () => {
    const file = path.join(dir, 'two-provinces.duckdb');
    await buildDb(file, {
      units: [...units, { unit_code: 'Q.D1', name: 'Sở Q', short_name: null, kind: 'department', parent_code: 'Q' }],
    });
    const other = await Db.open(file, { readOnly: true });
    try {
      await expect(computeMetrics(other, { period: parsePeriod('2024') })).rejects.toThrow(
        /several province units .*P, Q.*--unit/,
      );
      expect((await computeMetrics(other, { period: parsePeriod('2024'), unit: 'Q' })).scope.unit_code).toBe('Q');
    } finally {
      other.close();
    }
  });
});

describe('computeMetrics — tasks as of D', () => {
  it('counts each task of the universe in one state, with rates and flows', async () => {
    const { by_unit, overdue_list, due_soon_list, target, due_soon_days, ...summary } = (await metrics('2024-Q4'))
      .tasks;
    expect(due_soon_days).toBe(14);
    // T07 (assigned after D), T09 (cancelled on D) and T14 (other province) are outside.
    // on time: T01 (completed on due date), T12 (no due date), T15; late: T02 (one day), T11;
    // overdue: T08 (completed after D), T10 (cancelled after D), T13, T16; in progress: T03 (due on D), T04, T05, T06.
    expect(summary).toEqual(counts(13, 3, 2, 4, 4, 1, 2, 2));
    expect(summary.completion_rate).toBe(5 / 13);
    expect(target).toEqual({ completion_rate: 0.9, on_time_rate: null });
  });

  it('breaks down by direct child (whole subtree) plus the scope unit itself, adding up to the totals', async () => {
    const t = (await metrics('2024-Q4')).tasks;
    expect(t.by_unit.map((r) => r.unit_code)).toEqual(['P', 'P.D1', 'P.H1', 'P.H2']);
    const strip = ({ unit_code: _, name: _n, short_name: _s, kind: _k, ...rest }: Record<string, unknown>) => rest;
    expect(strip(t.by_unit[0]!)).toEqual(counts(2, 0, 1, 0, 1, 0, 1, 1)); // T08, T11
    expect(strip(t.by_unit[1]!)).toEqual(counts(5, 2, 1, 1, 1, 0, 0, 0)); // T01 T02 T03 T15 T16
    expect(strip(t.by_unit[2]!)).toEqual(counts(6, 1, 0, 3, 2, 1, 1, 1)); // T04 T05 T06 T10 T12 T13
    expect(strip(t.by_unit[3]!)).toEqual(counts(0, 0, 0, 0, 0, 0, 0, 0)); // an empty child still has its row
    expect(t.by_unit[3]!.completion_rate).toBeNull();
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
    expect(t.by_unit[1]).toMatchObject({ name: 'Sở Một', short_name: 'S1' });
  });

  it('lists overdue tasks by days overdue, then task_id, and the tasks due in the next 14 days', async () => {
    const t = (await metrics('2024-Q4')).tasks;
    expect(t.overdue_list.map((r) => [r.task_id, r.days_overdue])).toEqual([
      ['T08', 92],
      ['T13', 61],
      ['T16', 61],
      ['T10', 1],
    ]);
    expect(t.overdue_list[0]).toMatchObject({
      doc_no: '08/TB',
      lead_unit: 'P',
      title: 'Nhiệm vụ T08',
      due_on: '2024-09-30',
    });
    expect((t.due_soon_list as { task_id: string; days_left: number }[]).map((r) => [r.task_id, r.days_left])).toEqual([
      ['T04', 14],
    ]);
  });

  it('gives a district its own row and its children', async () => {
    const t = (await metrics('2024-Q4', 'P.H1')).tasks;
    expect(t.total).toBe(6);
    expect(t.by_unit.map((r) => [r.unit_code, r.total])).toEqual([
      ['P.H1', 3],
      ['P.H1.PNV', 1],
      ['P.H1.X1', 2],
    ]);
  });

  it('gives a commune with no children its own row only', async () => {
    const m = await metrics('2024-Q4', 'P.H1.X1');
    expect(m.tasks.by_unit.map((r) => [r.unit_code, r.total, r.overdue, r.in_progress])).toEqual([
      ['P.H1.X1', 2, 1, 1],
    ]); // T06, T13
    expect(m.online!.by_unit.map((r) => [r.unit_code, r.received, r.received_online, r.online_ratio_eligible])).toEqual(
      [['P.H1.X1', 11, 5, null]],
    ); // D05 + stats
  });

  it('gives zeros and null rates for an empty universe', async () => {
    const t = (await metrics('2024-Q4', 'P.H2')).tasks;
    expect(t).toMatchObject({ ...counts(0, 0, 0, 0, 0, 0, 0, 0), by_unit: [], overdue_list: [] });
  });

  it('moves with D: as of 2024-06-30 T01 is done on time and T02 still in progress', async () => {
    const t = (await metrics('2024-06', 'P.D1')).tasks;
    // Universe T01 T02 T03 T09 (cancelled later) T16; T15 is assigned later. T02 is due on D and done after it.
    expect(t).toMatchObject(counts(5, 1, 0, 4, 0, 0, 0, 1));
  });
});

describe('computeMetrics — online services', () => {
  it('adds dossiers and dossier_stats, with record-level-only ratios from dossiers', async () => {
    const { by_unit, monthly, previous, delta, target, ...o } = (await metrics('2024-Q4')).online!;
    expect(o).toMatchObject({
      received: 21, // D01 D02 D03 D05 D06 D11 + stats 10 + 5
      received_online: 11, // D01 D05 + 4 + 5
      online_ratio: 11 / 21,
      online_ratio_eligible: 1 / 4, // D01 of D01 D02 D06 D11
      resolved: 12, // D01 D02 D04 D06 + 8
      resolved_on_time: 9, // D01 (on its due date) D04 D06 (no due date) + 6
      on_time_rate: 0.75,
      online_payment_ratio: 0.5, // D01 D04 of 4 resolved dossiers
    });
    expect(previous).toMatchObject({
      received: 6,
      received_online: 2,
      online_ratio: 1 / 3,
      online_ratio_eligible: 0.5,
      resolved: 6,
      resolved_on_time: 3,
      on_time_rate: 0.5,
      online_payment_ratio: 0,
    });
    // No row carries a fully-online value: the ratio and its change are null.
    expect(o.full_online_ratio).toBeNull();
    // The changes worked out here; every figure the catalogue gives a delta adds its own key.
    expect(delta).toMatchObject({
      online_ratio: 11 / 21 - 1 / 3,
      online_ratio_eligible: -0.25,
      on_time_rate: 0.25,
      online_payment_ratio: 0.5,
      full_online_ratio: null,
    });
    expect(target.online_ratio).toBe(0.8);
  });

  it('breaks down by unit, with the scope unit own row and stats-only units', async () => {
    const o = (await metrics('2024-Q4')).online!;
    const pick = (r: Record<string, unknown>) => [
      r.unit_code,
      r.received,
      r.received_online,
      r.online_ratio,
      r.online_ratio_eligible,
      r.resolved,
      r.resolved_on_time,
      r.on_time_rate,
      r.online_payment_ratio,
    ];
    expect(o.by_unit.map(pick)).toEqual([
      ['P', 1, 0, 0, 0, 0, 0, null, null],
      ['P.D1', 3, 1, 1 / 3, 0.5, 2, 1, 0.5, 0.5],
      ['P.H1', 12, 5, 5 / 12, 0, 10, 8, 0.8, 0.5],
      ['P.H2', 5, 5, 1, null, 0, 0, null, null],
    ]);
  });

  it('has one row for every month of the period', async () => {
    const o = (await metrics('2024-Q4')).online!;
    const pick = (r: Record<string, unknown>) => [
      r.month,
      r.received,
      r.received_online,
      r.online_ratio_eligible,
      r.resolved,
      r.resolved_on_time,
      r.online_payment_ratio,
    ];
    expect(o.monthly.map(pick)).toEqual([
      ['2024-10', 2, 1, 0.5, 3, 2, 2 / 3],
      ['2024-11', 11, 4, 0, 9, 7, 0],
      ['2024-12', 8, 6, 0, 0, 0, null],
    ]);
    expect((await metrics('2024', 'P.H2')).online!.monthly).toHaveLength(12);
  });

  it('gives zeros and null ratios for a period with no rows, and record-level ratios null with stats only', async () => {
    const empty = (await metrics('2022-Q1')).online!;
    expect(empty).toMatchObject({
      received: 0,
      received_online: 0,
      online_ratio: null,
      resolved: 0,
      on_time_rate: null,
      online_payment_ratio: null,
    });
    expect(empty.delta).toMatchObject({
      online_ratio: null,
      online_ratio_eligible: null,
      on_time_rate: null,
      online_payment_ratio: null,
      full_online_ratio: null,
    });
    const statsOnly = (await metrics('2024-12', 'P.H2')).online!;
    expect(statsOnly).toMatchObject({
      received: 5,
      received_online: 5,
      online_ratio: 1,
      online_ratio_eligible: null,
      online_payment_ratio: null,
    });
  });

  it('averages the calendar days from receipt to resolution over the dossiers resolved, never over dossier_stats', async () => {
    const o = (await metrics('2024-Q4')).online!;
    // Resolved in 2024-Q4: D01 10-01 → 10-10 (9 days), D02 10-05 → 10-11 (6), D04 09-30 → 10-02 (2: received
    // before the start, resolved in it), D06 11-10 → 11-20 (10). D05 is resolved after D; the stats rows
    // (P.H1.X1 8 resolved in 2024-11) carry no dates. (9 + 6 + 2 + 10) / 4 = 27 / 4 = 6.75.
    expect(o.avg_resolution_days).toBe(6.75);
    // Cùng kỳ 2023-Q4: D09 10-02 → 10-12 (10), D10 11-01 → 11-09 (8): 18 / 2 = 9; the change 6.75 − 9 = −2.25.
    expect(o.previous.avg_resolution_days).toBe(9);
    expect(o.delta.avg_resolution_days).toBe(-2.25);
    // P itself resolved nothing (D11 is open); P.D1: D01 D02, (9 + 6) / 2 = 7.5; P.H1: D04 D06, (2 + 10) / 2 = 6;
    // P.H2 reports dossier_stats only.
    expect(o.by_unit.map((r) => [r.unit_code, r.avg_resolution_days])).toEqual([
      ['P', null],
      ['P.D1', 7.5],
      ['P.H1', 6],
      ['P.H2', null],
    ]);
    // October: D01 D02 D04, (9 + 6 + 2) / 3 = 17 / 3; November: D06, 10; December: nothing resolved.
    expect(o.monthly.map((r) => r.avg_resolution_days)).toEqual([17 / 3, 10, null]);
    expect((await metrics('2024-12', 'P.H2')).online!.avg_resolution_days).toBeNull();
  });

  it('takes the target of the unit, else the nearest ancestor, else the province-wide row, for the year of the end', async () => {
    expect((await metrics('2024-Q4', 'P.H1.X1')).online!.target.online_ratio).toBe(0.6);
    expect((await metrics('2024-Q4', 'P.H1')).online!.target.online_ratio).toBe(0.6);
    expect((await metrics('2024-Q4', 'P.D1')).online!.target.online_ratio).toBe(0.8);
    expect((await metrics('2023-Q4')).online!.target.online_ratio).toBe(0.7);
    expect((await metrics('2025-Q1')).online!.target.online_ratio).toBeNull();
  });

  it('is null only when neither dossiers nor dossier_stats exists', async () => {
    const none = path.join(dir, 'no-online.duckdb');
    await buildDb(none, { units });
    const headerOnly = path.join(dir, 'header-only.duckdb');
    await buildDb(headerOnly, { units }, ['dossiers']);
    for (const [file, expected] of [
      [none, null],
      [headerOnly, { received: 0, online_ratio: null }],
    ] as const) {
      const other = await Db.open(file, { readOnly: true });
      try {
        const m = await computeMetrics(other, { period: parsePeriod('2024') });
        if (expected === null) expect(m.online).toBeNull();
        else {
          expect(m.online).toMatchObject(expected);
          expect(m.data).toEqual({
            rows: { dossiers: 0 },
            files: [{ table_name: 'dossiers', file: 'dossiers.csv', format: 'csv', rows: 0 }],
            loaded_at: null,
            fingerprint: null,
            sample: false,
          });
        }
        expect(m.tasks.total).toBe(0);
        expect(m.indices).toEqual([]);
        expect(m.criteria).toEqual([]);
      } finally {
        other.close();
      }
    }
  });
});

describe('computeMetrics — indices', () => {
  it('takes the latest period on or before D, ranks among units of the same kind, and compares with the previous period', async () => {
    const m = await metrics('2024-Q4');
    const key = (r: { unit_code: string; index_code: string; component: string }) =>
      `${r.unit_code} ${r.index_code} ${r.component}`;
    expect(m.indices.map(key)).toEqual([
      'P DVC766 TOTAL',
      'P PAPI D1',
      'P PAPI TOTAL',
      'P PAR_INDEX TOTAL',
      'P.H1 SIPAS TOTAL',
      'P.H2 SIPAS TOTAL',
    ]);
    const byKey = Object.fromEntries(m.indices.map((r) => [key(r), r]));
    // PAPI 2025 is dated 2025-12-31, after D; 2023 P and R tie at 40 behind Q.
    expect(byKey['P PAPI TOTAL']).toMatchObject({
      period: '2024',
      score: 42,
      rank: 2,
      rank_of: 3,
      rank_computed: true,
      prev_period: '2023',
      prev_score: 40,
      prev_rank: 2,
      delta: 2,
      rank_delta: 0,
      improved: true,
      peer_median: 42,
    });
    expect(byKey['P PAPI TOTAL']!.series).toEqual([
      { period: '2023', score: 40, rank: 2, rank_of: 3 },
      { period: '2024', score: 42, rank: 2, rank_of: 3 },
    ]);
    // Q and P tie at 5: both rank 1; no previous period.
    expect(byKey['P PAPI D1']).toMatchObject({
      rank: 1,
      rank_of: 3,
      prev_period: null,
      prev_score: null,
      prev_rank: null,
      delta: null,
      rank_delta: null,
      improved: null,
    });
    // Published ranks; rank_delta null because the rank_of differ (none, then 63); delta without float noise.
    expect(byKey['P PAR_INDEX TOTAL']).toMatchObject({
      period: '2023',
      score: 81.32,
      rank: 63,
      rank_of: 63,
      rank_computed: false,
      prev_period: '2019',
      prev_rank: 11,
      delta: -2,
      rank_delta: null,
      improved: false,
    });
    // Monthly index: 2024-12 has no published rank, computed 1 of 1.
    expect(byKey['P DVC766 TOTAL']).toMatchObject({
      period: '2024-12',
      rank: 1,
      rank_of: 1,
      rank_computed: true,
      prev_period: '2024-11',
      prev_rank: 9,
      delta: 1.5,
      rank_delta: null,
    });
    expect(byKey['P.H1 SIPAS TOTAL']).toMatchObject({ rank: 2, rank_of: 2 });
    expect(byKey['P.H2 SIPAS TOTAL']).toMatchObject({ rank: 1, rank_of: 2 });
  });

  it('dates monthly periods by their last day', async () => {
    const dvc = (await metrics('2024-11')).indices.find((r) => r.index_code === 'DVC766')!;
    expect(dvc).toMatchObject({
      period: '2024-11',
      rank: 9,
      rank_of: 63,
      rank_computed: false,
      prev_period: '2024-10',
      delta: 5.5,
      rank_delta: 3,
      improved: true,
    });
    expect(dvc.series.map((p) => p.period)).toEqual(['2024-10', '2024-11']);
    expect(
      (await metrics('2024')).indices.find((r) => r.index_code === 'PAPI' && r.component === 'TOTAL')!.period,
    ).toBe('2024');
    expect(
      (await metrics('2024-11')).indices.find((r) => r.index_code === 'PAPI' && r.component === 'TOTAL')!.period,
    ).toBe('2023');
  });

  it('lists the scope unit among its peers', async () => {
    const papi = (
      (await metrics('2024-Q4')).index_rankings as {
        index_code: string;
        units: { unit_code: string; rank: number }[];
      }[]
    ).find((r) => r.index_code === 'PAPI')!;
    expect(papi.units.map((u) => [u.unit_code, u.rank])).toEqual([
      ['R', 1],
      ['P', 2],
      ['Q', 3],
    ]);
  });

  it('is [] when nothing applies', async () => {
    expect((await metrics('2018')).indices).toEqual([]);
    expect((await metrics('2024-Q4', 'P.D1')).indices).toEqual([]);
  });
});

describe('computeMetrics — PAR criteria', () => {
  it('counts the latest result per criterion on or before D, and criteria without one by due date', async () => {
    const c = (await metrics('2024-Q4')).criteria;
    const strip = ({ by_area: _, name: _n, short_name: _s, kind: _k, ...rest }: Record<string, unknown>) => rest;
    expect(c.map(strip)).toEqual([
      // C1 not_achieved 0.5 (the 2024-12-01 result; the 2025 one is after D), C2 in_progress with empty
      // points, C3 no result and due after D: not_due, C4 achieved on D, C5 no result, no due date: in_progress.
      {
        year: 2024,
        unit_code: 'P.H1',
        total: 5,
        achieved: 1,
        not_achieved: 1,
        in_progress: 2,
        not_due: 1,
        points: 2,
        max_points: 11.75,
        points_at_risk: 8.25,
        points_lost: 1.5,
        rank: 2,
      },
      // C4 is due on D without a result: in_progress.
      {
        year: 2024,
        unit_code: 'P.H1.X1',
        total: 5,
        achieved: 1,
        not_achieved: 0,
        in_progress: 3,
        not_due: 1,
        points: 2,
        max_points: 11.75,
        points_at_risk: 9.75,
        points_lost: 0,
        rank: 2,
      },
      // 2 + 1.6 + 0.1 without float noise; C4 not_achieved with empty points counts 0.
      {
        year: 2024,
        unit_code: 'P.H2',
        total: 5,
        achieved: 3,
        not_achieved: 1,
        in_progress: 0,
        not_due: 1,
        points: 3.7,
        max_points: 11.75,
        points_at_risk: 5,
        points_lost: 3.05,
        rank: 1,
      },
    ]);
    expect(c[0]!.by_area).toEqual([
      {
        area: 'direction',
        total: 2,
        achieved: 0,
        not_achieved: 1,
        in_progress: 1,
        not_due: 0,
        points: 0.5,
        max_points: 5,
        points_at_risk: 3,
        points_lost: 1.5,
      },
      {
        area: 'institutions',
        total: 1,
        achieved: 0,
        not_achieved: 0,
        in_progress: 0,
        not_due: 1,
        points: 0,
        max_points: 5,
        points_at_risk: 5,
        points_lost: 0,
      },
      {
        area: 'procedures',
        total: 2,
        achieved: 1,
        not_achieved: 0,
        in_progress: 1,
        not_due: 0,
        points: 1.5,
        max_points: 1.75,
        points_at_risk: 0.25,
        points_lost: 0,
      },
    ]);
  });

  it('adds the entries up, and gives the points at risk per unit rather than only their sum', async () => {
    const t = (await metrics('2024-Q4')).criteria_totals!;
    // By hand from the three entries above: 8,25 + 9,75 + 5 = 23 points at risk, each out of 11,75.
    expect([t.total, t.points_at_risk, t.max_points, t.units]).toEqual([15, 23, 35.25, 3]);
    expect(t.points_at_risk_per_unit).toBeCloseTo(23 / 3, 12);
  });

  it('uses the year of the period end and only results assessed by D', async () => {
    expect(
      (await metrics('2023', 'P.H1')).criteria.map((e) => [
        e.year,
        e.unit_code,
        e.total,
        e.achieved,
        e.points,
        e.max_points,
      ]),
    ).toEqual([[2023, 'P.H1', 1, 1, 10, 10]]);
    // As of 2024-06-30: C1 achieved (2024-06-01); C3 and C4 not yet due; C2 and C5 no due date: in progress.
    const mid = (await metrics('2024-06', 'P.H1')).criteria;
    expect(mid.map((e) => [e.unit_code, e.achieved, e.points, e.not_due, e.in_progress, e.rank])).toEqual([
      ['P.H1', 1, 2, 2, 2, 1],
      ['P.H1.X1', 1, 2, 2, 2, 1],
    ]);
    expect((await metrics('2024-Q4', 'P.D1')).criteria).toEqual([]);
  });
});
