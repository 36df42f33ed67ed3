import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.ts';
import { CliError } from '../src/errors.ts';
import { extractNotice, TASK_COLUMNS, type Extraction } from '../src/extract/index.ts';
import { readUnits } from '../src/extract/units.ts';
import { siblingPaths, writeExtraction } from '../src/extract/write.ts';
import { checkData } from '../src/load/index.ts';
import { tempDir } from './tmp.ts';

const FIX = path.join(import.meta.dirname, 'fixtures/extract');
const SEED_003 = path.join(FIX, '003_eb182466d1110d9e.txt');
const SEED_004 = path.join(FIX, '004_ccf95d250fff1e0f.txt');
const tmp = () => tempDir('cchc-extract-');

let x003: Extraction;
let x004: Extraction;
beforeAll(async () => {
  const units = await readUnits(FIX);
  x003 = extractNotice(fs.readFileSync(SEED_003, 'utf8'), { units });
  x004 = extractNotice(fs.readFileSync(SEED_004, 'utf8'), {
    units,
    docNo: '252/TB-UBND',
    assignedOn: '2023-11-28',
    scope: 'AG.CT',
  });
});

describe('siblingPaths(out)', () => {
  it("names the documents file by the loader's table convention", () => {
    expect(siblingPaths('/r/tasks.208.csv')).toEqual({
      tasks: '/r/tasks.208.csv',
      documents: '/r/documents.208.csv',
      review: '/r/tasks.208.review.csv',
    });
    expect(siblingPaths('/r/tasks.xlsx')).toEqual({
      tasks: '/r/tasks.xlsx',
      documents: '/r/documents.xlsx',
      review: null,
    });
  });
});

describe('writeExtraction(x, out.csv)', () => {
  it('writes a tasks file and a documents file that the loader accepts as they are, and the review beside them', async () => {
    const dir = tmp();
    fs.copyFileSync(path.join(FIX, 'units.csv'), path.join(dir, 'units.csv'));
    const files = await writeExtraction(x003, path.join(dir, 'tasks.208.csv'));
    expect(files.map((f) => path.basename(f))).toEqual(['tasks.208.csv', 'documents.208.csv', 'tasks.208.review.csv']);
    expect(fs.readFileSync(files[0]!, 'utf8').split('\n')[0]).toBe(TASK_COLUMNS.join(','));
    // The review file is for people; the loaded folder holds only the two table files.
    const moved = path.join(tmp(), 'review.csv');
    fs.renameSync(files[2]!, moved);
    const checked = await checkData(dir);
    expect(checked.issues).toEqual([]);
    expect(checked.tables.find((t) => t.name === 'tasks')!.rows).toBe(x003.rows.length);
    const review = fs.readFileSync(moved, 'utf8').split('\n');
    expect(review[0]).toBe('task_id,source_lines,confidence,check,lead_name,review');
    const row = x003.rows.find((r) => r.source_lines === '172-174')!;
    expect(review.find((l) => l.startsWith('208/TB-VPUBND-') && l.includes(',172-174,'))).toContain(
      `,${row.confidence},${row.check ? 'yes' : ''},Sở Nội vụ,`,
    );
  });

  it('refuses to overwrite without force and leaves the old files as they were', async () => {
    const dir = tmp();
    const out = path.join(dir, 'tasks.csv');
    fs.writeFileSync(out, 'old');
    await expect(writeExtraction(x003, out)).rejects.toThrow(CliError);
    expect(fs.readFileSync(out, 'utf8')).toBe('old');
    expect(fs.readdirSync(dir)).toEqual(['tasks.csv']);
    await writeExtraction(x003, out, { force: true });
    expect(fs.readFileSync(out, 'utf8')).toMatch(/^task_id,/);
  });
});

describe('writeExtraction(x, out.xlsx)', () => {
  it('highlights rows to check with a note, keeps the first sheet loadable, and adds review and documents sheets', async () => {
    const dir = tmp();
    fs.copyFileSync(path.join(FIX, 'units.csv'), path.join(dir, 'units.csv'));
    const [file] = await writeExtraction(x004, path.join(dir, 'tasks.xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file!);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['tasks', 'review', 'documents']);
    const ws = wb.worksheets[0]!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([...TASK_COLUMNS]);
    const fills = x004.rows.map((r, i) => {
      const cell = ws.getRow(i + 2).getCell(1);
      return {
        severity: r.severity,
        fill: cell.fill?.type === 'pattern' ? (cell.fill.fgColor?.argb ?? null) : null,
        note: cell.note ? String(typeof cell.note === 'string' ? cell.note : JSON.stringify(cell.note)) : null,
      };
    });
    expect(fills.filter((f) => f.severity === null).every((f) => f.fill === null && f.note === null)).toBe(true);
    expect(
      fills
        .filter((f) => f.severity === 'deadline')
        .every(
          (f) => f.fill === 'FFDDEBF7' && /deadline: (no phrase that sets one|depends on an event)/.test(f.note ?? ''),
        ),
    ).toBe(true);
    expect(fills.filter((f) => f.severity !== null).length).toBeGreaterThan(0);
    expect(fills.filter((f) => f.severity === null).length).toBeGreaterThan(0);
    expect((wb.getWorksheet('documents')!.getRow(2).values as unknown[]).slice(1, 2)).toEqual(['252/TB-UBND']);
    // Named after tasks, the workbook is one file of tasks: its other sheets are named, not read.
    const { issues, warnings } = await checkData(dir);
    expect(issues).toEqual([]);
    expect(warnings.filter((w) => w.rule === 'sheet').map((w) => w.message)).toEqual([
      'read sheet "tasks" as tasks; not read: "review", "documents" (a sheet named tasks is read in preference to the first)',
    ]);
  });
});

describe('cchc extract', () => {
  const run = async (...args: string[]) => {
    const err: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = (s: string) => (err.push(s), true);
    try {
      return { code: await main(['node', 'cchc', 'extract', ...args]), err: err.join('') };
    } finally {
      process.stderr.write = write;
    }
  };

  it('writes the files and summarises on stderr, exit 0', async () => {
    const dir = tmp();
    const r = await run(SEED_003, '--units', FIX, '--out', path.join(dir, 'tasks.csv'));
    expect(r.code).toBe(0);
    expect(r.err).toMatch(
      /208\/TB-VPUBND issued 2025-03-17, meeting 2025-03-04, chaired by Hồ Văn Mừng: 199 task rows proposed/,
    );
    expect(fs.readdirSync(dir).sort()).toEqual(['documents.csv', 'tasks.csv', 'tasks.review.csv']);
  });

  it('makes the review folder --out names, under a path with spaces and Vietnamese letters', async () => {
    const dir = path.join(tmp(), 'Tài liệu', 'Báo cáo quý', 'review');
    const r = await run(SEED_003, '--units', FIX, '--out', path.join(dir, 'tasks.208.xlsx'));
    expect(r.code).toBe(0);
    expect(fs.readdirSync(dir)).toEqual(['tasks.208.xlsx']);
  });

  it('rejects a bad flag value or a missing notice with exit 2 and a message, no stack', async () => {
    const bad = await run(SEED_004, '--units', FIX, '--assigned-on', '31/02/2023');
    expect(bad).toMatchObject({ code: 2 });
    expect(bad.err).toMatch(/--assigned-on "31\/02\/2023" is not a date/);
    const missing = await run(path.join(FIX, 'nope.txt'), '--units', FIX);
    expect(missing.code).toBe(2);
    expect(missing.err).not.toMatch(/\n\s+at /);
    const scope = await run(SEED_004, '--units', FIX, '--scope', 'XX');
    expect(scope.err).toMatch(/--scope XX is not a unit_code/);
  });
});

describe('writeExtraction(x) and formula cells', () => {
  it('neutralises a text cell that a spreadsheet would run, in the workbook as in the CSV (one rule, src/csv.ts)', async () => {
    const hostile: Extraction = {
      ...x003,
      rows: [{ ...x003.rows[0]!, task: { ...x003.rows[0]!.task, title: '=HYPERLINK("http://x","y")' } }],
    };
    const dir = tmp();
    const [xlsx] = await writeExtraction(hostile, path.join(dir, 'tasks.xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx!);
    const cell = wb
      .getWorksheet('tasks')!
      .getRow(2)
      .getCell(TASK_COLUMNS.indexOf('title') + 1);
    expect([cell.value, cell.formula]).toEqual(['\'=HYPERLINK("http://x","y")', undefined]);
    const [csv] = await writeExtraction(hostile, path.join(dir, 'tasks.csv'));
    expect(fs.readFileSync(csv!, 'utf8')).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
  });
});
