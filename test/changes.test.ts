/**
 * "Những thay đổi kể từ kỳ trước": queries/changes.sql and metrics.json `changes` on a small
 * hand-made database; every expected value is worked out by hand in the comments.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Db } from '../src/db.ts';
import { computeMetrics } from '../src/metrics/index.ts';
import { parsePeriod, precedingPeriod } from '../src/metrics/period.ts';
import { buildDb } from './fixtures/metrics/fixture.ts';

const unit = (
  unit_code: string,
  name: string,
  kind: string,
  parent_code: string | null,
  valid_from: string | null = null,
) => ({
  unit_code,
  name,
  short_name: null,
  kind,
  parent_code,
  valid_from,
});
const task = (
  task_id: string,
  lead_unit: string,
  assigned_on: string,
  due_on: string | null,
  completed_on: string | null,
  cancelled_on: string | null = null,
) => ({
  task_id,
  doc_no: `${task_id}/TB`,
  lead_unit,
  title: `Nhiệm vụ ${task_id}`,
  area: 'direction',
  assigned_on,
  due_on,
  completed_on,
  cancelled_on,
});
const dossier = (id: string, unit_code: string, channel: string, received_on: string) => ({
  dossier_id: id,
  unit_code,
  channel,
  online_eligible: true,
  received_on,
  due_on: null,
  resolved_on: null,
  paid_online: null,
});

const TABLES = {
  units: [
    unit('T', 'UBND tỉnh Thử', 'province', null),
    unit('T.H1', 'UBND huyện Một', 'district', 'T'),
    unit('T.H2', 'UBND huyện Hai', 'district', 'T'),
    unit('T.NEW', 'UBND huyện Mới', 'district', 'T', '2024-10-01'),
  ],
  tasks: [
    // P = 2024-09-30 (end of 2024-Q3), E = 2024-12-31 (end of 2024-Q4).
    task('K1', 'T.H1', '2024-08-01', '2024-10-15', '2024-11-01'), // in progress at P, done late by E: completed
    task('K2', 'T.H1', '2024-08-01', '2024-11-30', null), // in progress at P, overdue at E: became overdue
    task('K3', 'T.H2', '2024-07-01', '2024-09-01', null), // overdue at P and at E: not a change
    task('K4', 'T.H2', '2024-10-10', '2025-01-31', null), // assigned in Q4, in progress: assigned
    task('K5', 'T', '2024-10-05', '2024-10-20', '2024-10-18'), // assigned and completed in Q4: both
    task('K6', 'T.H1', '2024-10-05', '2024-10-06', null, '2024-11-01'), // cancelled by E: nowhere
    task('K7', 'T.H2', '2024-10-01', '2024-12-01', null), // not assigned at P, overdue at E: assigned and overdue
    task('K8', 'T.H1', '2024-02-01', '2024-05-01', '2024-09-29'), // completed before P: not a change
  ],
  dossiers: [
    // 2024-Q3: 4 received, 1 online → 0,25. 2024-Q4: 4 received, 3 online → 0,75. Change +0,5.
    dossier('D1', 'T.H1', 'online', '2024-07-10'),
    dossier('D2', 'T.H1', 'counter', '2024-08-10'),
    dossier('D3', 'T.H2', 'counter', '2024-09-10'),
    dossier('D4', 'T.H2', 'post', '2024-09-30'),
    dossier('D5', 'T.H1', 'online', '2024-10-01'),
    dossier('D6', 'T.H1', 'online', '2024-11-10'),
    dossier('D7', 'T.H2', 'online', '2024-12-31'),
    dossier('D8', 'T.H2', 'counter', '2024-12-01'),
  ],
  index_scores: [
    // Dated by period: 2024-09 → 30/9 (not after P), 2024-10 → 31/10, 2024-11 → 30/11, 2024 → 31/12,
    // 2023 → 31/12/2023.
    {
      index_code: 'DVC766',
      period: '2024-09',
      unit_code: 'T',
      component: 'TOTAL',
      score: 70,
      max_score: 100,
      rank: 10,
      rank_of: 63,
    },
    {
      index_code: 'DVC766',
      period: '2024-10',
      unit_code: 'T',
      component: 'TOTAL',
      score: 72.5,
      max_score: 100,
      rank: 8,
      rank_of: 63,
    },
    {
      index_code: 'DVC766',
      period: '2024-11',
      unit_code: 'T',
      component: 'TOTAL',
      score: 73,
      max_score: 100,
      rank: 7,
      rank_of: 63,
    },
    {
      index_code: 'PAR_INDEX',
      period: '2024',
      unit_code: 'T.H1',
      component: 'TOTAL',
      score: 70,
      max_score: 100,
      rank: null,
      rank_of: null,
    },
    {
      index_code: 'PAR_INDEX',
      period: '2023',
      unit_code: 'T',
      component: 'TOTAL',
      score: 80,
      max_score: 100,
      rank: null,
      rank_of: null,
    },
    {
      index_code: 'PAR_INDEX',
      period: '2024',
      unit_code: 'T',
      component: 'TOTAL',
      score: 84.1,
      max_score: 100,
      rank: null,
      rank_of: null,
    },
    {
      index_code: 'PAR_INDEX',
      period: '2025',
      unit_code: 'T',
      component: 'TOTAL',
      score: 90,
      max_score: 100,
      rank: null,
      rank_of: null,
    }, // after E
  ],
  criteria: [
    {
      year: 2024,
      criterion_code: 'C1',
      area: 'direction',
      title: 'Kế hoạch CCHC',
      max_points: 2,
      lead_unit: null,
      due_on: '2024-12-15',
    },
    {
      year: 2024,
      criterion_code: 'C2',
      area: 'direction',
      title: 'Báo cáo CCHC',
      max_points: 1,
      lead_unit: null,
      due_on: '2024-12-15',
    },
  ],
  criteria_results: [
    {
      year: 2024,
      unit_code: 'T.H1',
      criterion_code: 'C1',
      status: 'in_progress',
      points: 0,
      assessed_on: '2024-06-30',
    },
    { year: 2024, unit_code: 'T.H1', criterion_code: 'C1', status: 'achieved', points: 2, assessed_on: '2024-11-15' }, // in_progress → achieved
    {
      year: 2024,
      unit_code: 'T.H1',
      criterion_code: 'C2',
      status: 'not_achieved',
      points: 0,
      assessed_on: '2024-09-15',
    }, // before P only
    { year: 2024, unit_code: 'T.H2', criterion_code: 'C2', status: 'achieved', points: 1, assessed_on: '2024-10-02' }, // first result: null → achieved
    {
      year: 2024,
      unit_code: 'T.H2',
      criterion_code: 'C1',
      status: 'in_progress',
      points: 0,
      assessed_on: '2024-08-01',
    },
    {
      year: 2024,
      unit_code: 'T.H2',
      criterion_code: 'C1',
      status: 'in_progress',
      points: 0,
      assessed_on: '2024-12-01',
    }, // re-assessed, same status
  ],
};

let dir: string;
let db: Db;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-changes-'));
  await buildDb(path.join(dir, 'c.duckdb'), TABLES);
  db = await Db.open(path.join(dir, 'c.duckdb'), { readOnly: true });
});
afterAll(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('precedingPeriod: the previous period of the same kind', () => {
  it('steps back one month, quarter, half or year; year-to-date steps back a quarter, 3M to the previous year', () => {
    const prev = (id: string) => precedingPeriod(parsePeriod(id)).id;
    expect([
      prev('2025-01'),
      prev('2024-11'),
      prev('2025-Q1'),
      prev('2024-Q3'),
      prev('2025-H1'),
      prev('2024-H2'),
      prev('2024'),
    ]).toEqual(['2024-12', '2024-10', '2024-Q4', '2024-Q2', '2024-H2', '2024-H1', '2023']);
    expect([prev('2024-9M'), prev('2024-6M'), prev('2024-3M')]).toEqual(['2024-6M', '2024-3M', '2023']);
  });
});

describe('metrics.json changes (queries/changes.sql)', () => {
  it('counts tasks completed, became overdue and assigned since the previous quarter, and lists the overdue ones', async () => {
    const { changes } = await computeMetrics(db, { period: parsePeriod('2024-Q4'), unit: 'T' });
    expect(changes!.previous).toEqual({ id: '2024-Q3', start: '2024-07-01', end: '2024-09-30' });
    expect([changes!.since, changes!.until, changes!.no_previous_reason]).toEqual(['2024-09-30', '2024-12-31', null]);
    const t = changes!.tasks;
    // Completed K1, K5; became overdue K2, K7; assigned K4, K5, K7 (K5 counts twice, K6 is cancelled).
    expect([t.completed, t.became_overdue, t.assigned]).toEqual([2, 2, 3]);
    // K2 was in progress at P and its due date 30/11 passed; K7 was not yet assigned at P.
    expect(t.became_overdue_list).toEqual([
      {
        task_id: 'K2',
        doc_no: 'K2/TB',
        lead_unit: 'T.H1',
        title: 'Nhiệm vụ K2',
        assigned_on: '2024-08-01',
        due_on: '2024-11-30',
        state_before: 'in_progress',
      },
      {
        task_id: 'K7',
        doc_no: 'K7/TB',
        lead_unit: 'T.H2',
        title: 'Nhiệm vụ K7',
        assigned_on: '2024-10-01',
        due_on: '2024-12-01',
        state_before: null,
      },
    ]);
  });

  it('agrees with the period flows when the previous period ends the day before this one starts', async () => {
    // A second route to the same figures: tasks.sql counts completed and assigned within the period.
    const m = await computeMetrics(db, { period: parsePeriod('2024-Q4'), unit: 'T' });
    expect([m.changes!.tasks.completed, m.changes!.tasks.assigned]).toEqual([m.tasks.completed, m.tasks.assigned]);
    expect(m.changes!.online!.online_ratio).toBe(m.online!.online_ratio);
    // For a year the previous period of the same kind is the comparison period (cùng kỳ) of online.sql.
    const y = await computeMetrics(db, { period: parsePeriod('2024'), unit: 'T' });
    expect(y.changes!.online!.previous_online_ratio).toBe(y.online!.previous.online_ratio);
  });

  it('gives the online ratio of both quarters and its change', async () => {
    const { changes } = await computeMetrics(db, { period: parsePeriod('2024-Q4'), unit: 'T' });
    expect(changes!.online).toEqual({ online_ratio: 0.75, previous_online_ratio: 0.25, delta: 0.5 });
  });

  it('names the latest of each index total of the scope, counts the other scores, and counts changed criteria', async () => {
    const { changes } = await computeMetrics(db, { period: parsePeriod('2024-Q4'), unit: 'T' });
    // Dated in (30/9, 31/12]: DVC766 2024-10 and 2024-11 of T, PAR_INDEX 2024 of T and of T.H1. The
    // latest totals of T itself: DVC766 2024-11 and PAR_INDEX 2024 (rank computed: 1 of 1 province);
    // the other two are DVC766 2024-10 and T.H1's PAR_INDEX.
    expect(
      changes!.indices.latest_totals.map((i) => [i.index_code, i.period, i.score, i.rank, i.rank_of, i.rank_computed]),
    ).toEqual([
      ['DVC766', '2024-11', 73, 7, 63, false],
      ['PAR_INDEX', '2024', 84.1, 1, 1, true],
    ]);
    expect(changes!.indices.other).toBe(2);
    // T.H1 C1 in_progress → achieved (15/11) and T.H2 C2 first assessed, achieved (2/10); T.H2 C1 was
    // re-assessed with the same status and T.H1 C2 only before P: not changes.
    expect(changes!.criteria).toEqual({
      changed: 2,
      units: 2,
      by_status: { achieved: 2, not_achieved: 0, in_progress: 0, not_due: 0 },
    });
  });

  it('counts only the scope: a district sees its own tasks', async () => {
    const { changes } = await computeMetrics(db, { period: parsePeriod('2024-Q4'), unit: 'T.H2' });
    const t = changes!.tasks;
    // K7 assigned in Q4 and overdue at E; K4 assigned in Q4; K3 overdue at both ends.
    expect([t.completed, t.became_overdue, t.assigned]).toEqual([0, 1, 2]);
    expect(t.became_overdue_list.map((x) => x.task_id)).toEqual(['K7']);
    expect(changes!.online).toEqual({ online_ratio: 0.5, previous_online_ratio: 0, delta: 0.5 });
  });

  it('has no previous period for a unit that did not exist then, or when the data holds nothing that early', async () => {
    const fresh = (await computeMetrics(db, { period: parsePeriod('2024-Q4'), unit: 'T.NEW' })).changes!;
    expect(fresh).toMatchObject({
      previous: null,
      no_previous_reason: 'the unit did not exist at the end of 2024-Q3',
      indices: { latest_totals: [], other: 0 },
      criteria: { changed: 0, units: 0 },
    });
    // 2023-Q3 looks back to 30/6/2023: no task assigned, no dossier, no index dated, no result by then.
    const early = (await computeMetrics(db, { period: parsePeriod('2023-Q3'), unit: 'T' })).changes!;
    expect(early).toMatchObject({
      previous: null,
      no_previous_reason: 'the data holds nothing for the scope up to the end of 2023-Q2',
    });
  });
});
