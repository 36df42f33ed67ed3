import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const repo = path.resolve(import.meta.dirname, '..');

let tmp: string;
let copy: string;

// A checkout under a folder with a space and Vietnamese letters, as a user's `Tài liệu` would be:
// file URLs of such paths are percent-encoded, which once made `bin/cchc` print nothing and exit 0.
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-paths-'));
  copy = path.join(tmp, 'thư mục', 'a b', 'cchc');
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: repo })
    .toString()
    .split('\0')
    .filter((f) => f && fs.existsSync(path.join(repo, f)) && !fs.lstatSync(path.join(repo, f)).isSymbolicLink());
  for (const f of files) {
    fs.mkdirSync(path.dirname(path.join(copy, f)), { recursive: true });
    fs.copyFileSync(path.join(repo, f), path.join(copy, f));
    fs.chmodSync(path.join(copy, f), fs.statSync(path.join(repo, f)).mode);
  }
  fs.symlinkSync(fs.realpathSync(path.join(repo, 'node_modules')), path.join(copy, 'node_modules'));
}, 120_000);

// Before the build, so the copy has no dist/ yet: the first test sees that, the others run the build.
async function built(): Promise<void> {
  if (!fs.existsSync(path.join(copy, 'dist')))
    await run('bash', [path.join(copy, 'scripts', 'build.sh')], { cwd: copy });
}

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const cchc = (args: string[], cwd = copy) => run(path.join(copy, 'bin', 'cchc'), args, { cwd });

describe('bin/cchc from a path with a space and Vietnamese letters', () => {
  it('without a build, says how to make one (exit 2) rather than failing obscurely', async () => {
    const e = await cchc(['--help']).then(
      () => null,
      (err: { code: number; stderr: string }) => err,
    );
    expect(e?.code).toBe(2);
    expect(e?.stderr).toContain('npm run build');
  });

  it('prints its help', async () => {
    await built();
    const { stdout } = await cchc(['--help']);
    expect(stdout).toContain('Usage: cchc');
    expect(stdout).toContain('brief');
  }, 120_000);

  it('checks the sample data and says it is valid', async () => {
    await built();
    const { stdout } = await cchc(['check', '--data', 'data', '--format', 'table']);
    expect(stdout).toContain('data is valid');
  }, 120_000);

  it('renders a brief (templates and queries found under the encoded path)', async () => {
    await built();
    const cwd = path.join(tmp, 'thư mục', 'dữ liệu');
    const base = path.join(copy, 'test', 'fixtures', 'bad', 'zero-byte-file', 'data');
    fs.mkdirSync(path.join(cwd, 'data'), { recursive: true });
    for (const f of ['units.csv', 'tasks.csv']) fs.copyFileSync(path.join(base, f), path.join(cwd, 'data', f));
    const { stdout } = await cchc(['brief', '--period', '2024-Q4', '--date', '2025-01-05'], cwd);
    expect(stdout.split('\n')[0]).toBe(path.join('out', '2024-Q4', 'AG', 'brief.pdf'));
    expect(fs.statSync(path.join(cwd, 'out', '2024-Q4', 'AG', 'brief.pdf')).size).toBeGreaterThan(1000);
  }, 300_000);
});
