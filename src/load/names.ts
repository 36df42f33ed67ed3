/**
 * Matching of names people type (file names, spreadsheet headers, codes) against the contract's
 * canonical names, and "did you mean" suggestions for the ones that match nothing.
 */
import { IGNORED_HEADERS, type TableDef } from '../schema.ts';
import { editDistance, fold } from '../text.ts';

/** Folds case, Vietnamese diacritics (đ included) and runs of spaces/underscores, so `Mã ĐV` = `ma dv`. */
export function foldName(s: string): string {
  return fold(s)
    .replace(/[\s_]+/g, ' ')
    .trim();
}

/** The candidate closest to `name` (after folding), or undefined when nothing is reasonably close. */
export function closest(name: string, candidates: readonly string[]): string | undefined {
  const f = foldName(name);
  // A truncated spelling ("proc", "digital") means the longer name, however far the edit distance.
  const prefixed = f.length >= 3 ? candidates.filter((c) => foldName(c).startsWith(f)) : [];
  if (prefixed.length === 1) return prefixed[0];
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(f, foldName(c));
    if (d < bestD) [best, bestD] = [c, d];
  }
  // Past half the length a "suggestion" is noise rather than help.
  return bestD <= Math.max(2, Math.ceil(f.length / 2)) ? best : undefined;
}

/** `; did you mean "x"?` when a candidate is close to `value`, else nothing. */
export function didYouMean(value: unknown, candidates: readonly string[]): string {
  const near = closest(String(value), candidates);
  return near ? `; did you mean "${near}"?` : '';
}

export type HeaderMatch =
  { kind: 'column'; column: string } | { kind: 'ignored' } | { kind: 'unknown'; suggestion: string | undefined };

/** Maps folded canonical names and aliases of one table to canonical column names. */
export function headerIndex(table: TableDef): Map<string, string> {
  const m = new Map<string, string>();
  for (const col of table.columns) {
    for (const n of [col.name, ...col.aliases]) m.set(foldName(n), col.name);
  }
  return m;
}

/** Words between a group label and its sub-labels that add nothing ("Trong đó", "Chia ra"). */
const FILLERS = ['trong do', 'chia ra', 'bao gom', 'gom'];

/** The folded labels of a header of several rows (`group › sub`), without the filler rows. */
export const labelParts = (header: string): string[] =>
  foldName(header)
    .split(' › ')
    .filter((p) => !FILLERS.includes(p.replace(/[:,.]$/, '')));

export function matchHeader(header: string, table: TableDef, index = headerIndex(table)): HeaderMatch {
  const f = foldName(header);
  if (IGNORED_HEADERS.includes(f)) return { kind: 'ignored' };
  const column = index.get(f);
  if (column) return { kind: 'column', column };
  // A header of several rows (`group › sub`): the longest tail of its labels that names a column,
  // so a title row merged above the header, or a "Trong đó" row, does not hide the column.
  const parts = labelParts(header);
  if (parts.length > 1 || f.includes(' › ')) {
    for (let k = 0; k < parts.length; k++) {
      const tail = parts.slice(k).join(' › ');
      if (k === parts.length - 1 && IGNORED_HEADERS.includes(tail)) return { kind: 'ignored' };
      const hit = index.get(tail);
      if (hit) return { kind: 'column', column: hit };
    }
  }
  const all = table.columns.flatMap((c) => [c.name, ...c.aliases]);
  const near = closest(header, all);
  return { kind: 'unknown', suggestion: near === undefined ? undefined : index.get(foldName(near)) };
}
