/**
 * Every calendar rule of cchc: ISO days, D/M/Y as officers type them, month ends, and wall
 * clock time in Asia/Ho_Chi_Minh. Local time goes through Intl with the zone named, never through
 * the machine's zone or "+7 h" arithmetic, so a server set to UTC and a laptop in Hà Nội agree.
 */
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DD` of a calendar day, or null when there is no such day (31/2, month 13). */
export function isoDay(y: number, m: number, d: number): string | null {
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** The last day of a month as `YYYY-MM-DD`, or null for a month that does not exist. */
export function monthEnd(y: number, m: number): string | null {
  return m >= 1 && m <= 12 ? isoDay(y, m, daysInMonth(y, m)) : null;
}

/** A strict `YYYY-MM-DD` naming a real day, else null. */
export function parseIsoDay(s: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return m ? isoDay(+m[1]!, +m[2]!, +m[3]!) : null;
}

/** `YYYY-MM-DD` or `D/M/YYYY` (`DD/MM/YYYY`), the two ways a date is typed here, as ISO; else null. */
export function parseIsoOrDmy(s: string): string | null {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  return m ? isoDay(+m[3]!, +m[2]!, +m[1]!) : parseIsoDay(s);
}

/** The ISO day `n` days after (before, when negative) an ISO day. */
export function addDays(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export interface LocalTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

let clockFormat: Intl.DateTimeFormat | undefined;

/** The fields a clock in Asia/Ho_Chi_Minh shows at an instant, zero-padded, with the offset as Intl writes it (GMT+07:00). */
function clockParts(at: Date): (type: Intl.DateTimeFormatPartTypes) => string {
  clockFormat ??= new Intl.DateTimeFormat('en-US', {
    timeZone: TIME_ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    timeZoneName: 'longOffset',
  });
  const parts = clockFormat.formatToParts(at);
  return (type) => parts.find((p) => p.type === type)!.value;
}

/** What a clock in Asia/Ho_Chi_Minh shows at an instant, whatever the machine's zone. */
export function localTime(at: Date): LocalTime {
  const get = clockParts(at);
  const n = (type: Intl.DateTimeFormatPartTypes) => Number(get(type));
  return { year: n('year'), month: n('month'), day: n('day'), hour: n('hour'), minute: n('minute') };
}

/** The calendar day in Asia/Ho_Chi_Minh at an instant, as `YYYY-MM-DD` ("today" of a brief or a job). */
export function localDate(at: Date): string {
  const t = localTime(at);
  return `${t.year}-${pad(t.month)}-${pad(t.day)}`;
}

/** Wall-clock `YYYY-MM-DD HH:MM` in Asia/Ho_Chi_Minh at an instant. */
export function localDateTime(at: Date): string {
  const t = localTime(at);
  return `${t.year}-${pad(t.month)}-${pad(t.day)} ${pad(t.hour)}:${pad(t.minute)}`;
}

/**
 * `YYYY-MM-DD HH:MM:SS+07:00`: an instant as wall-clock time in Asia/Ho_Chi_Minh with the zone's
 * offset, for logs an officer reads beside the jobs' schedules (which are local), yet unambiguous.
 */
export function localTimestamp(at: Date): string {
  const get = clockParts(at);
  // A zero offset is written plain GMT.
  const offset = get('timeZoneName').replace(/^GMT/, '') || '+00:00';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}:${get('second')}${offset}`;
}
