import { describe, expect, it } from 'vitest';
import { report } from '../src/cli/main.ts';
import { CliError, DataError, EXIT, QueryError, RenderError } from '../src/errors.ts';

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
