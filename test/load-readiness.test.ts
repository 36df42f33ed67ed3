/** `cchc check --period`: what a brief of the period would lack, worked out by hand from the rows below. */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Db } from '../src/db.ts';
import { checkData, loadData } from '../src/load/index.ts';
import { readinessOf } from '../src/load/readiness.ts';
import { parsePeriod } from '../src/metrics/period.ts';
import { effects, folder as baseFolder, TASKS, tempDb } from './load-helpers.ts';

const CLI = path.join(import.meta.dirname, '..', 'bin', 'cchc');
const made: string[] = [];
const folder = (files: Record<string, string | null>) => {
  const dir = baseFolder(files);
  made.push(dir);
  return dir;
};
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

// Period 2024-Q4 (October–December) of AG, the one province with units on 2024-12-31.
const FILES = {
  // AG.SNV reports October and December: November is missing. AG.STP never reports: not expected.
  'dossier_stats.csv':
    'unit_code,month,received,received_online,resolved,resolved_on_time\nAG.SNV,2024-10,10,2,9,9\nAG.SNV,2024-12,12,3,11,10\n',
  'criteria.csv':
    'year,criterion_code,area,title,max_points\n2023,1.1,direction,Kế hoạch CCHC,1\n2024,1.1,direction,Kế hoạch CCHC,1\n',
  // AG.STP was assessed in 2023 but not yet in 2024; AG.CT was assessed in 2024.
  'criteria_results.csv':
    'year,unit_code,criterion_code,status,points,assessed_on\n2023,AG.STP,1.1,achieved,1,2023-06-30\n2024,AG.CT,1.1,achieved,1,2024-06-30\n',
  // PAR_INDEX 2022 is the latest while 2023 is expected during 2024; PAPI 2023 is on time.
  'index_scores.csv':
    'index_code,period,unit_code,component,score\nPAR_INDEX,2022,AG,TOTAL,84.22\nPAPI,2023,AG,TOTAL,42.1\n',
  // T3 has no due date and has been open since 2023-06-01, more than a year before 2024-12-31.
  'tasks.csv':
    TASKS +
    'T3,,AG.SNV,,Tuyên truyền thường xuyên,direction,,2023-06-01,,,\nT4,,AG.SNV,,Mới giao,direction,,2024-06-01,,,\n',
};

describe('readiness for a brief', () => {
  it('lists the missing month, assessment, index result and the task open for over a year', async () => {
    const r = await checkData(folder(FILES), effects, { period: parsePeriod('2024-Q4') });
    expect(r.readiness).toEqual({
      period: '2024-Q4',
      unit: 'AG',
      ready: false,
      missing: [
        { what: 'dossiers', unit_code: 'AG.SNV', months: ['2024-11'] },
        { what: 'criteria', unit_code: 'AG.STP', year: 2024 },
        { what: 'indices', index_code: 'PAR_INDEX', latest: '2022', expected: '2023' },
        { what: 'tasks', task_id: 'T3', lead_unit: 'AG.SNV', assigned_on: '2023-06-01' },
      ],
    });
  });

  it('prints the report with exit 0, and in --json', () => {
    const dir = folder(FILES);
    const text = spawnSync(CLI, ['check', '--data', dir, '--period', '2024-Q4', '--format', 'table'], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(text.status).toBe(0);
    expect(text.stdout).toContain(
      'brief 2024-Q4 of AG: 4 things missing\n  dossiers: AG.SNV has no dossiers or dossier_stats for 2024-11\n',
    );
    const json = spawnSync(CLI, ['check', '--data', dir, '--period', '2024-Q4', '--unit', 'AG.SNV', '--json'], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(json.status).toBe(0);
    const out = JSON.parse(json.stdout) as { readiness: { unit: string; missing: { what: string }[] } };
    // AG.SNV's own scope: its missing month and its task; the province's index is not its own.
    expect(out.readiness.unit).toBe('AG.SNV');
    expect(out.readiness.missing.map((m) => m.what)).toEqual(['dossiers', 'tasks']);
  });

  it('asks about several briefs at once, each over its own scope, in the order given', async () => {
    const file = tempDb();
    made.push(path.dirname(path.dirname(file)));
    await loadData(folder(FILES), file, effects);
    const db = await Db.open(file, { readOnly: true });
    try {
      const all = await readinessOf(db, parsePeriod('2024-Q4'), ['AG.CT', 'AG', 'AG.SNV']);
      // By hand from FILES: the district reports no dossiers (so none are expected), was assessed in
      // 2024, has no index and leads no task; the province lacks all four; AG.SNV its month and T3.
      expect(all.map((r) => [r.unit, r.ready, r.missing.map((m) => m.what)])).toEqual([
        ['AG.CT', true, []],
        ['AG', false, ['dossiers', 'criteria', 'indices', 'tasks']],
        ['AG.SNV', false, ['dossiers', 'tasks']],
      ]);
      expect(all[2]!.missing[0]).toEqual({ what: 'dossiers', unit_code: 'AG.SNV', months: ['2024-11'] });
      expect(await readinessOf(db, parsePeriod('2024-Q4'), [])).toEqual([]);
    } finally {
      db.close();
    }
  });
});
