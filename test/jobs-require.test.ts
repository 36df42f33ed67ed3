/**
 * Jobs that `require` data hold the briefs that lack it (exit 6), on a real loaded DuckDB with
 * real Chromium. The data, by hand: old An Giang with two districts reporting dossier_stats from
 * July 2024; Long Xuyên reports every month of 2024-Q4, Tri Tôn has no November 2024.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { program, report } from '../src/cli/main.ts';
import { fixedClock } from '../src/effects.ts';
import { CliError, EXIT } from '../src/errors.ts';
import { runCommand, runsCommand } from '../src/jobs/cli.ts';
import { readJob } from '../src/jobs/config.ts';
import type { JobDeps } from '../src/jobs/deps.ts';
import { productionDeps } from '../src/jobs/production.ts';
import { historyFile } from '../src/jobs/run.ts';
import { runBrief } from '../src/render/run.ts';
import { fakeSession } from './jobs-fixture.ts';
import { tempDir } from './tmp.ts';

const UNITS = [
  'unit_code,name,short_name,kind,parent_code',
  'AG,UBND tỉnh An Giang,An Giang,province,',
  'AG.LX,UBND TP Long Xuyên,Long Xuyên,district,AG',
  'AG.TT,UBND huyện Tri Tôn,Tri Tôn,district,AG',
].join('\n');
const months = (unit: string, list: string[]) => list.map((m) => `${unit},${m},10,4,9,8`).join('\n');
const Q3 = ['2024-07', '2024-08', '2024-09'];
const stats = (tt: string[]) =>
  [
    'unit_code,month,received,received_online,resolved,resolved_on_time',
    months('AG.LX', [...Q3, '2024-10', '2024-11', '2024-12']),
    months('AG.TT', [...Q3, ...tt]),
  ].join('\n') + '\n';

let root: string;
let deps: JobDeps;
let out: string[];
let logged: string[];
const NOTE = 'báo cáo được lập khi dữ liệu chưa đầy đủ';
const TT_LINE = 'UBND huyện Tri Tôn: chưa có số liệu hồ sơ thủ tục hành chính tháng 11/2024';

function writeData(tt: string[]) {
  fs.writeFileSync(path.join(root, 'data', 'units.csv'), UNITS + '\n');
  fs.writeFileSync(path.join(root, 'data', 'tasks.csv'), 'task_id,lead_unit,title,area,assigned_on\n');
  fs.writeFileSync(path.join(root, 'data', 'dossier_stats.csv'), stats(tt));
}

function writeJob(name: string, spec: Record<string, unknown>) {
  fs.writeFileSync(
    path.join(root, 'jobs', `${name}.json`),
    JSON.stringify({ name, schedule: '0 7 6 1,4,7,10 *', period: 'previous-quarter', ...spec }),
  );
}

const finished = () =>
  fs
    .readFileSync(historyFile(deps), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l))
    .filter((r) => r.event === 'finished');

const run = (job: string, opts: { force?: boolean } = {}, d = deps) =>
  runCommand(job, { period: '2024-Q4', ...opts }, (s) => out.push(s), d);

beforeEach(() => {
  root = tempDir('cchc-jobs-require-');
  for (const d of ['data', 'jobs']) fs.mkdirSync(path.join(root, d));
  writeData(['2024-10', '2024-12']);
  writeJob('dq', { units: 'children-of:AG', unit_kinds: ['district'], require: ['dossiers'] });
  out = [];
  logged = [];
  const logger = { info: (m: string) => void logged.push(m), warn: (m: string) => void logged.push(m) };
  deps = { ...productionDeps(root, logger), clock: fixedClock('2025-01-06T01:00:00Z') };
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe('a job that requires dossiers, Tri Tôn lacking November 2024', () => {
  it('renders Long Xuyên, holds Tri Tôn with exit 6 and records which unit lacks which month', async () => {
    const err = await run('dq').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CliError);
    expect((err as CliError).exitCode).toBe(EXIT.held);
    expect((err as CliError).message).toContain(
      '1 of 2 briefs held, the data the job requires (dossiers) is incomplete:\n  AG.TT: dossiers: AG.TT has no dossiers or dossier_stats for 2024-11',
    );
    expect(out).toEqual(['out/dq/2024-Q4/AG.LX']);
    // The log names the folder the officer opens, never the hidden staging folder it was written in.
    expect(logged.filter((l) => l.includes('.staging'))).toEqual([]);
    expect(logged).toContain(`dq 2024-Q4: 1 brief published in ${path.join(root, 'out', 'dq', '2024-Q4')}`);
    const dir = path.join(root, 'out', 'dq', '2024-Q4');
    expect(fs.existsSync(path.join(dir, 'AG.LX', 'brief.pdf'))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'AG.TT'))).toBe(false);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'run.json'), 'utf8'))).toMatchObject({
      status: 'partial',
      units: ['AG.LX'],
      held_units: ['AG.TT'],
    });
    expect(finished()).toMatchObject([
      {
        status: 'partial',
        exit_code: 6,
        units: ['AG.LX', 'AG.TT'],
        held: [{ unit: 'AG.TT', missing: [{ what: 'dossiers', unit_code: 'AG.TT', months: ['2024-11'] }] }],
      },
    ]);
    let table = '';
    runsCommand({ last: '1', json: false }, (s) => (table += s), deps);
    expect(table).toMatch(/partial +6 +2 +dossiers: AG\.TT has no dossiers or dossier_stats for 2024-11/);
    const json: string[] = [];
    runsCommand({ last: '1', json: true }, (s) => json.push(s), deps);
    expect(JSON.parse(json[0]!)[0].held).toEqual([
      { unit: 'AG.TT', missing: [{ what: 'dossiers', unit_code: 'AG.TT', months: ['2024-11'] }] },
    ]);
  }, 120_000);

  it('--force renders both, Tri Tôn’s brief opening with a note of the missing month', async () => {
    await run('dq', { force: true });
    const dir = path.join(root, 'out', 'dq', '2024-Q4');
    expect(fs.existsSync(path.join(dir, 'AG.TT', 'brief.pdf'))).toBe(true);
    const tt = fs.readFileSync(path.join(dir, 'AG.TT', 'brief.html'), 'utf8');
    expect(tt).toContain(`<strong>Lưu ý:</strong> ${NOTE}:`);
    expect(tt).toContain(`<li>${TT_LINE}</li>`);
    expect(fs.readFileSync(path.join(dir, 'AG.LX', 'brief.html'), 'utf8')).not.toContain(NOTE);
    expect(finished()).toMatchObject([{ status: 'ok', exit_code: 0, forced: [{ unit: 'AG.TT' }] }]);
    expect(finished()[0].held).toBeUndefined();
  }, 120_000);

  it('with complete data renders every brief, exit 0, nothing held', async () => {
    writeData(['2024-10', '2024-11', '2024-12']);
    await run('dq', {}, { ...deps, openSession: fakeSession() });
    expect(out).toEqual(['out/dq/2024-Q4/AG.LX', 'out/dq/2024-Q4/AG.TT']);
    expect(finished()).toMatchObject([{ status: 'ok', exit_code: 0 }]);
    expect(finished()[0].held).toBeUndefined();
  }, 120_000);

  it('a job whose every unit is held renders and publishes nothing: status held, exit 6', async () => {
    writeJob('tt', { units: ['AG.TT'], require: ['dossiers', 'criteria'] });
    const err = await run('tt', {}, { ...deps, openSession: fakeSession() }).catch((e: unknown) => e);
    expect((err as CliError).exitCode).toBe(EXIT.held);
    expect(fs.existsSync(path.join(root, 'out', 'tt'))).toBe(false);
    expect(finished()).toMatchObject([{ status: 'held', exit_code: 6, outputs: [], held: [{ unit: 'AG.TT' }] }]);
  }, 120_000);
});

describe('require in job files and cchc brief --require', () => {
  it('names the bad key and what is allowed', () => {
    const err = (require: unknown) => {
      writeJob('bad', { units: 'province', require });
      try {
        readJob(path.join(root, 'jobs', 'bad.json'), path.join(root, 'out'));
      } catch (e) {
        return (e as Error).message.replace(root, '<root>');
      }
      return 'no error';
    };
    expect(err(['dossier'])).toBe(
      '<root>/jobs/bad.json: require.0: must be a list of dossiers, criteria, indices, tasks; did you mean "dossiers"?',
    );
    expect(err(['dossiers', 'zzz'])).toBe(
      '<root>/jobs/bad.json: require.1: must be a list of dossiers, criteria, indices, tasks',
    );
    expect(err('dossiers')).toMatch(/require: must be a list of dossiers, criteria, indices, tasks/);
    expect(err([])).toMatch(/require: must name at least one of dossiers/);
  });

  it('cchc brief --require with a misspelt kind says which kinds were meant, exit 2', async () => {
    const refused = async (...require: string[]) => {
      const printed: string[] = [];
      const p = program().configureOutput({ writeErr: (s) => printed.push(s), writeOut: (s) => printed.push(s) });
      const args = ['node', 'cchc', 'brief', '--db', path.join(root, 'none.duckdb'), '--period', '2024-Q4'];
      const code = await p.parseAsync([...args, ...require.flatMap((r) => ['--require', r])]).then(
        () => EXIT.ok,
        (e) => report(e, false, (s) => printed.push(s)),
      );
      return { code, text: printed.join('\n') };
    };
    expect(await refused('dossier')).toEqual({
      code: EXIT.usage,
      text: 'error: --require dossier: expected dossiers, criteria, indices, tasks (comma-separated); did you mean --require dossiers?',
    });
    expect((await refused('criteria,dosiers', 'task')).text).toBe(
      'error: --require dosiers, task: expected dossiers, criteria, indices, tasks (comma-separated); did you mean --require criteria,dossiers,tasks?',
    );
    expect((await refused('zzz')).text).toBe(
      'error: --require zzz: expected dossiers, criteria, indices, tasks (comma-separated)',
    );
  });

  it('--force on a job that requires nothing is a usage error', async () => {
    writeJob('plain', { units: 'province' });
    await expect(run('plain', { force: true })).rejects.toMatchObject({ exitCode: EXIT.usage });
  });

  it('holds the brief (exit 6, nothing written); --force writes it with the note', async () => {
    const db = path.join(root, 'out', 'cchc.duckdb');
    const { loadData } = await import('../src/load/index.ts');
    await loadData(path.join(root, 'data'), db, { clock: deps.clock, logger: deps.logger });
    const brief = (force: boolean) =>
      runBrief(
        {
          db,
          data: '',
          period: '2024-Q4',
          unit: 'AG.TT',
          out: path.join(root, 'brief'),
          document: {},
          require: ['dossiers'],
          force,
        },
        { clock: deps.clock, logger: deps.logger },
      );
    await expect(brief(false)).rejects.toMatchObject({
      exitCode: EXIT.held,
      message: expect.stringContaining(
        'held: the brief 2024-Q4 of AG.TT was not written; the data it requires (dossiers) is incomplete:\n  dossiers: AG.TT has no dossiers or dossier_stats for 2024-11\n',
      ),
    });
    expect(fs.existsSync(path.join(root, 'brief'))).toBe(false);
    await brief(true);
    expect(fs.readFileSync(path.join(root, 'brief', 'brief.html'), 'utf8')).toContain(`<li>${TT_LINE}</li>`);
  }, 120_000);
});
