import { describe, expect, it } from 'vitest';
import { CliError } from '../src/errors.ts';
import { parsePeriod, periodMonths, previousPeriod } from '../src/metrics/period.ts';

describe('parsePeriod(id)', () => {
  it.each([
    ['2024-11', '2024-11', 'month', 11, '2024-11-01', '2024-11-30'],
    ['2024-02', '2024-02', 'month', 2, '2024-02-01', '2024-02-29'],
    ['2023-2', '2023-02', 'month', 2, '2023-02-01', '2023-02-28'],
    ['2024-Q4', '2024-Q4', 'quarter', 4, '2024-10-01', '2024-12-31'],
    ['2024-q1', '2024-Q1', 'quarter', 1, '2024-01-01', '2024-03-31'],
    ['2024-H1', '2024-H1', 'half', 1, '2024-01-01', '2024-06-30'],
    ['2024-H2', '2024-H2', 'half', 2, '2024-07-01', '2024-12-31'],
    ['2024-3M', '2024-3M', 'ytd', 3, '2024-01-01', '2024-03-31'],
    ['2024-6M', '2024-6M', 'ytd', 6, '2024-01-01', '2024-06-30'],
    ['2024-9m', '2024-9M', 'ytd', 9, '2024-01-01', '2024-09-30'],
    [' 2024 ', '2024', 'year', null, '2024-01-01', '2024-12-31'],
  ])('%s → %s %s', (input, id, kind, n, start, end) => {
    expect(parsePeriod(input)).toEqual({ id, kind, year: Number(id.slice(0, 4)), n, start, end });
  });

  it.each([
    '2024-13',
    '2024-00',
    '2024-Q5',
    '2024-H3',
    '2024-12M',
    '2024-4M',
    '24-11',
    '2024/11',
    'Q4-2024',
    '',
    '2024-11-05',
    'năm 2024',
  ])('rejects %j as a usage error listing the accepted forms', (input) => {
    let error: unknown;
    try {
      parsePeriod(input);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(2);
    expect((error as CliError).message).toContain('2024-Q4');
    expect((error as CliError).message).toContain('2024-9M');
  });

  // What report officers type instead: the Vietnamese order (quý 3/2026, tháng 9/2026) and slashes.
  it.each([
    ['Q3-2026', '2026-Q3'],
    ['q3/2026', '2026-Q3'],
    ['2026 Q3', '2026-Q3'],
    ['H1-2025', '2025-H1'],
    ['9M/2024', '2024-9M'],
    ['2026/09', '2026-09'],
    ['2026.9', '2026-09'],
    ['9/2026', '2026-09'],
    ['09-2026', '2026-09'],
  ])('rejects %j and suggests %s', (input, meant) => {
    expect(() => parsePeriod(input)).toThrow(`"${input}" is not a period; did you mean ${meant}? Use one of: 2024-11`);
  });

  it.each(['2024-13', 'Q5-2024', '13/2024', 'năm 2024', '2024-11-05'])('suggests nothing for %j', (input) => {
    expect(() => parsePeriod(input)).toThrow(`"${input}" is not a period; use one of: 2024-11`);
  });
});

describe('previousPeriod(period)', () => {
  it('is the same period one year earlier, with its own month lengths', () => {
    expect(previousPeriod(parsePeriod('2025-02'))).toMatchObject({
      id: '2024-02',
      start: '2024-02-01',
      end: '2024-02-29',
    });
    expect(previousPeriod(parsePeriod('2024-Q4'))).toMatchObject({
      id: '2023-Q4',
      start: '2023-10-01',
      end: '2023-12-31',
    });
    expect(previousPeriod(parsePeriod('2024-9M'))).toMatchObject({
      id: '2023-9M',
      start: '2023-01-01',
      end: '2023-09-30',
    });
    expect(previousPeriod(parsePeriod('2024'))).toMatchObject({ id: '2023', start: '2023-01-01', end: '2023-12-31' });
  });
});

describe('periodMonths(period)', () => {
  it('lists every month of the period in order', () => {
    expect(periodMonths(parsePeriod('2024-11'))).toEqual(['2024-11']);
    expect(periodMonths(parsePeriod('2024-Q4'))).toEqual(['2024-10', '2024-11', '2024-12']);
    expect(periodMonths(parsePeriod('2024-H2'))).toHaveLength(6);
    expect(periodMonths(parsePeriod('2024'))).toEqual(
      Array.from({ length: 12 }, (_, i) => `2024-${String(i + 1).padStart(2, '0')}`),
    );
  });
});
