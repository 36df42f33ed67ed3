/**
 * Task lists exported from the task-tracking system, or typed from a conclusion notice, often have
 * no `task_id`: a task is known by its notice and its number in it (STT). Such a file gets ids
 * derived from what it has — the document number (or the file name) and the STT, else the row —
 * and a `task_id_derived` warning that says how (docs/data.md, "Task ids").
 */
import path from 'node:path';
import type { Db } from '../db.ts';
import type { DataIssue } from '../errors.ts';
import type { TableDef, TableName } from '../schema.ts';
import type { Source } from './readers.ts';

/** The one column the loader derives when a file lacks it. */
const DERIVED: Partial<Record<TableName, string>> = { tasks: 'task_id' };

/** Whether a file of `table` may lack `column` because the loader derives it. */
export const isDerived = (table: TableName, column: string): boolean => DERIVED[table] === column;

/** The columns a file of the table must have: the required ones, less the derived one. */
export const requiredColumns = (table: TableDef) =>
  table.columns.filter((c) => c.required && !isDerived(table.name, c.name));

/**
 * The canonical column of each header position, with the STT column read as `task_id` when the
 * file has no `task_id`: the staged `task_id` then holds the STT until `deriveTaskIds` completes
 * it. No `derived` when the file has its own ids.
 */
export function withDerivedIds(
  table: TableName,
  columns: (string | null)[],
  rowNumbers: number | null,
): { columns: (string | null)[]; derived: Source['derived'] } {
  const column = DERIVED[table];
  if (!column || columns.includes(column)) return { columns, derived: undefined };
  return {
    columns: columns.map((c, i) => (i === rowNumbers ? column : c)),
    derived: { stt: rowNumbers !== null },
  };
}

/** A file's own name without its extension (`tasks.208-TB` of `tasks.208-TB.xlsx`): the prefix of rows without a document number. */
const stemOf = (abs: string) => path.basename(abs, path.extname(abs));

/**
 * Completes the ids of the staged tasks of files without a `task_id`: `<doc_no>#<STT>`, with the
 * file's name for a row without doc_no, and `#r<line>` (the row as the file numbers it) for a row
 * without an STT. Runs before the rules, so a repeated id is the `unique` error naming both rows.
 *
 * Only `task_id` is updated: DuckDB updates a VARCHAR column in place, so rowids, and with them
 * `_pos`, stay as they are (an update of a LIST column such as `_bad` is a delete and an insert).
 */
export async function deriveTaskIds(db: Db, sources: Source[]): Promise<DataIssue[]> {
  const warnings: DataIssue[] = [];
  for (const s of sources) {
    if (!s.derived) continue;
    const params = { fid: s.fid, stem: stemOf(s.file.abs) };
    const first = await db.one<{ first: number }>(`SELECT min(rowid) AS first FROM tasks WHERE _fid = $fid`, {
      fid: s.fid,
    });
    // A file of no rows has no ids to make, nor anything to say about them.
    if (first?.first == null) continue;
    const unnumbered = await db.all<{ rid: number }>(
      `SELECT rowid AS rid FROM tasks WHERE _fid = $fid AND task_id IS NULL ORDER BY rowid`,
      { fid: s.fid },
    );
    await db.run(
      `UPDATE tasks SET task_id = coalesce(doc_no, $stem) || '#' || task_id WHERE _fid = $fid AND task_id IS NOT NULL`,
      params,
    );
    if (unnumbered.length) {
      const lines = unnumbered.map((r) => `(${r.rid}, ${s.lineOf(r.rid - first.first + 1)})`);
      await db.run(`CREATE OR REPLACE TEMP TABLE _lines AS SELECT * FROM (VALUES ${lines.join(', ')}) v(rid, line)`);
      await db.run(
        `UPDATE tasks SET task_id = coalesce(tasks.doc_no, $stem) || '#r' || _lines.line FROM _lines WHERE tasks._fid = $fid AND tasks.rowid = _lines.rid`,
        params,
      );
      await db.run(`DROP TABLE _lines`);
    }
    const example = await db.one<{ id: string }>(
      `SELECT task_id AS id FROM tasks WHERE _fid = $fid ORDER BY rowid LIMIT 1`,
      {
        fid: s.fid,
      },
    );
    warnings.push({
      file: s.file.rel,
      line: null,
      column: 'task_id',
      rule: 'task_id_derived',
      message: derivedMessage(s.derived.stt, params.stem, unnumbered.length, example?.id ?? null),
    });
  }
  return warnings;
}

function derivedMessage(stt: boolean, stem: string, unnumbered: number, example: string | null): string {
  const eg = example === null ? '' : ` (the first: "${example}")`;
  if (!stt)
    return `no task_id and no STT column: each task's id is its doc_no (or "${stem}" without one) and its row, "<doc_no>#r<row>"${eg}; moving or inserting rows changes the ids — add an STT or task_id column to keep them`;
  const rows = unnumbered
    ? `; ${unnumbered} row${unnumbered === 1 ? '' : 's'} without an STT take their row instead ("<doc_no>#r<row>"), which changes when rows move`
    : '';
  return `no task_id column: each task's id is its doc_no (or "${stem}" without one) and its STT, "<doc_no>#<STT>"${eg}; the same export gives the same ids, however its rows are sorted${rows}`;
}

/** Said under a repeated derived id: what made it, and how to tell the two tasks apart. */
export const DUPLICATE_HINT =
  ' — the id is derived from doc_no and STT (this file has no task_id): give the two tasks different STTs, or add a task_id column';
