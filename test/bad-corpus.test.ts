/**
 * The bad-input corpus (test/fixtures/bad, written by make.ts): every case is a small valid data
 * folder with one defect, and the loader must name the exact file, line, column and rule of it —
 * and nothing else, since noise next to the real problem sends people looking in the wrong place.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DataIssue } from '../src/errors.ts';
import { checkData } from '../src/load/index.ts';

const ROOT = path.join(import.meta.dirname, 'fixtures', 'bad');
const CLI = path.join(import.meta.dirname, '..', 'bin', 'cchc');

interface Expected {
  file: string;
  line: number | null;
  column: string | null;
  rule: string;
  message?: string;
}

/** Cases the loader gets wrong today; each names the bug. Remove an entry when its fix lands. */
const KNOWN_BUGS: Record<string, string> = {};

const cases = readdirSync(ROOT, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(path.join(ROOT, d.name, 'expected.json')))
  .map((d) => ({
    name: d.name,
    data: path.join(ROOT, d.name, 'data'),
    expected: JSON.parse(readFileSync(path.join(ROOT, d.name, 'expected.json'), 'utf8')) as Expected,
  }));

const key = (i: DataIssue) => `${i.file}|${i.line}|${i.column}|${i.rule}`;

describe('bad-input corpus', () => {
  it('has at least 45 cases across CSV, XLSX, JSON and Parquet', () => {
    expect(cases.length).toBeGreaterThanOrEqual(45);
    const formats = new Set(cases.flatMap((c) => readdirSync(c.data).map((f) => f.split('.').at(-1))));
    expect([...formats]).toEqual(expect.arrayContaining(['csv', 'xlsx', 'json', 'parquet']));
  });

  for (const c of cases) {
    const test = KNOWN_BUGS[c.name] ? it.fails : it;
    test(`${c.name}: ${c.expected.file}:${c.expected.line ?? '-'} [${c.expected.column ?? '-'}] ${c.expected.rule}`, async () => {
      const { issues } = await checkData(c.data);
      expect(issues.length).toBeGreaterThan(0);
      const [first] = issues;
      expect({ file: first!.file, line: first!.line, column: first!.column, rule: first!.rule }).toEqual({
        file: c.expected.file,
        line: c.expected.line,
        column: c.expected.column,
        rule: c.expected.rule,
      });
      if (c.expected.message) expect(first!.message).toContain(c.expected.message);
      // One defect: every issue is about it (same rule), none is repeated, and none leaks internals.
      expect(issues.map((i) => i.rule)).toEqual(issues.map(() => c.expected.rule));
      expect(new Set(issues.map(key)).size).toBe(issues.length);
      for (const i of issues)
        expect(i.message).not.toMatch(/\n\s+at |\b(TypeError|RangeError|ReferenceError)\b|undefined|\[object /);
    });
  }
});

describe('cchc check on bad folders', () => {
  // One per format family; each spawn costs a tsx start-up.
  const spawned = [
    'units-duplicate-key',
    'csv-windows-1258',
    'xlsx-truncated-zip',
    'json-not-an-array',
    'parquet-truncated',
  ];
  for (const name of spawned) {
    it(`${name}: exit 1, the issue on stderr, no stack trace`, () => {
      const c = cases.find((x) => x.name === name)!;
      const r = spawnSync(CLI, ['check', '--data', c.data], { encoding: 'utf8', timeout: 30_000 });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(c.expected.file);
      expect(r.stderr).toContain(`(${c.expected.rule})`);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stderr).not.toContain('Unexpected error');
      expect(r.stdout).not.toContain('is valid');
    });
  }

  it('--json lists the same issue as the API', () => {
    const c = cases.find((x) => x.name === 'tasks-excel-serial-date')!;
    const r = spawnSync(CLI, ['check', '--data', c.data, '--json'], { encoding: 'utf8', timeout: 30_000 });
    expect(r.status).toBe(1);
    const { valid, issues } = JSON.parse(r.stdout) as { valid: boolean; issues: DataIssue[] };
    expect(valid).toBe(false);
    expect(issues).toEqual([
      expect.objectContaining({ file: 'tasks.csv', line: 3, column: 'assigned_on', rule: 'date' }),
    ]);
    expect(issues[0]!.message).toContain('"45601"');
  });
});
