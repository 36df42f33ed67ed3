/**
 * Vietnamese number, date and period formats for briefs. Written by hand rather than with
 * Intl so the output never depends on the ICU data a machine happens to ship; only the wall
 * clock of a timestamp comes from src/dates.ts (the time zone database).
 */
import { localDateTime } from '../dates.ts';

/** `1234.5` → `1.234,5` with exactly `decimals` digits after the comma. */
export function fixed(x: number, decimals: number): string {
  const s = Math.abs(x).toFixed(decimals);
  const [int, frac] = s.split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const sign = x < 0 && Number(s) !== 0 ? '-' : '';
  return sign + grouped + (frac ? ',' + frac : '');
}

/** Integers and counts: `1.234`. */
export function int(x: number): string {
  return fixed(x, 0);
}

/** Points and scores that print only the decimals they have, up to `max`: `60`, `15,5`, `39,67`. */
export function num(x: number, max = 2): string {
  const s = fixed(x, max);
  return s.includes(',') ? s.replace(/,?0+$/, '') : s;
}

/** Index scores, always two decimals as published: `42,89`. */
export function score(x: number): string {
  return fixed(x, 2);
}

/** A fraction 0–1 as a percentage with one decimal: `0.43` → `43,0%`. */
export function pct(x: number): string {
  return fixed(x * 100, 1) + '%';
}

/** A target fraction as people state it: `0.8` → `80%`, `0.955` → `95,5%`. */
export function pctTarget(x: number): string {
  return num(x * 100, 1) + '%';
}

/** The size of a difference of two fractions in percentage points, unsigned: `0.062` → `6,2`. */
export function pp(x: number): string {
  return fixed(Math.abs(x) * 100, 1);
}

/** `6,2 điểm phần trăm`. */
export function ppText(x: number): string {
  return `${pp(x)} điểm phần trăm`;
}

/** ISO date → `17/3/2025` (no leading zeros, as in running text). */
export function date(iso: string): string {
  const [y, m, d] = isoParts(iso);
  return `${d}/${m}/${y}`;
}

/** A timestamp as a clock in Asia/Ho_Chi_Minh reads it: `09:00 ngày 4/1/2025`. */
export function dateTime(iso: string): string {
  const t = new Date(iso.includes('T') || /[+Z]/.test(iso) ? iso : iso.replace(' ', 'T') + 'Z');
  if (Number.isNaN(t.getTime())) return iso;
  const local = localDateTime(t);
  return `${local.slice(11, 16)} ngày ${date(local)}`;
}

/**
 * The place-date line of Decree 30/2020/NĐ-CP: the day below 10 and months 1 and 2 take a
 * leading zero, so the line cannot be altered by adding a digit.
 */
export function placeDate(place: string, iso: string): string {
  const [y, m, d] = isoParts(iso);
  const dd = d < 10 ? `0${d}` : String(d);
  const mm = m <= 2 ? `0${m}` : String(m);
  return `${place}, ngày ${dd} tháng ${mm} năm ${y}`;
}

function isoParts(iso: string): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) throw new Error(`not an ISO date: ${iso}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

const ROMAN: [number, string][] = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

export function roman(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 3999) throw new Error(`no Roman numeral for ${n}`);
  let out = '';
  for (const [v, s] of ROMAN) {
    while (n >= v) {
      out += s;
      n -= v;
    }
  }
  return out;
}

/**
 * The period as it reads in a title: `quý IV năm 2024`. Takes the normalised period id
 * (metrics.json keeps the id, not the kind), so a brief can be re-rendered from metrics.json alone.
 */
export function periodName(id: string): string {
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})$/.exec(id))) return `năm ${m[1]}`;
  if ((m = /^(\d{4})-(\d{2})$/.exec(id))) return `tháng ${Number(m[2])} năm ${m[1]}`;
  if ((m = /^(\d{4})-Q([1-4])$/.exec(id))) return `quý ${roman(Number(m[2]))} năm ${m[1]}`;
  if ((m = /^(\d{4})-H([12])$/.exec(id))) return `6 tháng ${m[2] === '1' ? 'đầu' : 'cuối'} năm ${m[1]}`;
  if ((m = /^(\d{4})-(\d{1,2})M$/.exec(id))) return `${Number(m[2])} tháng đầu năm ${m[1]}`;
  throw new Error(`unknown period id: ${id}`);
}

/** The same period one year earlier, as the comparison is named in text: `cùng kỳ năm 2023`. */
export function sameTimeLastYear(id: string): string {
  return `cùng kỳ năm ${Number(id.slice(0, 4)) - 1}`;
}

/** An index period as a short label: `2024` stays, `2024-12` → `T12/2024`. */
export function shortPeriod(period: string): string {
  return /^\d{4}-\d{2}$/.test(period) ? monthShort(period) : period;
}

/** `2024-11` → `T11/2024` for chart axes. */
export function monthShort(month: string): string {
  const [y, m] = month.split('-');
  return `T${Number(m)}/${y}`;
}

/** A signed change with an arrow for KPI tiles: `▲ 1,04`, `▼ 3`, `=` for no change. */
export function arrow(delta: number, show: (x: number) => string): string {
  if (delta === 0) return '= 0';
  return `${delta > 0 ? '▲' : '▼'} ${show(Math.abs(delta))}`;
}
