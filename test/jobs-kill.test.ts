import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { readRuns } from '../src/jobs/history.ts';
import { processAlive } from '../src/pid.ts';
import { historyFile, runJob } from '../src/jobs/run.ts';
import { type Sandbox, buildDb, sandbox } from './jobs-fixture.ts';

let box: Sandbox;
beforeEach(async () => {
  box = sandbox();
  fs.mkdirSync(path.join(box.root, 'out'));
  await buildDb(path.join(box.root, 'out', 'cchc.duckdb'), 'fp1');
});
afterEach(() => fs.rmSync(box.root, { recursive: true, force: true }));

it('a run killed mid-batch leaves no brief folder, shows as failed, and the next run cleans up and succeeds', async () => {
  box.writeJob('dq', { units: 'children-of:AG', unit_kinds: ['district'] });
  // node --import tsx: one process, so the PID killed is the PID that holds the lock.
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/jobs-child.ts', box.root, 'dq'], { stdio: 'ignore' });
  const jobOut = path.join(box.root, 'out', 'dq');
  // Wait until the first unit is written and the second hangs.
  const deadline = Date.now() + 45_000;
  const staged = () =>
    fs.readdirSync(jobOut, { recursive: true }).some((f) => String(f).endsWith(path.join('AG.CD', 'brief.pdf')));
  while (!(fs.existsSync(jobOut) && staged())) {
    if (Date.now() > deadline) throw new Error('child never reached the second unit');
    await new Promise((r) => setTimeout(r, 50));
  }
  const exited = new Promise((r) => child.once('exit', r));
  expect(child.exitCode).toBeNull();
  child.kill('SIGKILL');
  await exited;

  // Only the hidden staging folder exists: nothing under <period>/ for anyone to pick up.
  expect(fs.readdirSync(jobOut).filter((n) => !n.startsWith('.'))).toEqual([]);
  const runs = readRuns(historyFile(box.deps()), processAlive);
  expect(runs).toMatchObject([{ job: 'dq', period: '2024-Q4', status: 'failed', pid: child.pid }]);
  expect(runs[0]!.errors[0]!.message).toMatch(/interrupted: process \d+ ended without finishing the run/);

  // The next run takes the stale lock, removes the abandoned staging folder and publishes.
  const r = await runJob(box.job('dq'), { period: '2024-Q4' }, box.deps({ isAlive: processAlive }));
  expect(r.status).toBe('ok');
  expect(fs.readdirSync(jobOut)).toEqual(['2024-Q4']);
  expect(box.lines.some((l) => /removed stale lock of pid \d+/.test(l))).toBe(true);
  expect(box.lines.some((l) => /removed \.staging\.\d+\.2024-Q4 left by a run that was killed/.test(l))).toBe(true);
});
