/**
 * Writes an extraction for review. The tasks file holds only the contract's columns, so it loads
 * as it is once reviewed; the review columns (source lines, confidence, notes) go beside it:
 * CSV → `NAME.review.csv` and `documents…csv`; XLSX → highlights and cell notes on the loadable
 * first sheet, plus "review" and "documents" sheets (a workbook named after tasks is read as tasks alone).
 * Every file is written to a temporary name first and renamed into place.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CliError, EXIT } from '../errors.ts';
import { formatCsv, neutraliseFormula } from '../csv.ts';
import { DOCUMENT_COLUMNS, REVIEW_COLUMNS, TASK_COLUMNS, type Extraction, type ReviewedRow } from './index.ts';

/** Orange: the lead unit is wrong or missing; yellow: low confidence; blue: only the deadline is missing. */
const FILL: Record<NonNullable<ReviewedRow['severity']>, string> = {
  unit: 'FFF4B183',
  confidence: 'FFFFE699',
  deadline: 'FFDDEBF7',
};

function reviewCells(r: ReviewedRow): (string | number)[] {
  return [r.task.task_id, r.source_lines, r.confidence, r.check ? 'yes' : '', r.lead_name, r.review];
}

/** The review as one CSV (contract columns then review columns), for stdout. */
export function reviewCsv(x: Extraction): string {
  return formatCsv(
    [...TASK_COLUMNS, ...REVIEW_COLUMNS.slice(1)],
    x.rows.map((r) => [...TASK_COLUMNS.map((c) => r.task[c]), ...reviewCells(r).slice(1)]),
  );
}

/** `tasks.208.csv` → `documents.208.csv`: the same table-name convention the loader reads. */
export function siblingPaths(out: string): { tasks: string; documents: string; review: string | null } {
  const dir = path.dirname(out);
  const ext = path.extname(out).toLowerCase();
  const base = path.basename(out, path.extname(out));
  const docBase = base.startsWith('tasks') ? `documents${base.slice('tasks'.length)}` : `documents.${base}`;
  return {
    tasks: out,
    documents: path.join(dir, `${docBase}${ext}`),
    review: ext === '.csv' ? path.join(dir, `${base}.review.csv`) : null,
  };
}

/** The one formula rule of src/csv.ts, for the workbook's text cells as for the CSV files. */
const cells = (values: readonly (string | number)[]) =>
  values.map((v) => (typeof v === 'string' ? neutraliseFormula(v) : v));

async function workbook(x: Extraction): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  const tasks = wb.addWorksheet('tasks');
  tasks.addRow([...TASK_COLUMNS]);
  tasks.getRow(1).font = { bold: true };
  for (const r of x.rows) {
    const row = tasks.addRow(cells(TASK_COLUMNS.map((c) => r.task[c])));
    if (!r.severity) continue;
    const argb = FILL[r.severity];
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb } };
    });
    row.getCell(1).note = `Check (confidence ${r.confidence}, lines ${r.source_lines}): ${r.review}`;
  }
  tasks.views = [{ state: 'frozen', ySplit: 1 }];
  tasks.getColumn(5).width = 80;
  const review = wb.addWorksheet('review');
  review.addRow([...REVIEW_COLUMNS]);
  for (const r of x.rows) review.addRow(cells(reviewCells(r)));
  const docs = wb.addWorksheet('documents');
  docs.addRow([...DOCUMENT_COLUMNS]);
  docs.addRow(cells(DOCUMENT_COLUMNS.map((c) => x.document[c])));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export interface WriteOptions {
  /** Replace existing files. */
  force?: boolean;
}

export async function writeExtraction(x: Extraction, out: string, options: WriteOptions = {}): Promise<string[]> {
  const ext = path.extname(out).toLowerCase();
  if (ext !== '.csv' && ext !== '.xlsx') throw new CliError(`--out ${out}: use a .csv or .xlsx file name`);
  const p = siblingPaths(out);
  const contents: [string, string | Buffer][] =
    ext === '.csv'
      ? [
          [
            p.tasks,
            formatCsv(
              TASK_COLUMNS,
              x.rows.map((r) => TASK_COLUMNS.map((c) => r.task[c])),
            ),
          ],
          [p.documents, formatCsv(DOCUMENT_COLUMNS, [DOCUMENT_COLUMNS.map((c) => x.document[c])])],
          [p.review!, formatCsv(REVIEW_COLUMNS, x.rows.map(reviewCells))],
        ]
      : [[p.tasks, await workbook(x)]];
  const existing = contents.map(([f]) => f).filter((f) => fs.existsSync(f));
  if (existing.length > 0 && !options.force)
    throw new CliError(
      `${existing.join(', ')} already exist${existing.length === 1 ? 's' : ''}; choose another --out or add --force`,
      EXIT.usage,
    );
  const temps: string[] = [];
  try {
    // "--out review/tasks.208.xlsx" into a review folder made for it, as the workflow in docs/extract.md says.
    fs.mkdirSync(path.dirname(out), { recursive: true });
    for (const [file, data] of contents) {
      const tmp = `${file}.${process.pid}.tmp`;
      temps.push(tmp);
      fs.writeFileSync(tmp, data);
    }
    contents.forEach(([file], i) => fs.renameSync(temps[i]!, file));
  } catch (e) {
    for (const t of temps) fs.rmSync(t, { force: true });
    throw new CliError(`cannot write ${out}: ${(e as Error).message}`, EXIT.usage, { cause: e });
  }
  return contents.map(([f]) => f);
}
