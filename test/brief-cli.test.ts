import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { program, report } from '../src/cli/main.ts';
import { Db } from '../src/db.ts';
import { EXIT } from '../src/errors.ts';
import { computeMetrics, parsePeriod } from '../src/metrics/index.ts';
import { buildDb } from './fixtures/metrics/fixture.ts';

const run = promisify(execFile);
const bin = fileURLToPath(new URL('../bin/cchc', import.meta.url));

let dir: string;
let dbFile: string;
let out: string;
let stdout: string;

// One real end-to-end run of the CLI on the metrics engineer's hand-made database.
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-brief-cli-'));
  dbFile = path.join(dir, 'fixture.duckdb');
  await buildDb(dbFile);
  out = path.join(dir, 'briefs', 'P');
  ({ stdout } = await run(
    bin,
    [
      'brief',
      '--db',
      dbFile,
      '--period',
      '2024-q4',
      '--out',
      out,
      '--date',
      '2025-01-05',
      '--number',
      '7',
      '--signer',
      'Trần Thị B',
    ],
    { cwd: dir },
  ));
}, 60_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('cchc brief --db FILE --period P --out DIR', () => {
  it('prints the paths it wrote and writes the brief folder', () => {
    const lines = stdout.trim().split('\n');
    expect(lines.slice(0, 4)).toEqual(
      ['brief.pdf', 'brief.html', 'metrics.json', 'manifest.json'].map((f) => path.join(out, f)),
    );
    for (const f of lines) expect(fs.existsSync(f), f).toBe(true);
    expect(lines.some((f) => f.endsWith('.svg'))).toBe(true);
  });

  it('writes the same metrics.json as `cchc metrics` and shows its figures', async () => {
    const db = await Db.open(dbFile, { readOnly: true });
    const expected = await computeMetrics(db, { period: parsePeriod('2024-Q4') }).finally(() => db.close());
    const written = JSON.parse(fs.readFileSync(path.join(out, 'metrics.json'), 'utf8'));
    expect(written).toEqual(JSON.parse(JSON.stringify(expected)));
    const text = (await run('pdftotext', [path.join(out, 'brief.pdf'), '-'])).stdout.replace(/\s+/g, ' ');
    // The fixture's scope P as of 31/12/2024, by hand (test/fixtures/metrics/fixture.ts): 13 tasks in the
    // universe, done T01 T12 T15 on time and T02 T11 late → 5 / 13 = 0.3846 → 38,5%; overdue T08 T10 T13 T16.
    expect(text).toContain('Tỷ lệ hoàn thành nhiệm vụ đạt 38,5%');
    expect(text).toContain('Còn 4 nhiệm vụ quá hạn');
    expect(text).toContain('UBND TỈNH THỬ NGHIỆM');
    expect(text).toContain('Thử Nghiệm, ngày 05 tháng 01 năm 2025');
    expect(text).toContain('Số: 7/BC-VPUBND');
    expect(text).toContain('Trần Thị B');
    const manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8'));
    expect(manifest.unit.unit_code).toBe('P');
    expect(manifest.versions.duckdb).toMatch(/^v\d/);
  });
});

describe('cchc brief --period P (no --db)', () => {
  it('loads the data folder into out/cchc.duckdb, then writes out/<period>/<unit>/', async () => {
    const cwd = path.join(dir, 'fresh');
    const data = path.join(cwd, 'data');
    fs.mkdirSync(data, { recursive: true });
    // A valid corpus base: units and tasks of An Giang.
    const base = fileURLToPath(new URL('./fixtures/bad/zero-byte-file/data/', import.meta.url));
    for (const f of ['units.csv', 'tasks.csv']) fs.copyFileSync(path.join(base, f), path.join(data, f));
    const r = await run(bin, ['brief', '--period', '2024-Q4', '--date', '2025-01-05'], { cwd });
    expect(fs.existsSync(path.join(cwd, 'out', 'cchc.duckdb'))).toBe(true);
    expect(r.stdout.split('\n')[0]).toBe(path.join('out', '2024-Q4', 'AG', 'brief.pdf'));
    expect(fs.existsSync(path.join(cwd, 'out', '2024-Q4', 'AG', 'brief.pdf'))).toBe(true);
  });
});

describe('cchc brief: usage errors', () => {
  it('rejects a bad period or date with exit 2 and no stack trace', async () => {
    for (const args of [
      ['--period', '2024-Q9'],
      ['--period', '2024-Q4', '--date', '5/1/2025'],
      ['--period', '2024-Q4', '--timeout', '0'],
    ]) {
      const printed: string[] = [];
      const p = program().configureOutput({ writeErr: (s) => printed.push(s), writeOut: (s) => printed.push(s) });
      const code = await p.parseAsync(['node', 'cchc', 'brief', '--db', dbFile, ...args]).then(
        () => EXIT.ok,
        (e) => report(e, false, (s) => printed.push(s)),
      );
      expect(code, args.join(' ')).toBe(EXIT.usage);
      expect(printed.join('\n')).not.toMatch(/\n\s+at /);
    }
  });
});
