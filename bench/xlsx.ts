/**
 * An office-sized XLSX export against the same rows as CSV (issue 11): 200,000 dossier rows under
 * two title rows, written once as `dossiers.xlsx` (exceljs's streaming writer) and once as
 * `dossiers.csv`, each loaded by `cchc load` in its own child process under /usr/bin/time, one
 * after the other in one run. Prints peak RSS and wall time of each and their ratios; the target
 * is an XLSX peak under 2× the CSV's. Deletes its temp folder. The CLI runs from the sources
 * through tsx's loader (no build needed; both loads pay its start-up alike).
 *
 *   nice npx tsx bench/xlsx.ts [rows=200000]
 * (/usr/bin/time comes from Debian's `time` package: `apt-get install -y time`.)
 */
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { measure, REPO, requireTime } from './rss.ts';
import { DOSSIER_HEADER as HEADER, UNITS, writeUnitsAndTasks } from './world.ts';

const ROWS = Number(process.argv[2] ?? 200_000);
requireTime();

/** Deterministic rows (a fixed LCG); dates are real date cells in the workbook, ISO text in the CSV. */
function* rows(): Generator<(string | Date | null)[]> {
  let seed = 7;
  const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
  const day = (d: number) => new Date(Date.UTC(2024, 0, 1 + d));
  for (let i = 0; i < ROWS; i++) {
    const r = rand(700);
    yield [
      `HS${String(i).padStart(9, '0')}`,
      UNITS[i % UNITS.length]!,
      `1.00${rand(9000) + 1000}`,
      ['online', 'direct', 'postal'][rand(3)]!,
      r % 2 ? 'true' : 'false',
      day(r),
      day(r + 10),
      r % 5 ? day(r + (r % 15)) : null,
      r % 7 ? 'false' : 'true',
    ];
  }
}

function base(dir: string): void {
  mkdirSync(dir, { recursive: true });
  writeUnitsAndTasks(dir);
}

async function writeCsv(file: string): Promise<void> {
  const out = createWriteStream(file);
  out.write(HEADER.join(',') + '\n');
  let chunk = '';
  for (const r of rows()) {
    chunk += r.map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : (v ?? ''))).join(',') + '\n';
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      chunk = '';
    }
  }
  await new Promise<void>((resolve, reject) => out.end(chunk, () => resolve()).on('error', reject));
}

async function writeXlsx(file: string): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet('Hồ sơ');
  ws.addRow(['UBND TỈNH AN GIANG']).commit();
  ws.addRow(['DANH SÁCH HỒ SƠ THỦ TỤC HÀNH CHÍNH']).commit();
  ws.addRow(HEADER).commit();
  for (const r of rows()) {
    const row = ws.addRow(r);
    for (const c of [6, 7, 8]) row.getCell(c).numFmt = 'dd/mm/yyyy';
    row.commit();
  }
  ws.commit();
  await wb.commit();
}

const root = mkdtempSync(path.join(os.tmpdir(), 'cchc-xlsx-'));
try {
  const [csvDir, xlsxDir] = [path.join(root, 'csv'), path.join(root, 'xlsx')];
  base(csvDir);
  base(xlsxDir);
  const t0 = performance.now();
  await writeCsv(path.join(csvDir, 'dossiers.csv'));
  await writeXlsx(path.join(xlsxDir, 'dossiers.xlsx'));
  const mb = (f: string) => (statSync(f).size / 1e6).toFixed(1);
  console.log(
    `generated ${ROWS.toLocaleString('en-US')} rows: CSV ${mb(path.join(csvDir, 'dossiers.csv'))} MB, XLSX ${mb(path.join(xlsxDir, 'dossiers.xlsx'))} MB in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  const cli = [process.execPath, '--import', 'tsx', path.join(REPO, 'src', 'cli', 'main.ts')];
  const load = (dir: string, label: string) =>
    measure(label, [...cli, 'load', '--data', dir, '--db', path.join(root, `${label}.duckdb`)]);
  const csv = load(csvDir, 'csv');
  const xlsx = load(xlsxDir, 'xlsx');
  console.log(`cchc load, CSV:  peak RSS ${csv.peakMb} MB, ${csv.seconds.toFixed(1)} s`);
  console.log(`cchc load, XLSX: peak RSS ${xlsx.peakMb} MB, ${xlsx.seconds.toFixed(1)} s`);
  console.log(
    `ratio XLSX/CSV:  memory ${(xlsx.peakMb / csv.peakMb).toFixed(2)} (target < 2), time ${(xlsx.seconds / csv.seconds).toFixed(2)}`,
  );
  process.exitCode = xlsx.peakMb < 2 * csv.peakMb ? 0 : 1;
} finally {
  rmSync(root, { recursive: true, force: true });
}
