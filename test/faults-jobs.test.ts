/**
 * A scheduled job killed mid-batch (SIGKILL: no handler runs) must leave no half-written brief
 * folder where people look, the history must say the run failed, and the next run must clean up,
 * take the stale lock and publish. A job's output path must not escape the output root unless it
 * is an explicit absolute path.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';

const CLI = path.join(import.meta.dirname, '..', 'bin', 'cchc');
/** The corpus base (units.csv, tasks.csv) is valid; this case only adds an empty documents.csv. */
const BASE = path.join(import.meta.dirname, 'fixtures', 'bad', 'zero-byte-file', 'data');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The Chromium processes working in `dir` (they inherit the job's working folder). */
function processesIn(dir: string): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((pid) => {
      try {
        return (
          readlinkSync(`/proc/${pid}/cwd`).startsWith(dir) &&
          /chrom/i.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8'))
        );
      } catch {
        return false; // gone already, or not ours to read
      }
    })
    .map(Number);
}

function isRunning(pid: number): boolean {
  try {
    // A zombie has exited; only its parent's wait is missing.
    return !/^\d+ \([^)]*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

function job(name: string, extra: Record<string, unknown>): Record<string, unknown> {
  return {
    name,
    schedule: '0 7 1 * *',
    data: 'data',
    database: 'out/cchc.duckdb',
    period: '2024-Q4',
    units: ['AG.SNV', 'AG.STP', 'AG.CT'],
    ...extra,
  };
}

const cchc = (root: string, args: string[], env?: NodeJS.ProcessEnv) =>
  spawnSync(CLI, args, { cwd: root, encoding: 'utf8', timeout: 120_000, ...(env ? { env } : {}) });

describe('jobs under faults', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'cchc-faults-jobs-'));
    mkdirSync(path.join(root, 'data'));
    mkdirSync(path.join(root, 'jobs'));
    for (const f of ['units.csv', 'tasks.csv']) copyFileSync(path.join(BASE, f), path.join(root, 'data', f));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const writeJob = (name: string, extra: Record<string, unknown> = {}) =>
    writeFileSync(path.join(root, 'jobs', `${name}.json`), JSON.stringify(job(name, extra), null, 2));

  it(
    'SIGKILL mid-batch: no brief folder published, history says failed, next run cleans up and publishes',
    { timeout: 180_000 },
    async () => {
      writeJob('killed');
      const out = path.join(root, 'out', 'killed');
      // A temp folder of this test's own: any Chromium launched meanwhile by another test file removes the
      // profiles of dead processes it finds in the run's shared one, the killed run's among them (seen under
      // load). Beside the run's folder, not in it: under it, Chromium's socket path would pass the 107 bytes a Unix
      // socket allows and the profile would go to /tmp instead (chromiumSocket in src/render/browser.ts).
      const tmp = mkdtempSync(path.join(path.dirname(os.tmpdir()), 'cf-'));
      onTestFinished(() => rmSync(tmp, { recursive: true, force: true }));
      const env = { ...process.env, TMPDIR: tmp };
      const child = spawn(CLI, ['run', 'killed'], { cwd: root, detached: true, stdio: 'ignore', env });
      const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_, signal) => resolve(signal)));
      let done = false;
      void exited.then(() => (done = true));
      // Mid-batch: the staging folder has the first brief's files in it (complete or being written).
      const staged = () =>
        readdirSync(out)
          .filter((f) => f.startsWith('.staging.'))
          .some((s) => readdirSync(path.join(out, s)).length > 0);
      const deadline = Date.now() + 120_000;
      while (!done && Date.now() < deadline && !(existsSync(out) && staged())) await sleep(20);
      expect(done).toBe(false);
      const chromiums = processesIn(root);
      expect(chromiums.length).toBeGreaterThan(0);
      process.kill(-child.pid!, 'SIGKILL');
      expect(await exited).toBe('SIGKILL');
      // Chromium runs in its own process group, out of reach of the kill; it ends because its
      // pipe to the killed process closed. Its profile stays until the next launch.
      const gone = Date.now() + 60_000;
      while (chromiums.some(isRunning) && Date.now() < gone) await sleep(100);
      expect(chromiums.filter(isRunning)).toEqual([]);
      const profile = (pid: number) => readdirSync(tmp).filter((f) => f.startsWith(`cchc-chromium-${pid}-`));
      expect(profile(child.pid!)).toHaveLength(1);

      // Nothing a reader would open: only the hidden staging folder, which nobody reads.
      expect(readdirSync(out).filter((f) => !f.startsWith('.'))).toEqual([]);

      const runs = JSON.parse(cchc(root, ['runs', '--json']).stdout) as {
        job: string;
        status: string;
        errors: { message: string }[];
      }[];
      expect(runs).toEqual([expect.objectContaining({ job: 'killed', status: 'failed' })]);
      expect(runs[0]!.errors[0]!.message).toMatch(/interrupted/);

      // The next run (one unit, to keep it short) removes the leftovers, takes the stale lock, publishes.
      writeJob('killed', { units: ['AG.SNV'] });
      const next = cchc(root, ['run', 'killed'], env);
      expect(next.stderr).not.toMatch(/Unexpected error|\n\s+at /);
      expect(next.status).toBe(0);
      expect(readdirSync(out).sort()).toEqual(['2024-Q4']);
      expect(existsSync(path.join(out, '2024-Q4', 'AG.SNV', 'brief.pdf'))).toBe(true);
      expect(profile(child.pid!)).toEqual([]);
      expect(JSON.parse(readFileSync(path.join(out, '2024-Q4', 'run.json'), 'utf8'))).toMatchObject({
        status: 'complete',
        units: ['AG.SNV'],
      });
      const after = JSON.parse(cchc(root, ['runs', '--json']).stdout) as { status: string }[];
      expect(after.map((r) => r.status)).toEqual(['failed', 'ok']);
    },
  );

  it(
    'SIGTERM mid-batch: the run stops, publishes nothing, removes its staging and records failed',
    { timeout: 180_000 },
    async () => {
      // The signal must land mid-batch. On a loaded machine a run can end between the check that a
      // brief is staged and the kill; such an attempt says nothing about the behaviour, so another
      // run, under its own job name, is tried. A run that ignored the signal would finish every time.
      const history = path.join(root, 'out', 'runs.jsonl');
      type Finished = { event: string; job: string; status: string; exit_code: number; errors: { message: string }[] };
      const finished = (job: string) =>
        (existsSync(history) ? readFileSync(history, 'utf8').trim().split('\n') : [])
          .map((l) => JSON.parse(l) as Finished)
          .find((r) => r.event === 'finished' && r.job === job);
      let stopped: { record: Finished; out: string } | undefined;
      const tried: string[] = [];
      for (let attempt = 1; attempt <= 3 && !stopped; attempt++) {
        const name = `stopped${attempt}`;
        writeJob(name);
        const out = path.join(root, 'out', name);
        const child = spawn(CLI, ['run', name], { cwd: root, detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
        let stderr = '';
        child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
        let done = false;
        const exited = new Promise<void>((resolve) =>
          child.on('exit', () => {
            done = true;
            resolve();
          }),
        );
        const staged = () =>
          existsSync(out) &&
          readdirSync(out)
            .filter((f) => f.startsWith('.staging.'))
            .some((s) => readdirSync(path.join(out, s)).length > 0);
        const deadline = Date.now() + 50_000;
        while (Date.now() < deadline && !staged() && !done) await sleep(20);
        if (!done) {
          try {
            process.kill(-child.pid!, 'SIGTERM');
          } catch (e) {
            if ((e as NodeJS.ErrnoException).code !== 'ESRCH') throw e; // gone between the check and the kill
          }
        }
        await exited;
        while (Date.now() < deadline && !finished(name)) await sleep(50);
        const record = finished(name);
        if (record && record.status !== 'ok') stopped = { record, out };
        else tried.push(`${name} ended before the signal (${record?.status ?? 'no record'}); it printed: ${stderr}`);
      }
      expect(stopped, tried.join('\n')).toBeDefined();
      expect(stopped!.record).toMatchObject({ status: 'failed', exit_code: 4 });
      expect(stopped!.record.errors.map((e) => e.message).join(' ')).toMatch(/interrupted by SIGTERM/);
      expect(readdirSync(stopped!.out)).toEqual([]);
    },
  );

  it('a relative output that climbs out of the output root is refused before anything is written', () => {
    writeJob('escape', { output: '../../escaped' });
    const r = cchc(root, ['run', 'escape']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('outside the output root');
    expect(r.stderr).not.toMatch(/Unexpected error|\n\s+at /);
    expect(existsSync(path.join(root, '..', 'escaped'))).toBe(false);
    expect(existsSync(path.join(path.dirname(root), 'escaped'))).toBe(false);
  });

  it('output paths: sneaky relative forms are refused, an explicit absolute path is taken as given', async () => {
    const { readJob } = await import('../src/jobs/config.ts');
    const outputRoot = path.join(root, 'out');
    for (const output of ['..', '../x', 'a/../../x', 'a/../..', '.']) {
      writeJob('paths', { output });
      expect(() => readJob(path.join(root, 'jobs', 'paths.json'), outputRoot), output).toThrow(
        /outside the output root/,
      );
    }
    writeJob('paths', { output: 'a/../briefs' });
    expect(readJob(path.join(root, 'jobs', 'paths.json'), outputRoot).outDir).toBe(path.join(outputRoot, 'briefs'));
    const shared = path.join(os.tmpdir(), 'shared-briefs');
    writeJob('paths', { output: shared });
    expect(readJob(path.join(root, 'jobs', 'paths.json'), outputRoot).outDir).toBe(shared);
  });
});
