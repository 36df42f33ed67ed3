/**
 * An XLSX sheet as rows of cell text, streamed (exceljs's streaming reader: a 200,000-row export
 * is never held whole), plus what the streaming reader leaves out: the sheet names and merged
 * ranges, read from the zip directly.
 */
import { createRequire } from 'node:module';
import { cellText } from './cells.ts';
import { Zip } from './zip.ts';

export interface SheetInfo {
  name: string;
  /** Zip entry of the sheet, e.g. `xl/worksheets/sheet1.xml`. */
  entry: string;
}

/** A merged range, 1-based and inclusive, as Excel numbers rows and columns. */
export interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetRow {
  line: number;
  cells: (string | null)[];
  /** Positions of the cells that are Excel date cells (their text is the ISO date). */
  dates?: number[];
}

const attr = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];
const xmlText = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** A workbook's zip directory and its sheets, read once and then shared by whoever reads the sheets. */
export interface Workbook {
  zip: Zip;
  sheets: SheetInfo[];
}

export function openWorkbook(abs: string): Workbook {
  const zip = Zip.open(abs);
  return { zip, sheets: sheetsOf(zip) };
}

/** The workbook's sheets in their tab order. */
function sheetsOf(zip: Zip): SheetInfo[] {
  const book = zip.text('xl/workbook.xml') ?? '';
  const rels = zip.text('xl/_rels/workbook.xml.rels') ?? '';
  const target = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attr(m[0], 'Id');
    const t = attr(m[0], 'Target');
    if (id && t) target.set(id, t.startsWith('/') ? t.slice(1) : `xl/${t}`);
  }
  const sheets: SheetInfo[] = [];
  for (const m of book.matchAll(/<sheet\b[^>]*>/g)) {
    const entry = target.get(attr(m[0], 'r:id') ?? '');
    if (entry && zip.has(entry)) sheets.push({ name: xmlText(attr(m[0], 'name') ?? ''), entry });
  }
  return sheets;
}

const colNumber = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

function parseRef(ref: string): Merge | null {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(ref);
  if (!m) return null;
  return { left: colNumber(m[1]!), top: Number(m[2]), right: colNumber(m[3]!), bottom: Number(m[4]) };
}

const END_OF_ROWS = Buffer.from('</sheetData>');

/** The merged ranges of a sheet; they follow the rows in the sheet's XML, so the rows are skimmed. */
export async function mergesOf(zip: Zip, entry: string): Promise<Merge[]> {
  let tail = '';
  let carry = Buffer.alloc(0);
  let past = false;
  for await (const chunk of zip.stream(entry)) {
    if (past) {
      tail += chunk.toString('utf8');
      continue;
    }
    const joined = carry.length ? Buffer.concat([carry, chunk]) : chunk;
    const at = joined.indexOf(END_OF_ROWS);
    if (at >= 0) {
      past = true;
      tail = joined.toString('utf8', at);
    } else carry = Buffer.from(joined.subarray(Math.max(0, joined.length - END_OF_ROWS.length)));
  }
  const merges: Merge[] = [];
  for (const m of tail.matchAll(/<mergeCell\b[^>]*ref="([^"]+)"/g)) {
    const r = parseRef(m[1]!);
    if (r) merges.push(r);
  }
  return merges;
}

interface ExcelStreamReader {
  _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncIterable<unknown>;
  _parseStyles(entry: NodeJS.ReadableStream): Promise<void>;
  _parseWorkbook(entry: NodeJS.ReadableStream): Promise<void>;
  _parseWorksheet(
    iterator: AsyncIterable<Buffer>,
    sheetNo: string,
  ): Iterable<{ value: AsyncIterable<{ number: number; values: unknown[] }> }>;
}

/**
 * The rows of one sheet, as Excel numbers them, empty rows left out. exceljs's streaming reader
 * parses the zip in file order and, since Excel and exceljs write the sheets before the shared
 * strings, first copies every sheet to a temp file; so its parts are fed here from our own zip
 * reader instead: shared strings, styles (which tell date cells from numbers) and the workbook
 * part (its date system), then the one
 * sheet, streamed.
 */
export async function* sheetRows(abs: string, zip: Zip, sheet: SheetInfo): AsyncGenerator<SheetRow> {
  const { default: ExcelJS } = await import('exceljs');
  const require = createRequire(import.meta.url);
  const iterateStream = require('exceljs/lib/utils/iterate-stream') as (
    s: NodeJS.ReadableStream,
  ) => AsyncIterable<Buffer>;
  const options = {
    sharedStrings: 'cache',
    styles: 'cache',
    worksheets: 'emit',
    hyperlinks: 'ignore',
    entries: 'ignore',
  } as const;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(abs, options) as unknown as ExcelStreamReader;
  const part = (name: string) => zip.stream(name) as unknown as NodeJS.ReadableStream;
  if (zip.has('xl/sharedStrings.xml'))
    for await (const _ of reader._parseSharedStrings(part('xl/sharedStrings.xml'))) void _;
  if (zip.has('xl/styles.xml')) await reader._parseStyles(part('xl/styles.xml'));
  // The workbook part says whether dates count from 1904 (old Mac workbooks).
  await reader._parseWorkbook(part('xl/workbook.xml'));
  const sheetNo = /sheet(\d+)\.xml$/.exec(sheet.entry)?.[1] ?? '1';
  for (const { value: ws } of reader._parseWorksheet(iterateStream(part(sheet.entry)), sheetNo)) {
    for await (const row of ws) {
      const values = row.values;
      const dates: number[] = [];
      const cells = Array.from({ length: Math.max(0, values.length - 1) }, (_, i) => {
        if (values[i + 1] instanceof Date) dates.push(i);
        return cellText(values[i + 1]);
      });
      yield dates.length ? { line: row.number, cells, dates } : { line: row.number, cells };
    }
  }
}
