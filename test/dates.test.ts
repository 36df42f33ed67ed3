import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysInMonth,
  isoDay,
  localDate,
  localDateTime,
  localTime,
  localTimestamp,
  monthEnd,
  parseIsoDay,
  parseIsoOrDmy,
} from '../src/dates.ts';

describe('calendar days', () => {
  it('isoDay accepts real days only', () => {
    expect(isoDay(2024, 2, 29)).toBe('2024-02-29'); // 2024 is a leap year (divisible by 4, not by 100)
    expect(isoDay(2023, 2, 29)).toBeNull();
    expect(isoDay(2025, 13, 1)).toBeNull();
    expect(isoDay(2025, 4, 31)).toBeNull(); // April has 30 days
  });

  it('month ends', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(1900, 2)).toBe(28); // divisible by 100, not by 400
    expect(monthEnd(2025, 6)).toBe('2025-06-30');
    expect(monthEnd(2025, 12)).toBe('2025-12-31');
    expect(monthEnd(2025, 0)).toBeNull();
  });

  it('parses ISO strictly and D/M/Y as officers type it', () => {
    expect(parseIsoDay('2025-01-05')).toBe('2025-01-05');
    expect(parseIsoDay('2025-1-5')).toBeNull();
    expect(parseIsoDay('2025-02-30')).toBeNull();
    expect(parseIsoOrDmy('5/1/2025')).toBe('2025-01-05');
    expect(parseIsoOrDmy('05/01/2025')).toBe('2025-01-05');
    expect(parseIsoOrDmy('31/02/2024')).toBeNull();
    expect(parseIsoOrDmy('2024-12-31')).toBe('2024-12-31');
    expect(parseIsoOrDmy('12/31/2024')).toBeNull(); // month 31: not M/D/Y
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });
});

describe('wall clock in Asia/Ho_Chi_Minh (UTC+7, no daylight saving)', () => {
  it('17:00 UTC on 31 December is midnight of 1 January in Hà Nội', () => {
    expect(localDate(new Date('2024-12-31T17:00:00Z'))).toBe('2025-01-01');
    expect(localDate(new Date('2024-12-31T16:59:59Z'))).toBe('2024-12-31');
  });

  it('02:05 UTC is 09:05 local; hours run 0-23', () => {
    expect(localDateTime(new Date('2025-01-04T02:05:00Z'))).toBe('2025-01-04 09:05');
    expect(localTime(new Date('2025-01-04T17:30:00Z'))).toEqual({ year: 2025, month: 1, day: 5, hour: 0, minute: 30 });
  });

  it('log stamps are local wall-clock time to the second, with the offset', () => {
    expect(localTimestamp(new Date('2026-12-02T00:00:00Z'))).toBe('2026-12-02 07:00:00+07:00');
    expect(localTimestamp(new Date('2024-12-31T17:05:09.900Z'))).toBe('2025-01-01 00:05:09+07:00');
  });

  it('does not depend on the machine zone', () => {
    const before = process.env.TZ;
    try {
      process.env.TZ = 'America/Los_Angeles';
      expect(localDateTime(new Date('2025-07-01T00:00:00Z'))).toBe('2025-07-01 07:00');
      expect(localTimestamp(new Date('2025-07-01T00:00:00Z'))).toBe('2025-07-01 07:00:00+07:00');
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });
});
