/** Row counts per table as aligned text lines, for `check` and `load` on stdout. */
export function tableCounts(rows: [table: string, rows: number, note: string][]): string {
  const width = Math.max(0, ...rows.map(([t]) => t.length));
  const nWidth = Math.max(0, ...rows.map(([, n]) => n.toLocaleString('en-US').length));
  return rows
    .map(
      ([t, n, note]) => `${t.padEnd(width)}  ${n.toLocaleString('en-US').padStart(nWidth)}${note ? `  ${note}` : ''}\n`,
    )
    .join('');
}
