import ExcelJS from 'exceljs';
import { type Cell, type Column, type ResultSet, cellText, isNumeric } from '../result.ts';
import { neutraliseFormula, spreadsheetText } from '../../csv.ts';
import { displayWidth } from './text.ts';

const DATE_FORMAT = 'yyyy-mm-dd';
const TIMESTAMP_FORMAT = 'yyyy-mm-dd hh:mm:ss';

/** One sheet, bold frozen header, dates as date cells, numbers as numbers, text neutralised. */
export async function writeXlsx(result: ResultSet, file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('result', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = result.columns.map((c, i) => ({
    header: neutraliseFormula(c.name),
    key: String(i),
    width: Math.min(
      60,
      Math.max(8, displayWidth(c.name), ...result.rows.slice(0, 200).map((r) => displayWidth(cellText(r[i]!)))) + 2,
    ),
    style: c.kind === 'date' ? { numFmt: DATE_FORMAT } : c.kind === 'timestamp' ? { numFmt: TIMESTAMP_FORMAT } : {},
  }));
  ws.getRow(1).font = { bold: true };
  for (const row of result.rows) ws.addRow(row.map((v, i) => xlsxValue(v, result.columns[i]!)));
  await wb.xlsx.writeFile(file);
}

function xlsxValue(v: Cell, col: Column): ExcelJS.CellValue {
  if (v === null) return null;
  switch (col.kind) {
    case 'bool':
      return v === true;
    case 'int':
    case 'decimal':
    case 'float': {
      // Excel holds doubles only: integers beyond 2^53 keep their digits as text.
      const n = Number(v);
      const exact = col.kind !== 'int' || Number.isSafeInteger(n);
      return typeof v === 'number' || (Number.isFinite(n) && exact)
        ? n
        : spreadsheetText(cellText(v), isNumeric(col.kind));
    }
    case 'date':
    case 'timestamp': {
      // Excel cells carry no zone: the wall-clock value is stored as if UTC, which exceljs writes unchanged.
      const d = new Date(`${String(v).replace(' ', 'T')}${col.kind === 'date' ? 'T00:00:00' : ''}Z`);
      return Number.isNaN(d.getTime()) ? spreadsheetText(cellText(v), isNumeric(col.kind)) : d;
    }
    default:
      return spreadsheetText(cellText(v), isNumeric(col.kind));
  }
}
