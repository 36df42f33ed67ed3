/**
 * How an office export is laid out around its table: a header of one to three rows (merged group
 * labels above sub-labels), and rows below it that are not data — totals, notes, signature
 * blocks, date lines, blank rows, group headings, a header repeated on every printed page.
 */
import type { TableDef } from '../schema.ts';
import { foldName, headerIndex } from './names.ts';
import { countKnown, matchFormHeader } from './headers.ts';
import { requiredColumns } from './task-ids.ts';
import type { Merge, SheetRow } from './sheet.ts';

/** Joins a group label and its sub-label into one header, as docs/data.md shows them. */
export const GROUP_SEPARATOR = ' › ';

export interface Header {
  /** Sheet lines of the header rows, top to bottom. */
  lines: number[];
  /** Header of each column position: the labels down the header rows, joined by GROUP_SEPARATOR. */
  labels: string[];
  /** The header rows' own cells (merges filled), to recognise the header repeated further down. */
  rows: (string | null)[][];
}

/** Cells of `rows` with each merged range's value copied into every cell of the range. */
function filled(rows: SheetRow[], merges: Merge[]): (string | null)[][] {
  const byLine = new Map(rows.map((r, i) => [r.line, i]));
  const grid = rows.map((r) => [...r.cells]);
  for (const m of merges) {
    const top = byLine.get(m.top);
    if (top === undefined) continue;
    const value = grid[top]![m.left - 1] ?? null;
    for (let line = m.top; line <= m.bottom; line++) {
      const i = byLine.get(line);
      if (i === undefined) continue;
      for (let c = m.left; c <= m.right; c++) grid[i]![c - 1] = value;
    }
  }
  return grid;
}

function compose(grid: (string | null)[][]): string[] {
  const width = Math.max(0, ...grid.map((r) => r.length));
  return Array.from({ length: width }, (_, c) => {
    const parts: string[] = [];
    for (const row of grid) {
      const v = (row[c] ?? '').normalize('NFC').trim().replace(/\s+/g, ' ');
      if (v !== '' && parts.at(-1) !== v) parts.push(v);
    }
    return parts.join(GROUP_SEPARATOR);
  });
}

/**
 * The header among the first 10 rows: the rows (one to three, consecutive) whose labels name the
 * most columns of the table, at least half of them or all the required ones. A taller header
 * wins only by naming more columns, so a one-row header never swallows the first data row.
 */
export function findHeader(rows: SheetRow[], merges: Merge[], table: TableDef): Header | null {
  const need = Math.ceil(table.columns.length / 2);
  const required = requiredColumns(table).length;
  const index = headerIndex(table);
  // Naming more columns wins; then fewer headers that name nothing, fewer rows, the earlier row.
  let best: { header: Header; score: number; unknown: number } | null = null;
  for (let i = 0; i < rows.length && rows[i]!.line <= 10; i++) {
    for (let h = 1; h <= 3 && i + h <= rows.length; h++) {
      const block = rows.slice(i, i + h);
      if (block.at(-1)!.line - block[0]!.line !== h - 1) break;
      const grid = filled(block, merges);
      // Every row of a taller header holds several labels; a title row (one text, perhaps merged
      // across the table) is no group row, and stays out of the header.
      if (h > 1 && grid.some((row) => new Set(row.filter((v) => v !== null && v.trim() !== '')).size < 2)) continue;
      const labels = compose(grid);
      const known = countKnown(labels, table);
      if (known.all < need && known.required < required) continue;
      const unknown = labels.filter((l) => l !== '' && matchFormHeader(l, table, index).kind === 'unknown').length;
      const rank = (x: { score: number; unknown: number; rows: number }) => [-x.score, x.unknown, x.rows];
      const mine = rank({ score: known.all, unknown, rows: h });
      const theirs = best && rank({ score: best.score, unknown: best.unknown, rows: best.header.lines.length });
      // Ties keep the earlier candidate, which was found first.
      if (theirs && !before(mine, theirs)) continue;
      best = { header: { lines: block.map((r) => r.line), labels, rows: grid }, score: known.all, unknown };
    }
  }
  return best?.header ?? null;
}

/** Lexicographic order of number tuples. */
function before(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
}

export type RowKind = 'data' | 'blank' | 'total' | 'note' | 'group' | 'header' | 'numbers';

const TOTAL =
  /^(tong cong|tong so|tong|cong|cong chung)(\s+(toan tinh|chung|cac .+|nhom .+|cap .+|khoi .+|[ivx]+|\d+|\(.+\)))?\s*:?$/;
const NOTE =
  /^(ghi chu|luu y|chu thich|nguoi lap( bieu)?|thu truong( don vi)?|noi nhan|(kt|tm|tl|q)\s*\.|giam doc|chu tich|pho chu tich|ke toan( truong)?|xac nhan|\((ky|ghi ro) )/;
// The day and month may be blanks left to fill in by hand ("ngày    tháng    năm 2026", "ngày ... tháng ...").
const DATE_LINE = /ngay[\s.…_]+(\d{1,2}[\s.…_]+)?thang[\s.…_]+(\d{1,2}[\s.…_]+)?nam[\s.…_]+(\d{4}|20[.…_]*)/;
/** A column number under a form's header: `(1)`, `1`, `(A)`, `A`. */
const COLUMN_NUMBER = /^\(?(\d{1,2}|[a-z])\)?$/;
const HAS_LETTER = /\p{L}/u;

export interface Classified {
  kind: RowKind;
  /** The text that decided it, for the message. */
  label: string;
}

/**
 * What a row below the header is. `footer`: a note, signature or date line was seen, so sparse
 * rows that follow (the signer's name) belong to the signature block too.
 */
export function classify(cells: (string | null)[], header: Header, mapped: number, footer: boolean): Classified {
  const filledAt: number[] = [];
  cells.forEach((v, i) => {
    if (v !== null && v.trim() !== '') filledAt.push(i);
  });
  if (filledAt.length === 0) return { kind: 'blank', label: '' };
  const texts = filledAt.map((i) => cells[i]!.normalize('NFC').trim());
  // The header again: its cells where this row has any (merged group cells hold their value once).
  const same = (r: (string | null)[]) => filledAt.every((i) => foldName(r[i] ?? '') === foldName(cells[i]!));
  if (filledAt.length >= 2 && header.rows.some(same)) return { kind: 'header', label: texts.join(' | ') };
  if (numbering(texts)) return { kind: 'numbers', label: texts.join(' ') };
  const lead = texts.slice(0, 2).map(foldName);
  const total = lead.findIndex((t) => TOTAL.test(t));
  if (total >= 0) return { kind: 'total', label: texts[total]! };
  const note = lead.findIndex((t) => NOTE.test(t) || DATE_LINE.test(t));
  if (note >= 0 || (footer && filledAt.length <= 2)) return { kind: 'note', label: texts[Math.max(0, note)]! };
  if (mapped >= 4 && filledAt.length <= 2 && filledAt.every((i) => i < 3) && texts.some((t) => HAS_LETTER.test(t))) {
    return { kind: 'group', label: texts.join(' ') };
  }
  return { kind: 'data', label: '' };
}

/**
 * A row of column numbers, as forms print under their header: at least three cells, each a
 * number or letter (in brackets or not), the numbers counting up by one from left to right.
 */
function numbering(texts: string[]): boolean {
  const marks = texts.map((t) => COLUMN_NUMBER.exec(t.toLowerCase())?.[1]);
  if (texts.length < 3 || marks.some((m) => m === undefined)) return false;
  const numbers = marks.filter((m) => /^\d+$/.test(m!)).map(Number);
  return numbers.length >= 3 && numbers.every((n, i) => i === 0 || n === numbers[i - 1]! + 1);
}

/** A number as a totals row or a data row shows it, for comparing the two; null when it is none. */
export function figure(v: string | null | undefined): number | null {
  if (v === null || v === undefined) return null;
  const t = v.trim();
  if (!/^-?\d+([.,]\d+)?$/.test(t)) return null;
  return Number(t.replace(',', '.'));
}
