/**
 * Byte-level checks of text files (CSV, JSON) before DuckDB reads them: DuckDB would either fail
 * with a generic message or, worse, load mojibake. Vietnamese offices still have files in
 * Windows-1258 and in the legacy font encodings TCVN3 (ABC, ".Vn" fonts) and VNI, and the fix the
 * user needs depends on which one it is.
 */
import { isAscii, isUtf8 } from 'node:buffer';
import type { DataIssue } from '../errors.ts';

export type Legacy = 'TCVN3' | 'VNI' | 'Windows-1258';

function howToFix(enc: string): string {
  return enc === 'UTF-16'
    ? 'save it as "CSV UTF-8 (Comma delimited)" in Excel, or run `iconv -f UTF-16 -t UTF-8 FILE > NEW`'
    : enc === 'Windows-1258'
      ? 'save it as "CSV UTF-8 (Comma delimited)" in Excel, or run `iconv -f WINDOWS-1258 -t UTF-8 FILE > NEW`'
      : `convert the text from ${enc} to Unicode (e.g. UniKey → "Công cụ chuyển mã", source ${enc}, target Unicode), then save as UTF-8`;
}

/** Latin-1 letters Vietnamese never uses, and symbols that stand for letters in TCVN3/VNI. */
export const FOREIGN =
  /[\u00A1-\u00BF\u00C4-\u00C7\u00CB\u00CE-\u00D1\u00D6-\u00D8\u00DB\u00DC\u00DE\u00DF\u00E4-\u00E7\u00EB\u00EE-\u00F1\u00F6-\u00F8\u00FB\u00FC\u00FE\u00FF]/g;
/** The letters only Vietnamese uses, precomposed: ă đ ơ ư and the tone-marked vowels of U+1EA0–U+1EF9. */
export const VIETNAMESE_LETTERS = /[\u0102\u0103\u0110\u0111\u01A0\u01A1\u01AF\u01B0\u1EA0-\u1EF9]/g;
// Letters only real Vietnamese Unicode text has: those, or combining tone marks.
const GENUINE = new RegExp(`${VIETNAMESE_LETTERS.source}|[\\u0300-\\u0303\\u0309\\u0323]`, 'g');
// TCVN3 puts letters at 0xA1-0xBF, and lowercase toned vowels where Latin-1 has capitals ("KÕt luËn").
const TCVN3 = /[\u00A1-\u00BF]|[b-df-hj-np-tv-z][\u00C0-\u00DE][a-z]|[a-z][\u00C0-\u00DE][a-z]/g;
// VNI writes a base vowel followed by a mark byte ("Noäi", "vuï", "Sôû").
const VNI =
  /[aeiouyôö][\u00E0-\u00E5\u00E8-\u00EB\u00EF\u00F5\u00F8-\u00FC]|[AEIOUYÔÖ][\u00C0-\u00C5\u00C8-\u00CB\u00CF\u00D5\u00D8-\u00DC]/g;
// Windows-1258 writes tone marks as combining bytes after the vowel.
const W1258 =
  /[aeiouyAEIOUY\u00E2\u00EA\u00F4\u00F5\u00FD\u00E3\u00C2\u00CA\u00D4\u00D5\u00DD\u00C3][\u00CC\u00EC\u00D2\u00DE\u00F2]/g;

const count = (s: string, re: RegExp) => s.match(re)?.length ?? 0;

/** Which legacy encoding bytes read as Latin-1 look like; `withW1258` for bytes that are not UTF-8. */
export function guessLegacy(latin1: string, withW1258: boolean): Legacy {
  const scores: [Legacy, number][] = [
    ['TCVN3', count(latin1, TCVN3)],
    ['VNI', count(latin1, VNI)],
  ];
  if (withW1258) scores.push(['Windows-1258', count(latin1, W1258) * 2]);
  scores.sort((a, b) => b[1] - a[1]);
  return scores[0]![1] > 0 ? scores[0]![0] : withW1258 ? 'Windows-1258' : scores[0]![0];
}

/** Unicode text that reads like legacy-font Vietnamese ("KÕt luËn"), or null when it looks genuine. */
export function legacyMarks(text: string): Legacy | null {
  const foreign = count(text, FOREIGN) + count(text, /[a-z][\u00C0-\u00DE][a-z]/g);
  if (foreign < 2 || foreign <= count(text, GENUINE)) return null;
  return guessLegacy(text, false);
}

const CANDIDATE = new RegExp(`${FOREIGN.source}|[a-z][\\u00C0-\\u00DE][a-z]`, 'g');

export interface LegacyFinding {
  enc: Legacy;
  /** 1-based line of `text` where it shows, or null when only the text as a whole gives it away. */
  line: number | null;
  sample: string;
}

/**
 * Legacy-font text anywhere in `text`: line by line first, since one mangled cell among genuine
 * Vietnamese rows is outweighed in the whole, then the whole, for marks spread thinly over lines.
 */
export function findLegacy(text: string): LegacyFinding | null {
  const re = new RegExp(CANDIDATE.source, 'g');
  let lastStart = -1;
  let checked = 0;
  for (let m = re.exec(text); m && checked < 1000; m = re.exec(text)) {
    const start = text.lastIndexOf('\n', m.index) + 1;
    if (start === lastStart) continue;
    lastStart = start;
    checked++;
    const end = text.indexOf('\n', m.index);
    const line = text.slice(start, end === -1 ? undefined : end);
    const enc = legacyMarks(line);
    if (enc) return { enc, line: text.slice(0, start).split('\n').length, sample: excerpt(line, CANDIDATE) };
  }
  const enc = legacyMarks(text);
  return enc ? { enc, line: null, sample: excerpt(text, CANDIDATE) } : null;
}

export function legacyIssue(file: string, found: LegacyFinding, where = 'line'): DataIssue {
  const at = found.line === null ? '' : ` on ${where} ${found.line}`;
  return {
    file,
    line: null,
    column: null,
    rule: 'encoding',
    message: `text looks like ${found.enc}-encoded Vietnamese shown as Unicode${at} (e.g. "${found.sample}"); ${howToFix(found.enc)}`,
  };
}

function lineAt(buf: Buffer, offset: number): number {
  let n = 1;
  for (let i = buf.indexOf(10); i !== -1 && i < offset; i = buf.indexOf(10, i + 1)) n++;
  return n;
}

function looksUtf16(buf: Buffer): boolean {
  if (buf.length >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))) return true;
  const n = Math.min(buf.length, 4096);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) {
    if (buf[i] !== 0) continue;
    if (i % 2) odd++;
    else even++;
  }
  return Math.max(even, odd) > n / 2 / 3;
}

/** A short excerpt around the first suspicious character, for the message. */
function excerpt(text: string, re: RegExp): string {
  const m = new RegExp(re.source).exec(text);
  const at = m ? m.index : 0;
  return text
    .slice(Math.max(0, at - 12), at + 12)
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Every encoding problem of a text file's bytes, or of one piece of them (`lineBase` lines come
 * before it; pieces end on a character boundary); an empty list means DuckDB may read it.
 */
export function checkEncoding(buf: Buffer, file: string, lineBase = 0): DataIssue[] {
  const issue = (rule: string, message: string): DataIssue[] => [{ file, line: null, column: null, rule, message }];
  if (lineBase === 0 && looksUtf16(buf))
    return issue('encoding', `the file is UTF-16, not UTF-8; ${howToFix('UTF-16')}`);
  const nul = buf.indexOf(0);
  if (nul !== -1)
    return issue(
      'nul_byte',
      `the file contains NUL bytes (first at line ${lineBase + lineAt(buf, nul)}); it is binary or corrupt — export the table again as CSV UTF-8`,
    );
  if (isAscii(buf)) return [];
  if (!isUtf8(buf)) {
    const latin1 = buf.toString('latin1');
    const enc = guessLegacy(latin1, true);
    const lossy = buf.toString('utf8');
    const bad = lossy.indexOf('\uFFFD');
    const line = lineBase + (bad === -1 ? 1 : lossy.slice(0, bad).split('\n').length);
    return issue(
      'encoding',
      `the file is not UTF-8 (first bad byte on line ${line}); it looks like ${enc}; ${howToFix(enc)}`,
    );
  }
  const found = findLegacy(buf.toString('utf8'));
  return found ? [legacyIssue(file, { ...found, line: found.line === null ? null : lineBase + found.line })] : [];
}

/** Length of the longest prefix of `buf` that ends on a UTF-8 character boundary. */
export function utf8Boundary(buf: Buffer): number {
  for (let back = 1; back <= Math.min(4, buf.length); back++) {
    const b = buf[buf.length - back]!;
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: keep looking for the lead byte
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? buf.length - back : buf.length;
  }
  return buf.length;
}
