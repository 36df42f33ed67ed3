/**
 * Turns the text rows of a table's files into one DuckDB table named like the table, in one pass
 * per file: the typed value of each column (cleaned text for text columns), `_bad` — the row's
 * offending cells with their text, NULL for a clean row, so the text of a million good cells is
 * never kept — and `_fid`, the file. A valid load keeps this very table, minus the two helper
 * columns, so the rows are written once.
 */
import type { Db } from '../db.ts';
import { ident, messageOf } from '../db.ts';
import type { DataIssue } from '../errors.ts';
import { TABLES, sqlType, type TableName } from '../schema.ts';
import { fileIssue, type Source } from './readers.ts';
import { isDerived } from './task-ids.ts';
import {
  areaExpr,
  badCellsExpr,
  cleanExpr,
  isParsed,
  ongoingColumns,
  ongoingFlag,
  ongoingFlagItem,
  parsedExpr,
  valueText,
} from './values.ts';

function typedSelect(table: TableName, src: Source): string {
  const defs = TABLES[table].columns;
  const mine = defs.filter((c) => src.columns.has(c.name));
  // Text columns cleaned; parsed columns keep their raw text (for `_bad`) next to their value.
  const cells = mine.map((c) =>
    isParsed(c.type)
      ? `${ident(c.name)}, ${parsedExpr(c.type, valueText(table, c.name))} AS ${ident('p$' + c.name)}`
      : `${c.name === 'area' ? areaExpr(cleanExpr(ident(c.name), c.type)) : cleanExpr(ident(c.name), c.type)} AS ${ident(c.name)}`,
  );
  // Ongoing flags are worked out beneath the cells that read them, and passed up for `_bad`.
  const ongoing = ongoingColumns(table, src.columns);
  const rows = ongoing.length ? `SELECT *, ${ongoing.map(ongoingFlagItem).join(', ')} FROM (${src.sql})` : src.sql;
  const typed = defs.map((c) => {
    const value = !src.columns.has(c.name) ? 'NULL' : isParsed(c.type) ? ident('p$' + c.name) : ident(c.name);
    return `CAST(${value} AS ${sqlType(c.type)}) AS ${ident(c.name)}`;
  });
  // `_none`: a JSON file of empty objects has no column at all, and SQL needs something to select.
  // A derived id is completed after staging (task-ids.ts): an empty STT is no missing id.
  const checked = src.derived ? defs.map((c) => (isDerived(table, c.name) ? { ...c, required: false } : c)) : defs;
  return `SELECT ${[...typed, `${badCellsExpr(table, checked, src.columns)} AS _bad`, `CAST(${src.fid} AS INTEGER) AS _fid`].join(', ')}
    FROM (SELECT ${[...cells, ...ongoing.map(ongoingFlag), 'NULL AS _none'].join(', ')} FROM (${rows}))`;
}

/**
 * Creates table `<table>` from its files' sources; on failure, every file's reason.
 *
 * `inFileOrder`: rowids follow the files, so `_pos` places a row on its line. Without it DuckDB
 * stores the rows as its threads finish them, which spares the ordered write (about a fifth of a
 * million-row load); such a table is read again in file order only when it has rows to place.
 *
 * DuckDB's common-subexpression pass would hoist the cleaning of parsed cells (written in both
 * branches of `parsedExpr` and in `_bad`) out of their CASE and run it on every cell, so it is off
 * for this one statement.
 */
export async function materialiseTable(
  db: Db,
  table: TableName,
  sources: Source[],
  { inFileOrder }: { inFileOrder: boolean },
): Promise<DataIssue[]> {
  try {
    await db.run(`SET preserve_insertion_order = ${inFileOrder}`);
    await db.run(`SET disabled_optimizers = 'common_subexpressions'`);
    try {
      await db.run(`CREATE TABLE ${ident(table)} AS ${sources.map((s) => typedSelect(table, s)).join(' UNION ALL ')}`);
    } finally {
      await db.run('RESET preserve_insertion_order');
      await db.run('RESET disabled_optimizers');
    }
    return [];
  } catch (e) {
    // Failing to write the database is not the data's fault; the caller says so.
    if (db.path !== ':memory:' && messageOf(e).includes(db.path)) throw e;
    const issues: DataIssue[] = [];
    for (const s of sources) if (s.diagnose) issues.push(...(await s.diagnose()));
    const first = sources[0]!.file;
    return issues.length
      ? issues
      : [
          fileIssue(
            first,
            first.format === 'csv' ? 'csv' : 'read',
            `DuckDB could not read the file: ${messageOf(e).split('\n')[0]}`,
          ),
        ];
  }
}

/**
 * `v_<table>` over table `<table>`: adds `_pos`, the 1-based row within its file. Rows keep file
 * order (DuckDB preserves insertion order), so a file's rows are a run of rowids.
 */
export async function createView(db: Db, table: TableName): Promise<Map<number, number>> {
  const runs = await db.all<{ fid: number; first: number; n: number }>(
    `SELECT _fid AS fid, min(rowid) AS first, count(*) AS n FROM ${ident(table)} GROUP BY _fid`,
  );
  const offset = runs.length ? `CASE _fid ${runs.map((r) => `WHEN ${r.fid} THEN ${r.first}`).join(' ')} END` : '0';
  await db.run(
    `CREATE TEMP VIEW ${ident(`v_${table}`)} AS SELECT *, rowid - ${offset} + 1 AS _pos FROM ${ident(table)}`,
  );
  return new Map(runs.map((r) => [Number(r.fid), Number(r.n)]));
}

/**
 * Reads a table stored out of file order again, in file order, with its view, so its rows can be
 * placed on their lines; the same read succeeded once, so issues here are unforeseen failures.
 */
export async function reorderTable(db: Db, table: TableName, sources: Source[]): Promise<DataIssue[]> {
  await db.run(`DROP VIEW ${ident(`v_${table}`)}`);
  await db.run(`DROP TABLE ${ident(table)}`);
  const failed = await materialiseTable(db, table, sources, { inFileOrder: true });
  if (failed.length === 0) await createView(db, table);
  return failed;
}

/** Makes a validated staging table the loaded table: helper columns dropped, NOT NULL as in the schema. */
export async function finishTable(db: Db, table: TableName): Promise<void> {
  await db.run(`DROP VIEW IF EXISTS ${ident(`v_${table}`)}`);
  await db.run(`ALTER TABLE ${ident(table)} DROP COLUMN _bad`);
  await db.run(`ALTER TABLE ${ident(table)} DROP COLUMN _fid`);
  for (const c of TABLES[table].columns)
    if (c.required) await db.run(`ALTER TABLE ${ident(table)} ALTER COLUMN ${ident(c.name)} SET NOT NULL`);
}
