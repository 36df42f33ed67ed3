import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { report } from '../src/cli/main.ts';
import { wantsJson } from '../src/cli/output.ts';
import { CliError, DataError, EXIT, QueryError, RenderError } from '../src/errors.ts';
import { folder, tempDb } from './load-helpers.ts';
import { tempDir } from './tmp.ts';

function capture(e: unknown, debug = false) {
  const lines: string[] = [];
  const code = report(e, debug, (s) => lines.push(s));
  return { code, text: lines.join('\n') };
}

describe('report(error, debug)', () => {
  it('prints data issues with file, line and column, exit 1, no stack', () => {
    const { code, text } = capture(
      new DataError([
        { file: 'tasks.csv', line: 7, column: 'due_on', rule: 'date', message: 'due_on "31/02/2024" is not a date' },
        { file: 'units.csv', line: null, column: null, rule: 'missing-table', message: 'units is required' },
      ]),
    );
    expect(code).toBe(EXIT.data);
    expect(text).toContain('tasks.csv:7 [due_on]: due_on "31/02/2024" is not a date (date)');
    expect(text).toContain('units.csv: units is required (missing-table)');
    expect(text).toContain('2 data errors; nothing was written.');
    expect(text).not.toMatch(/\n\s+at /);
  });

  it('names the .sql file of a query error, exit 1', () => {
    const { code, text } = capture(new QueryError('Binder Error: column x not found', 'queries/tasks_summary.sql'));
    expect(code).toBe(EXIT.data);
    expect(text).toBe('SQL error in queries/tasks_summary.sql: Binder Error: column x not found');
  });

  it('uses the exit code of a CliError and prints nothing for an empty message', () => {
    expect(capture(new CliError('bad period', EXIT.usage))).toEqual({ code: 2, text: 'error: bad period' });
    expect(capture(new CliError('', EXIT.locked))).toEqual({ code: 3, text: '' });
  });

  it('maps render failures to exit 4', () => {
    expect(capture(new RenderError('Chromium not found')).code).toBe(EXIT.render);
  });

  it('hides the stack of unexpected errors unless --debug', () => {
    const plain = capture(new TypeError('boom'));
    // Its own code, 70 (EX_SOFTWARE in sysexits.h), so a bug is not taken for a usage error (2).
    expect(plain.code).toBe(70);
    expect(plain.text).toContain('Unexpected error: boom');
    expect(plain.text).not.toContain('at ');
    expect(capture(new TypeError('boom'), true).text).toMatch(/TypeError: boom\n\s+at /);
  });
});

describe('check, load and runs: a table on a terminal, JSON when piped', () => {
  const CLI = path.join(import.meta.dirname, '..', 'bin', 'cchc');
  const piped = (...args: string[]) => spawnSync(CLI, args, { encoding: 'utf8', timeout: 60_000 });
  // script(1) gives the command a pseudo-terminal, as a person typing it would.
  const onTerminal = (...args: string[]) =>
    spawnSync('script', ['-qec', [CLI, ...args].map(shellQuote).join(' '), '/dev/null'], { encoding: 'utf8' });
  const shellQuote = (s: string) => `'${s.replaceAll("'", `'\\''`)}'`;

  it('wantsJson: --json or --format decide, else the terminal', () => {
    expect(wantsJson({}, true)).toBe(false);
    expect(wantsJson({}, false)).toBe(true);
    expect(wantsJson({ json: true }, true)).toBe(true);
    expect(wantsJson({ format: 'json' }, true)).toBe(true);
    expect(wantsJson({ format: 'table' }, false)).toBe(false);
  });

  it('check', () => {
    const dir = folder();
    const json = JSON.parse(piped('check', '--data', dir).stdout) as { valid: boolean; tables: { name: string }[] };
    expect(json.valid).toBe(true);
    expect(json.tables.map((t) => t.name)).toEqual(['units', 'tasks']);
    expect(onTerminal('check', '--data', dir).stdout).toMatch(/is valid .*\r?\nunits\s+6\s+units\.csv\r?\n/);
  });

  it('load', () => {
    const r = piped('load', '--data', folder(), '--db', tempDb());
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ tables: { units: 6, tasks: 2 }, sample: false });
    expect(onTerminal('load', '--data', folder(), '--db', tempDb()).stdout).toMatch(/units\s+6\r?\n/);
  });

  it('runs', () => {
    const cwd = tempDir('cchc-runs-');
    const history = path.join(fs.realpathSync(cwd), 'out', 'runs.jsonl');
    // JSON stays [] for machines; the person reading the log learns which file was read.
    const json = spawnSync(CLI, ['runs'], { cwd, encoding: 'utf8' });
    expect(JSON.parse(json.stdout)).toEqual([]);
    expect(json.stderr).toBe(`no runs recorded in ${history} (no such file yet)\n`);
    const tty = spawnSync('script', ['-qec', `${shellQuote(CLI)} runs`, '/dev/null'], { cwd, encoding: 'utf8' });
    expect(tty.stdout.trim()).toBe(`no runs recorded in ${history} (no such file yet)`);
  });
});
