import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CliError, DataError, EXIT } from '../src/errors.ts';
import { fixedClock } from '../src/effects.ts';
import { runCommand, runsCommand, scheduleCommand } from '../src/jobs/cli.ts';
import { readJob } from '../src/jobs/config.ts';
import { readRuns } from '../src/jobs/history.ts';
import { crontab, onCalendar, systemdUnits } from '../src/jobs/os-scheduler.ts';
import { parseAt, resolvePeriod } from '../src/jobs/period.ts';
import { historyFile, lockFile, outcome, runJob } from '../src/jobs/run.ts';
import { missedRun, startScheduler } from '../src/jobs/schedule.ts';
import { type Sandbox, buildDb, fakeSession, sandbox } from './jobs-fixture.ts';

let box: Sandbox;
beforeEach(async () => {
  box = sandbox();
  fs.mkdirSync(path.join(box.root, 'out'));
  await buildDb(path.join(box.root, 'out', 'cchc.duckdb'), 'fp1');
});
afterEach(() => fs.rmSync(box.root, { recursive: true, force: true }));

const history = () =>
  fs
    .readFileSync(historyFile(box.deps()), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));

describe('resolvePeriod(spec, at) in Asia/Ho_Chi_Minh', () => {
  it('monthly at 07:00 on the 1st reports the previous month', () => {
    expect(resolvePeriod('previous-month', parseAt('2024-12-01T07:00')).id).toBe('2024-11');
    expect(resolvePeriod('previous-month', parseAt('2025-01-01T07:00')).id).toBe('2024-12');
    // 00:30 on 1 December in Vietnam is still 30 November in UTC.
    expect(resolvePeriod('previous-month', new Date('2024-11-30T17:30:00Z')).id).toBe('2024-11');
  });
  it('quarterly reports the previous quarter; year-to-date ends at the last complete quarter', () => {
    expect(resolvePeriod('previous-quarter', parseAt('2025-01-05T07:00')).id).toBe('2024-Q4');
    expect(resolvePeriod('previous-quarter', parseAt('2024-07-05')).id).toBe('2024-Q2');
    expect(resolvePeriod('year-to-date', parseAt('2024-10-05')).id).toBe('2024-9M');
    expect(resolvePeriod('year-to-date', parseAt('2025-01-05')).id).toBe('2024');
    expect(resolvePeriod('2023-Q4', parseAt('2025-01-05')).id).toBe('2023-Q4');
  });
  it('rejects an --at that is not a date-time', () => {
    expect(() => parseAt('tomorrow')).toThrow(/--at "tomorrow" is not a date-time/);
    expect(() => parseAt('2024-02-30T07:00')).toThrow(/--at "2024-02-30T07:00" is not a date-time/);
    expect(() => parseAt('2024-13-01')).toThrow(/--at "2024-13-01" is not a date-time/);
    expect(parseAt('2024-12-01T00:00Z').toISOString()).toBe('2024-12-01T00:00:00.000Z');
  });
});

describe('readJob(file, outputRoot)', () => {
  const err = (spec: Record<string, unknown>, name = 'bad') => {
    const file = box.writeJob(name, spec);
    try {
      readJob(file, path.join(box.root, 'out'));
    } catch (e) {
      return { code: (e as { exitCode: number }).exitCode, message: (e as Error).message.replace(file, '<file>') };
    }
    throw new Error('no error');
  };

  it('reads the shipped jobs', () => {
    for (const f of fs.readdirSync('jobs')) {
      const job = readJob(path.join('jobs', f), path.join(box.root, 'out'));
      expect(job.outDir.startsWith(path.join(box.root, 'out'))).toBe(true);
    }
  });

  it('names the file, the key path and what is allowed', () => {
    expect(err({ periodd: 'x' })).toEqual({
      code: EXIT.usage,
      message: expect.stringMatching(
        /^<file>: periodd: unknown key; allowed: name, description, schedule, data, database, period, units/,
      ),
    });
    expect(err({ header: { signer_titel: [] } }).message).toMatch(
      /^<file>: header\.signer_titel: unknown key; allowed: superior, issuer, number, symbol, place, signer, signer_title, recipients$/,
    );
    expect(err({ period: 'last-month' }).message).toMatch(
      /^<file>: period: must be previous-month, previous-quarter, year-to-date, or a fixed period: 2024-11/,
    );
    expect(err({ units: 'districts' }).message).toMatch(/^<file>: units: must be "province", "children-of:CODE"/);
    expect(err({ schedule: '0 25 1 * *' }).message).toMatch(/^<file>: schedule: must be a cron expression/);
    expect(err({ retention: 0 }).message).toBe('<file>: retention: must keep at least 1 run');
    expect(err({ header: { number: '{seq}' } }).message).toMatch(
      /^<file>: header\.number: may only use the placeholders \{year\}/,
    );
    expect(err({ name: 'other' }).message).toBe('<file>: name: "other" must match the file name ("bad")');
    const noPeriod = box.writeJob('bad', {});
    fs.writeFileSync(noPeriod, JSON.stringify({ name: 'bad', schedule: '0 7 1 * *', units: 'province' }));
    expect(() => readJob(noPeriod, box.root)).toThrow(/bad\.json: period: is required/);
    expect(() => readJob(path.join(box.root, 'jobs', 'nosuch.json'), box.root)).toThrow(
      /nosuch\.json: cannot read job: no such file \(jobs here: bad\)/,
    );
    fs.writeFileSync(noPeriod, '{"name": "bad",');
    expect(() => readJob(noPeriod, box.root)).toThrow(/bad\.json: cannot read job: /);
  });

  it('keeps relative output paths inside the output root; absolute ones are explicit', () => {
    expect(err({ output: '../../etc' }).message).toMatch(
      /^<file>: output: "\.\.\/\.\.\/etc" leads outside the output root .*; use a folder name inside it/,
    );
    expect(err({ output: 'a/../../x' }).message).toMatch(/leads outside the output root/);
    box.writeJob('abs', { output: '/srv/briefs/abs' });
    expect(box.job('abs').outDir).toBe('/srv/briefs/abs');
    box.writeJob('rel', { output: 'nested/rel' });
    expect(box.job('rel').outDir).toBe(path.join(box.root, 'out', 'nested', 'rel'));
  });
});

describe('runJob(job, options, deps)', () => {
  it('monthly at 07:00 on 1 December renders November into out/<job>/<period>/<unit>/ and records the run', async () => {
    box.writeJob('monthly', { header: { symbol: 'BC-{period}' } });
    const r = await runJob(box.job('monthly'), { trigger: 'schedule' }, box.deps());
    expect(r).toMatchObject({ period: '2024-11', status: 'ok', exit_code: 0, units: ['AG'], errors: [] });
    const pdf = path.join(box.root, 'out', 'monthly', '2024-11', 'AG', 'brief.pdf');
    expect(fs.readFileSync(pdf, 'utf8')).toBe('%PDF AG 2024-11 BC-2024-11');
    expect(r.outputs).toEqual([path.dirname(pdf)]);
    const [started, finished] = history();
    expect(started).toMatchObject({
      event: 'started',
      job: 'monthly',
      period: '2024-11',
      trigger: 'schedule',
      started: '2024-12-01T00:00:00.000Z',
    });
    expect(finished).toMatchObject({
      event: 'finished',
      status: 'ok',
      exit_code: 0,
      units: ['AG'],
      outputs: [path.dirname(pdf)],
      errors: [],
    });
    expect(fs.existsSync(lockFile(box.deps(), 'monthly'))).toBe(false);
    expect(box.state.loads).toBe(0);
  });

  it('quarterly on 5 January reports the fourth quarter; districts come from children-of filtered by kind', async () => {
    box.writeJob('dq', { period: 'previous-quarter', units: 'children-of:AG', unit_kinds: ['district'] });
    const r = await runJob(box.job('dq'), {}, box.deps({ clock: fixedClock('2025-01-05T00:00:00Z') }));
    expect(r).toMatchObject({ period: '2024-Q4', status: 'ok', units: ['AG.CD', 'AG.LX', 'AG.TT'] });
    expect(fs.readdirSync(path.join(box.root, 'out', 'dq', '2024-Q4')).sort()).toEqual([
      'AG.CD',
      'AG.LX',
      'AG.TT',
      'run.json',
    ]);
    // The districts end on 2025-06-30: a later quarter has nothing to do, which is recorded and is not a failure.
    const later = await runJob(box.job('dq'), { period: '2025-Q3' }, box.deps());
    expect(later).toMatchObject({ status: 'ok', exit_code: EXIT.ok, units: [], outputs: [], errors: [] });
    expect(later.note).toBe('nothing to do: no unit of kind district under AG stands in 2025-Q3');
    expect(history().at(-1)).toMatchObject({ event: 'finished', status: 'ok', note: later.note });
    expect(fs.existsSync(path.join(box.root, 'out', 'dq', '2025-Q3'))).toBe(false);
  });

  it('reloads the database only when the data fingerprint changed', async () => {
    box.writeJob('monthly', {});
    await runJob(box.job('monthly'), {}, box.deps());
    expect(box.state.loads).toBe(0);
    box.state.fingerprint = 'fp2';
    await runJob(box.job('monthly'), {}, box.deps());
    expect(box.state.loads).toBe(1);
    await runJob(box.job('monthly'), {}, box.deps());
    expect(box.state.loads).toBe(1);
    expect(box.lines.some((l) => /data changed; loading/.test(l))).toBe(true);
  });

  it('two jobs of one scheduler needing a reload at once load the data once', async () => {
    box.writeJob('monthly', {});
    box.writeJob('quarterly', { period: 'previous-quarter' });
    fs.rmSync(path.join(box.root, 'out', 'cchc.duckdb'));
    const [a, b] = await Promise.all([
      runJob(box.job('monthly'), {}, box.deps()),
      runJob(box.job('quarterly'), {}, box.deps()),
    ]);
    expect([a.status, b.status]).toEqual(['ok', 'ok']);
    expect(box.state.loads).toBe(1);
  });

  it('records a data error as a failed run with exit 1 and publishes nothing', async () => {
    box.writeJob('monthly', {});
    box.state.fingerprint = 'fp2';
    box.state.fail = new DataError([
      { file: 'tasks.csv', line: 3, column: 'due_on', rule: 'date', message: 'bad date' },
    ]);
    const r = await runJob(box.job('monthly'), {}, box.deps());
    expect(r).toMatchObject({ status: 'failed', exit_code: EXIT.data });
    expect(r.error).toBeInstanceOf(DataError);
    expect(history()[1]).toMatchObject({
      status: 'failed',
      exit_code: 1,
      errors: [
        { unit: null, message: '1 data error; nothing was loaded' },
        { unit: null, message: 'tasks.csv:3 [due_on]: bad date (date)' },
      ],
    });
    expect(fs.existsSync(path.join(box.root, 'out', 'monthly'))).toBe(false);
  });

  it('a second run while the lock is held exits 3 and writes nothing', async () => {
    box.writeJob('monthly', {});
    const lock = lockFile(box.deps(), 'monthly');
    fs.mkdirSync(path.dirname(lock), { recursive: true });
    fs.writeFileSync(lock, JSON.stringify({ pid: 4242, started: '2024-12-01T00:00:00.000Z' }));
    const before = fs.readdirSync(path.join(box.root, 'out')).sort();
    await expect(runJob(box.job('monthly'), {}, box.deps({ isAlive: (pid) => pid === 4242 }))).rejects.toMatchObject({
      exitCode: EXIT.locked,
      message: expect.stringMatching(/job monthly is already running \(pid 4242/),
    });
    expect(fs.readdirSync(path.join(box.root, 'out')).sort()).toEqual(before);
    expect(fs.existsSync(historyFile(box.deps()))).toBe(false);
    expect(JSON.parse(fs.readFileSync(lock, 'utf8')).pid).toBe(4242);
  });

  it('an output root that cannot be written is a clear error, exit 4, not a stack', async () => {
    box.writeJob('monthly', {});
    const file = path.join(box.root, 'not-a-folder');
    fs.writeFileSync(file, '');
    await expect(runJob(box.job('monthly'), {}, box.deps({ outputRoot: file }))).rejects.toMatchObject({
      exitCode: EXIT.render,
      message: expect.stringMatching(
        /^cannot take the lock in .*not-a-folder: ENOTDIR: .*; the output folder must be a writable folder$/,
      ),
    });
  });

  it('takes over a stale lock whose process is gone, with a log line', async () => {
    box.writeJob('monthly', {});
    const lock = lockFile(box.deps(), 'monthly');
    fs.mkdirSync(path.dirname(lock), { recursive: true });
    fs.writeFileSync(lock, JSON.stringify({ pid: 4242, started: '2024-11-01T00:00:00.000Z' }));
    const r = await runJob(box.job('monthly'), {}, box.deps());
    expect(r.status).toBe('ok');
    expect(box.lines).toContain(
      'job monthly: removed stale lock of pid 4242 (started 2024-11-01T00:00:00.000Z), process is gone',
    );
    expect(fs.existsSync(lock)).toBe(false);
  });

  it('a failing render is recorded per unit with its message; the run is partial with exit 4', async () => {
    box.writeJob('dq', { units: 'children-of:AG', unit_kinds: ['district'] });
    const r = await runJob(
      box.job('dq'),
      { period: '2024-Q4' },
      box.deps({ openSession: fakeSession({ failFor: ['AG.LX'] }) }),
    );
    expect(r).toMatchObject({
      status: 'partial',
      exit_code: EXIT.render,
      errors: [{ unit: 'AG.LX', message: 'Chromium crashed on AG.LX' }],
    });
    expect(history()[1]).toMatchObject({
      status: 'partial',
      exit_code: 4,
      errors: [{ unit: 'AG.LX', message: 'Chromium crashed on AG.LX' }],
    });
    const dir = path.join(box.root, 'out', 'dq', '2024-Q4');
    expect(fs.readdirSync(dir).sort()).toEqual(['AG.CD', 'AG.TT', 'run.json']);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'run.json'), 'utf8'))).toMatchObject({
      status: 'partial',
      failed_units: ['AG.LX'],
    });

    let out = '';
    runsCommand({ job: 'dq', last: '5', json: false }, (s) => (out += s), box.deps());
    expect(out).toMatch(/partial +4 +3 .*AG\.LX: Chromium crashed on AG\.LX/);
  });

  it('never replaces a complete run with a partial one', async () => {
    box.writeJob('dq', { units: 'children-of:AG', unit_kinds: ['district'] });
    const first = await runJob(box.job('dq'), { period: '2024-Q4' }, box.deps());
    const dir = path.join(box.root, 'out', 'dq', '2024-Q4');
    const manifest = fs.readFileSync(path.join(dir, 'run.json'), 'utf8');
    const second = await runJob(
      box.job('dq'),
      { period: '2024-Q4' },
      box.deps({ openSession: fakeSession({ failFor: ['AG.TT'] }), clock: fixedClock('2024-12-02T00:00:00Z') }),
    );
    expect(second.status).toBe('partial');
    expect(fs.readFileSync(path.join(dir, 'run.json'), 'utf8')).toBe(manifest);
    expect(JSON.parse(manifest).run_id).toBe(first.run_id);
    expect(fs.readdirSync(`${dir}.partial`).sort()).toEqual(['AG.CD', 'AG.LX', 'run.json']);
    // A complete rerun replaces the period and clears the partial one.
    await runJob(box.job('dq'), { period: '2024-Q4' }, box.deps({ clock: fixedClock('2024-12-03T00:00:00Z') }));
    expect(fs.existsSync(`${dir}.partial`)).toBe(false);
    expect(fs.readdirSync(path.join(box.root, 'out', 'dq')).sort()).toEqual(['2024-Q4']);
  });

  it('retention deletes only the oldest complete runs beyond N', async () => {
    box.writeJob('monthly', { retention: 2 });
    box.writeJob('other', { output: 'monthly-other' });
    const at = (d: string) => box.deps({ clock: fixedClock(`${d}T00:00:00Z`) });
    await runJob(box.job('other'), { period: '2024-01' }, at('2024-02-01'));
    await runJob(box.job('monthly'), { period: '2024-01' }, at('2024-02-01'));
    await runJob(
      box.job('monthly'),
      { period: '2024-02' },
      box.deps({ clock: fixedClock('2024-03-01T00:00:00Z'), openSession: fakeSession({ failFor: ['AG'] }) }),
    );
    // A partial run kept on disk (a unit list with one failing unit).
    box.writeJob('monthly', { retention: 2, units: ['AG', 'AG.SNV'] });
    await runJob(
      box.job('monthly'),
      { period: '2024-03' },
      box.deps({ clock: fixedClock('2024-04-01T00:00:00Z'), openSession: fakeSession({ failFor: ['AG.SNV'] }) }),
    );
    box.writeJob('monthly', { retention: 2 });
    await runJob(box.job('monthly'), { period: '2024-04' }, at('2024-05-01'));
    expect(fs.readdirSync(path.join(box.root, 'out', 'monthly')).sort()).toEqual(['2024-01', '2024-03', '2024-04']);
    await runJob(box.job('monthly'), { period: '2024-05' }, at('2024-06-01'));
    // 2024-01 was the oldest complete run; the partial 2024-03 and the other job's folder stay.
    expect(fs.readdirSync(path.join(box.root, 'out', 'monthly')).sort()).toEqual(['2024-03', '2024-04', '2024-05']);
    expect(fs.readdirSync(path.join(box.root, 'out', 'monthly-other'))).toEqual(['2024-01']);
    expect(box.lines.filter((l) => l.includes('retention: removed'))).toHaveLength(1);
  });

  it('an aborted run (SIGTERM) publishes nothing, records failed and releases the lock', async () => {
    box.writeJob('dq', { units: 'children-of:AG', unit_kinds: ['district'] });
    const controller = new AbortController();
    const log: string[] = [];
    const running = runJob(
      box.job('dq'),
      { period: '2024-Q4', signal: controller.signal },
      box.deps({ openSession: fakeSession({ hangFor: ['AG.LX'], log }) }),
    );
    while (!log.includes('AG.LX')) await new Promise((r) => setTimeout(r, 5));
    controller.abort('SIGTERM');
    const r = await running;
    expect(r).toMatchObject({ status: 'failed', exit_code: EXIT.render });
    expect(r.errors[0]!.message).toMatch(/interrupted by SIGTERM; nothing was published/);
    expect(fs.readdirSync(path.join(box.root, 'out', 'dq'))).toEqual([]);
    expect(fs.existsSync(lockFile(box.deps(), 'dq'))).toBe(false);
  });
});

describe('runCommand(job, opts, out, deps)', () => {
  it('prints the brief folders; a partial batch is a CliError listing each failed unit, exit 4', async () => {
    box.writeJob('dq', { period: 'previous-quarter', units: 'children-of:AG', unit_kinds: ['district'] });
    const out: string[] = [];
    const err = await runCommand(
      'dq',
      { at: '2025-01-05T07:00' },
      (s) => out.push(s),
      box.deps({ openSession: fakeSession({ failFor: ['AG.TT'] }) }),
    ).catch((e: unknown) => e);
    expect(out).toEqual(['out/dq/2024-Q4/AG.CD', 'out/dq/2024-Q4/AG.LX']);
    expect(err).toBeInstanceOf(CliError);
    expect(err).toMatchObject({
      exitCode: EXIT.render,
      message: 'job dq 2024-Q4 1 of 3 briefs failed:\n  AG.TT: Chromium crashed on AG.TT\n(recorded in out/runs.jsonl)',
    });
  });

  it('rethrows data errors so they print with file, line and column (exit 1)', async () => {
    box.writeJob('monthly', {});
    box.state.fingerprint = 'fp2';
    box.state.fail = new DataError([
      { file: 'tasks.csv', line: 3, column: 'due_on', rule: 'date', message: 'bad date' },
    ]);
    await expect(runCommand('monthly', {}, () => {}, box.deps())).rejects.toBeInstanceOf(DataError);
  });
});

describe('outcome: what a run came to, in words, then its exit code', () => {
  const run: Parameters<typeof outcome>[0] = {
    status: 'ok',
    exit_code: 0,
    units: ['A', 'B', 'C'],
    errors: [],
    held: [],
    note: null,
    delivery: null,
    outputs: [],
  };
  const held = { unit: 'C', missing: [] };
  const error = { unit: 'B', message: 'x' };
  it('never puts a status word beside a contradicting exit code', () => {
    expect(outcome({ ...run, outputs: ['a', 'b', 'c'] })).toBe('published 3 briefs (exit 0)');
    expect(outcome({ ...run, exit_code: 5, outputs: ['a'], delivery: { status: 'incomplete', note: '' } })).toBe(
      'published 1 brief; e-mail delivery incomplete (exit 5)',
    );
    expect(outcome({ ...run, status: 'partial', exit_code: 4, outputs: ['a'], errors: [error], held: [held] })).toBe(
      'published 1 of 3 briefs; 1 failed; 1 held for incomplete data (exit 4)',
    );
    expect(outcome({ ...run, status: 'held', exit_code: 6, outputs: [] })).toBe(
      'held: no brief rendered, the data the job requires is incomplete (exit 6)',
    );
    expect(outcome({ ...run, status: 'failed', exit_code: 1, outputs: [], errors: [error, error] })).toBe(
      'failed, 2 errors (exit 1)',
    );
    expect(outcome({ ...run, outputs: [], note: 'nothing to do: AG ended' })).toBe('nothing to do: AG ended (exit 0)');
  });
});

describe('missedRun / startScheduler catch-up', () => {
  it('stop() interrupts a run under way; it is recorded failed and nothing is published', async () => {
    box.writeJob('dq', { units: 'children-of:AG', unit_kinds: ['district'] });
    const log: string[] = [];
    const rendered: string[] = [];
    const s = startScheduler(
      [box.job('dq')],
      box.deps({ openSession: fakeSession({ hangFor: ['AG.LX'], log: rendered }) }),
      (l) => log.push(l),
    );
    while (!rendered.includes('AG.LX')) await new Promise((r) => setTimeout(r, 5));
    await s.stop('SIGTERM');
    expect(log.at(-2)).toMatch(
      /dq 2024-11 finished: failed \(exit 4\): interrupted by SIGTERM; nothing was published$/,
    );
    expect(log.at(-1)).toMatch(/ stopped$/);
    expect(fs.readdirSync(path.join(box.root, 'out', 'dq'))).toEqual([]);
  });

  it('catches up a missed run exactly once', async () => {
    box.writeJob('monthly', {});
    const job = box.job('monthly');
    // The scheduler was down on 1 December at 07:00 and starts at 09:00.
    const deps = box.deps({ clock: fixedClock('2024-12-01T02:00:00Z') });
    expect(missedRun(job, [], deps.clock.now())?.toISOString()).toBe('2024-12-01T00:00:00.000Z');

    const calls: string[] = [];
    const runs: Promise<unknown>[] = [];
    const run: typeof runJob = (j, o, d) => {
      calls.push(`${o.trigger} ${o.scheduledFor?.toISOString()}`);
      const p = runJob(j, o, d);
      runs.push(p);
      return p;
    };
    const log: string[] = [];
    for (let start = 0; start < 2; start++) {
      const s = startScheduler([job], deps, (l) => log.push(l), run);
      await Promise.all(runs);
      await s.stop('test');
    }
    expect(calls).toEqual(['catch-up 2024-12-01T00:00:00.000Z']);
    const done = readRuns(historyFile(deps), () => false);
    expect(done).toMatchObject([
      {
        job: 'monthly',
        period: '2024-11',
        status: 'ok',
        trigger: 'catch-up',
        scheduled_for: '2024-12-01T00:00:00.000Z',
      },
    ]);
    // Local wall-clock time with the offset, as the schedule is read: 09:00 now, the 07:00 run owed.
    expect(log.filter((l) => l.includes('catching up'))).toEqual([
      '2024-12-01 09:00:00+07:00 monthly catching up the run due 2024-12-01 07:00:00+07:00',
    ]);
    // croner reckons the next run from the real clock, so only its form is certain: the 1st at 07:00.
    expect(log[0]).toMatch(
      /^2024-12-01 09:00:00\+07:00 monthly scheduled "0 7 1 \* \*" \(Asia\/Ho_Chi_Minh\), next \d{4}-\d{2}-01 07:00:00\+07:00$/,
    );
    expect(log.some((l) => l.endsWith(' monthly 2024-11 finished: published 1 brief (exit 0)'))).toBe(true);
  });

  it('cchc schedule listens for SIGTERM before a catch-up run can print its first line', async () => {
    // The line is printed synchronously as the scheduler starts; a signal sent by someone reading
    // it once found Node's default handler and killed the process.
    box.writeJob('monthly', {});
    const before = process.listenerCount('SIGTERM');
    const seen: number[] = [];
    const logger = {
      info: (m: string) => {
        if (!/: started \(catch-up\)$/.test(m)) return;
        seen.push(process.listenerCount('SIGTERM'));
        setImmediate(() => process.emit('SIGTERM', 'SIGTERM'));
      },
      warn: () => {},
    };
    const out: string[] = [];
    await scheduleCommand(
      { job: ['monthly'] },
      (l) => out.push(l),
      box.deps({ clock: fixedClock('2024-12-01T02:00:00Z'), logger }),
    );
    expect(seen).toEqual([before + 1]);
    expect(out.some((l) => / stopping \(SIGTERM\)$/.test(l))).toBe(true);
    expect(out.at(-1)).toMatch(/ stopped$/);
    expect(process.listenerCount('SIGTERM')).toBe(before);
  });

  it('owes nothing when the period was produced after its due time, and again after a failure', () => {
    box.writeJob('monthly', {});
    const job = box.job('monthly');
    const now = new Date('2024-12-01T02:00:00Z');
    const run = { job: 'monthly', period: '2024-11', started: '2024-12-01T00:00:05.000Z', status: 'ok' } as const;
    expect(missedRun(job, [run as never], now)).toBeNull();
    expect(missedRun(job, [{ ...run, status: 'failed' } as never], now)).not.toBeNull();
    expect(missedRun(job, [{ ...run, started: '2024-11-30T00:00:00.000Z' } as never], now)).not.toBeNull();
  });
});

describe('schedule --print', () => {
  it('writes crontab lines with CRON_TZ and systemd timers in local time', () => {
    box.writeJob('monthly', {});
    box.writeJob('quarterly', { schedule: '30 6 5 1,4,7,10 *', period: 'previous-quarter' });
    const jobs = [box.job('monthly'), box.job('quarterly')];
    const tab = crontab(jobs, '/opt/cchc');
    expect(tab).toContain('CRON_TZ=Asia/Ho_Chi_Minh\n');
    expect(tab).toContain(
      '0 7 1 * * cd /opt/cchc && mkdir -p out && bin/cchc run monthly >> /opt/cchc/out/cron.log 2>&1\n',
    );
    const units = systemdUnits(jobs, '/opt/cchc');
    expect(units).toContain('ExecStart=/opt/cchc/bin/cchc run quarterly\n');
    expect(units).toContain('OnCalendar=*-01,04,07,10-05 06:30:00 Asia/Ho_Chi_Minh\n');
    expect(onCalendar({ name: 'x', schedule: '*/15 8-17 * * 1-5' })).toBe(
      'Mon..Fri *-*-* 08..17:00/15:00 Asia/Ho_Chi_Minh',
    );
    expect(() => onCalendar({ name: 'x', schedule: '0 7 1 * 1' })).toThrow(/both restricted/);
  });

  it('quotes a repo path with spaces, Vietnamese letters and % for systemd and cron', () => {
    box.writeJob('monthly', {});
    const jobs = [box.job('monthly')];
    const repo = '/srv/thử nghiệm/50% Báo cáo';
    // systemd splits ExecStart at spaces unless quoted and expands %x specifiers (systemd.service,
    // systemd.unit: "%%" is a literal %); cron turns an unescaped % into a newline (crontab(5)).
    const units = systemdUnits(jobs, repo);
    expect(units).toContain('WorkingDirectory=/srv/thử nghiệm/50%% Báo cáo\n');
    expect(units).toContain('ExecStart="/srv/thử nghiệm/50%% Báo cáo/bin/cchc" run monthly\n');
    expect(crontab(jobs, repo)).toContain(
      "0 7 1 * * cd '/srv/thử nghiệm/50\\% Báo cáo' && mkdir -p out && bin/cchc run monthly >> '/srv/thử nghiệm/50\\% Báo cáo/out/cron.log' 2>&1\n",
    );
  });
});
