/**
 * One notice against its reading, row by row: the reading's tasks that found no row ("missed") and the
 * rows that matched no task ("extra"), with lines. For the person changing a rule on tuning material:
 *   TZ=Asia/Ho_Chi_Minh npx tsx test/extract-diff.ts NAME   (NAME as in the scorer's table)
 * A hidden set's notice is refused, so a held-out reading is never looked at row by row.
 */
import fs from 'node:fs';
import path from 'node:path';
import { extractNotice } from '../src/extract/index.ts';
import { readUnits } from '../src/extract/units.ts';
import { asReaderRows, DIR, HIDDEN, leadKey, readings } from './extract-score.ts';

const name = process.argv[2];
const found = readings().find(({ reading }) => reading.notice.replace(/\.txt$/, '') === name);
if (!found) throw new Error(`no reading named ${name}`);
const { file, reading } = found;
if (HIDDEN.includes(reading.set)) throw new Error(`${name} is held out (${reading.set}): score it, do not diff it`);
const units = await readUnits(path.join(DIR, 'units.csv'));
const x = extractNotice(fs.readFileSync(path.join(path.dirname(file), reading.notice), 'utf8'), {
  units,
  scope: reading.scope,
});
const rows = asReaderRows(x, units, reading.province !== 'An Giang').map((r) => ({ ...r, used: false }));
// Each reader-level row's source lines and title, for the person reading the diff.
const lines = new Map<(typeof rows)[number], string>();
for (const r of x.rows) {
  const g = /addressed as "([^"]+)"/.exec(r.review)?.[1];
  const row = rows.find(
    (w) =>
      !lines.has(w) &&
      (w.lead === g ||
        w.lead === r.task.lead_unit ||
        w.lead === r.lead_name ||
        w.lead === r.written ||
        w.lead === `code:${r.task.lead_unit}`),
  );
  if (row) lines.set(row, `${r.source_lines} ${r.task.title.slice(0, 90)}`);
}
const missed: string[] = [];
for (const e of reading.tasks) {
  const g = rows.find((r) => !r.used && leadKey(r.lead) === leadKey(e.lead) && r.due === e.due);
  if (g) g.used = true;
  else missed.push(`  ${e.line}\t${e.lead}\t${e.due ?? '—'}`);
}
console.log(
  `${name}: ${reading.tasks.length} read, ${rows.length} rows, ${reading.tasks.length - missed.length} matched`,
);
console.log('missed:\n' + missed.join('\n'));
console.log('extra:');
for (const r of rows.filter((r) => !r.used))
  console.log(`  ${r.lead}\t${r.due ?? '—'}\t${r.confidence.toFixed(2)}\t${lines.get(r) ?? ''}`);
