import { describe, expect, it } from 'vitest';
import {
  arrow,
  date,
  dateTime,
  fixed,
  int,
  num,
  pct,
  pctTarget,
  periodName,
  placeDate,
  pp,
  ppText,
  roman,
  sameTimeLastYear,
  score,
} from '../src/render/format.ts';

describe('number formats', () => {
  it('groups thousands with dots and uses a decimal comma', () => {
    expect(int(1234)).toBe('1.234');
    expect(int(123762)).toBe('123.762');
    expect(int(1234567)).toBe('1.234.567');
    expect(int(0)).toBe('0');
    expect(fixed(-1234.5, 1)).toBe('-1.234,5');
    expect(fixed(-0.01, 1)).toBe('0,0');
  });
  it('prints percentages with one decimal', () => {
    expect(pct(0.43)).toBe('43,0%');
    expect(pct(0.4300027)).toBe('43,0%');
    expect(pct(1)).toBe('100,0%');
    expect(pct(0.90625)).toBe('90,6%');
  });
  it('prints targets as people state them', () => {
    expect(pctTarget(0.8)).toBe('80%');
    expect(pctTarget(0.955)).toBe('95,5%');
  });
  it('prints percentage points unsigned', () => {
    expect(pp(0.062)).toBe('6,2');
    expect(pp(-0.37)).toBe('37,0');
    expect(ppText(0.062)).toBe('6,2 điểm phần trăm');
  });
  it('prints points with the decimals they have and scores with two', () => {
    expect(num(39.67)).toBe('39,67');
    expect(num(15.5)).toBe('15,5');
    expect(num(60)).toBe('60');
    expect(num(1234.5)).toBe('1.234,5');
    expect(score(42.891685)).toBe('42,89');
    expect(score(41)).toBe('41,00');
  });
  it('marks movements with arrows', () => {
    expect(arrow(3, int)).toBe('▲ 3');
    expect(arrow(-5, int)).toBe('▼ 5');
    expect(arrow(0, int)).toBe('= 0');
  });
});

describe('dates', () => {
  it('prints running-text dates without leading zeros', () => {
    expect(date('2025-03-17')).toBe('17/3/2025');
    expect(date('2024-12-05')).toBe('5/12/2024');
  });
  it('pads day < 10 and months 1–2 in the place-date line (Decree 30)', () => {
    expect(placeDate('An Giang', '2025-01-05')).toBe('An Giang, ngày 05 tháng 01 năm 2025');
    expect(placeDate('An Giang', '2025-03-17')).toBe('An Giang, ngày 17 tháng 3 năm 2025');
    expect(placeDate('An Giang', '2025-02-28')).toBe('An Giang, ngày 28 tháng 02 năm 2025');
    expect(placeDate('An Giang', '2024-12-09')).toBe('An Giang, ngày 09 tháng 12 năm 2024');
  });
  it('reads timestamps in Asia/Ho_Chi_Minh', () => {
    expect(dateTime('2025-01-04T02:00:00.000Z')).toBe('09:00 ngày 4/1/2025');
    expect(dateTime('2024-12-31T20:30:00Z')).toBe('03:30 ngày 1/1/2025');
  });
});

describe('periodName(id)', () => {
  it.each([
    ['2024-11', 'tháng 11 năm 2024'],
    ['2024-01', 'tháng 1 năm 2024'],
    ['2024-Q4', 'quý IV năm 2024'],
    ['2024-Q1', 'quý I năm 2024'],
    ['2024-H1', '6 tháng đầu năm 2024'],
    ['2024-H2', '6 tháng cuối năm 2024'],
    ['2024-9M', '9 tháng đầu năm 2024'],
    ['2024-3M', '3 tháng đầu năm 2024'],
    ['2024', 'năm 2024'],
  ])('%s → %s', (id, name) => expect(periodName(id)).toBe(name));
  it('rejects what it does not know', () => expect(() => periodName('2024-W3')).toThrow(/unknown period/));
  it('names the comparison period', () => expect(sameTimeLastYear('2024-Q4')).toBe('cùng kỳ năm 2023'));
});

describe('roman(n)', () => {
  it('writes section numerals', () => {
    expect([1, 2, 3, 4, 5, 6, 9, 14, 40, 1994].map(roman)).toEqual([
      'I',
      'II',
      'III',
      'IV',
      'V',
      'VI',
      'IX',
      'XIV',
      'XL',
      'MCMXCIV',
    ]);
    expect(() => roman(0)).toThrow();
  });
});
