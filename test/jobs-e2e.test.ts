import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const exec = promisify(execFile);
const repo = path.resolve(import.meta.dirname, '..');
let root: string;

async function cchc(...args: string[]) {
  try {
    const { stdout, stderr } = await exec(path.join(repo, 'bin/cchc'), args, { cwd: root });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
}

const job = (name: string, units: unknown) =>
  fs.writeFileSync(
    path.join(root, 'jobs', `${name}.json`),
    JSON.stringify({
      name,
      schedule: '0 7 5 1,4,7,10 *',
      data: path.join(repo, 'data'),
      period: 'previous-quarter',
      units,
      header: { number: '', symbol: 'BC-VPUBND', signer: 'Nguyễn Văn Thử' },
    }),
  );

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-jobs-e2e-'));
  fs.mkdirSync(path.join(root, 'jobs'));
  job('province', 'province');
  job('units', ['AG.LX', 'AG.TT']);
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('cchc run on the sample data (real load, metrics and Chromium)', () => {
  it('renders the province brief, then per-unit briefs without reloading', async () => {
    // The province standing at the end of 2025-Q4 is the new An Giang (AGM); in 2024 two stood.
    const p = await cchc('run', 'province', '--at', '2026-01-05T07:00');
    expect(p.stderr).toMatch(/no database yet; loading/);
    expect(p).toMatchObject({ code: 0, stdout: 'out/province/2025-Q4/AGM\n' });
    const dir = path.join(root, 'out', 'province', '2025-Q4', 'AGM');
    expect(fs.readdirSync(dir)).toEqual(
      expect.arrayContaining(['brief.pdf', 'brief.html', 'metrics.json', 'manifest.json']),
    );
    const text = (await exec('pdftotext', ['-layout', path.join(dir, 'brief.pdf'), '-'])).stdout;
    expect(text).toMatch(/BÁO CÁO/);
    expect(text).toMatch(/quý IV năm 2025/);
    expect(text).toMatch(/Nguyễn Văn Thử/);

    const u = await cchc('run', 'units', '--period', '2024-Q4');
    expect(u.stderr).not.toMatch(/loading/);
    expect(u).toMatchObject({ code: 0, stdout: 'out/units/2024-Q4/AG.LX\nout/units/2024-Q4/AG.TT\n' });
    const lx = JSON.parse(fs.readFileSync(path.join(root, 'out', 'units', '2024-Q4', 'AG.LX', 'metrics.json'), 'utf8'));
    expect(lx.scope.unit_code).toBe('AG.LX');

    const runs = await cchc('runs', '--json');
    expect(JSON.parse(runs.stdout)).toMatchObject([
      { job: 'province', period: '2025-Q4', status: 'ok', exit_code: 0, units: ['AGM'] },
      { job: 'units', period: '2024-Q4', status: 'ok', exit_code: 0, units: ['AG.LX', 'AG.TT'] },
    ]);
    // A first load of the whole sample (770,000 dossiers) on a shared machine, then three briefs.
  }, 300_000);

  it('cchc schedule catches up on start and stops cleanly on SIGTERM, exit 0', async () => {
    job('sched', ['AG.LX']);
    const child = spawn(path.join(repo, 'bin/cchc'), ['schedule', '--job', 'sched'], { cwd: root });
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    const exited = new Promise<number | string | null>((r) => child.once('exit', (code, signal) => r(code ?? signal)));
    const deadline = Date.now() + 30_000;
    while (!/sched \S+: started \(catch-up\)/.test(stdout)) {
      if (Date.now() > deadline) throw new Error(`no catch-up run started:\n${stdout}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stdout).toMatch(/sched scheduled "0 7 5 1,4,7,10 \*" \(Asia\/Ho_Chi_Minh\), next /);
    expect(stdout).toMatch(/sched catching up the run due /);
    expect(stdout).toMatch(/stopping \(SIGTERM\)\n[\s\S]* stopped\n$/);
    const runs = JSON.parse((await cchc('runs', '--job', 'sched', '--json')).stdout);
    // Either the run finished before the signal or it was interrupted; either way it is recorded, never left running.
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ trigger: 'catch-up', finished: expect.any(String) });
    expect(['ok', 'failed']).toContain(runs[0].status);
    expect(fs.existsSync(path.join(root, 'out', '.locks', 'sched.lock'))).toBe(false);
  });

  it('exits 2 naming the job file and key for a bad job', async () => {
    fs.writeFileSync(
      path.join(root, 'jobs', 'bad.json'),
      JSON.stringify({ name: 'bad', schedule: '0 7 1 * *', period: 'monthly', units: 'province' }),
    );
    const r = await cchc('run', 'bad');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^error: .*jobs\/bad\.json: period: must be previous-month, previous-quarter, year-to-date, or a fixed period/,
    );
    fs.rmSync(path.join(root, 'jobs', 'bad.json'));
  });
});
