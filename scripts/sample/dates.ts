/** Calendar arithmetic on ISO dates in UTC, so the time zone of the machine never shifts a day. */
const DAY_MS = 86_400_000;

export function toDays(iso: string): number {
  return Math.round(Date.parse(iso + 'T00:00:00Z') / DAY_MS);
}

export function fromDays(days: number): string {
  return new Date(days * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(iso: string, n: number): string {
  return fromDays(toDays(iso) + n);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Every month `YYYY-MM` from `first` to `last`, both inclusive. */
export function monthsBetween(first: string, last: string): string[] {
  const out: string[] = [];
  let [y, m] = first.split('-').map(Number) as [number, number];
  for (;;) {
    const id = `${y}-${String(m).padStart(2, '0')}`;
    if (id > last) return out;
    out.push(id);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
}
