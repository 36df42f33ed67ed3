/**
 * The text of a Word notice (.docx) as a reader copying it would get it: one line a paragraph in
 * document order (a table's cells one after another, as the header table of a Decree 30 document
 * is laid out), a tab as a tab, a line break as a new line, and the numbers and bullets Word
 * draws for a numbered list ("1.", "a)", "-"), which are not in the text itself: without them
 * the items of an auto-numbered notice would lose the markers the reader of a notice goes by.
 */
import { Zip } from '../load/zip.ts';

/** Why a .docx could not be read; the caller names the file. */
export class DocxError extends Error {}

interface Level {
  start: number;
  format: string;
  text: string;
}

interface Numbering {
  /** numId → abstractNumId, and the levels a num restarts (startOverride). */
  nums: Map<string, { abstract: string; starts: Map<number, number> }>;
  abstracts: Map<string, Map<number, Level>>;
}

interface ParaStyle {
  numId?: string;
  ilvl?: number;
  basedOn?: string;
}

const TOKEN = /<(\/?)([A-Za-z][\w.]*:?[\w.]*)((?:\s+[^\s=>]+="[^"]*")*)\s*(\/?)>|([^<]+)/g;

const attr = (attrs: string, name: string): string | undefined => new RegExp(`\\s${name}="([^"]*)"`).exec(attrs)?.[1];

function unescape(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[e] ?? '';
  });
}

type Token = { text: string } | { close: boolean; name: string; attrs: string; empty: boolean };

function* tokens(xml: string): Generator<Token> {
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(xml); m; m = TOKEN.exec(xml)) {
    if (m[5] !== undefined) yield { text: m[5] };
    else yield { close: m[1] === '/', name: m[2]!, attrs: m[3] ?? '', empty: m[4] === '/' };
  }
}

function readNumbering(xml: string | undefined): Numbering {
  const numbering: Numbering = { nums: new Map(), abstracts: new Map() };
  if (!xml) return numbering;
  let abstract: Map<number, Level> | undefined;
  let level: Level | undefined;
  let num: { abstract: string; starts: Map<number, number> } | undefined;
  let override: number | undefined;
  for (const t of tokens(xml)) {
    if (!('name' in t) || t.close) continue;
    const val = attr(t.attrs, 'w:val');
    switch (t.name) {
      case 'w:abstractNum':
        abstract = new Map();
        numbering.abstracts.set(attr(t.attrs, 'w:abstractNumId') ?? '', abstract);
        num = undefined;
        break;
      case 'w:lvl':
        level = { start: 1, format: 'decimal', text: '' };
        if (abstract) abstract.set(Number(attr(t.attrs, 'w:ilvl') ?? 0), level);
        break;
      case 'w:start':
        if (level) level.start = Number(val ?? 1);
        break;
      case 'w:numFmt':
        if (level) level.format = val ?? 'decimal';
        break;
      case 'w:lvlText':
        if (level) level.text = unescape(val ?? '');
        break;
      case 'w:num':
        num = { abstract: '', starts: new Map() };
        numbering.nums.set(attr(t.attrs, 'w:numId') ?? '', num);
        abstract = undefined;
        level = undefined;
        break;
      case 'w:abstractNumId':
        if (num) num.abstract = val ?? '';
        break;
      case 'w:lvlOverride':
        override = Number(attr(t.attrs, 'w:ilvl') ?? 0);
        break;
      case 'w:startOverride':
        if (num && override !== undefined) num.starts.set(override, Number(val ?? 1));
        break;
    }
  }
  return numbering;
}

/** Paragraph styles that number their paragraphs ("Heading 1" bound to a list), with what they are based on. */
function readStyles(xml: string | undefined): Map<string, ParaStyle> {
  const styles = new Map<string, ParaStyle>();
  if (!xml) return styles;
  let style: ParaStyle | undefined;
  for (const t of tokens(xml)) {
    if (!('name' in t) || t.close) continue;
    const val = attr(t.attrs, 'w:val');
    if (t.name === 'w:style') {
      style = {};
      styles.set(attr(t.attrs, 'w:styleId') ?? '', style);
    } else if (style && t.name === 'w:basedOn') style.basedOn = val;
    else if (style && t.name === 'w:numId') style.numId = val;
    else if (style && t.name === 'w:ilvl') style.ilvl = Number(val ?? 0);
  }
  return styles;
}

const ROMAN: [number, string][] = [
  [1000, 'm'],
  [900, 'cm'],
  [500, 'd'],
  [400, 'cd'],
  [100, 'c'],
  [90, 'xc'],
  [50, 'l'],
  [40, 'xl'],
  [10, 'x'],
  [9, 'ix'],
  [5, 'v'],
  [4, 'iv'],
  [1, 'i'],
];

function roman(n: number): string {
  let out = '';
  for (const [v, s] of ROMAN) for (; n >= v; n -= v) out += s;
  return out;
}

/** "a" … "z", then "aa", "bb", as Word letters a list past z. */
const letter = (n: number): string => String.fromCharCode(97 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);

function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'lowerLetter':
      return letter(n);
    case 'upperLetter':
      return letter(n).toUpperCase();
    case 'lowerRoman':
      return roman(n);
    case 'upperRoman':
      return roman(n).toUpperCase();
    case 'decimalZero':
      return String(n).padStart(2, '0');
    case 'none':
      return '';
    default:
      return String(n);
  }
}

/** A bullet drawn from a symbol font (U+F0B7 of Symbol, U+F0A7 of Wingdings) is copied as "•". */
const bullet = (text: string): string => (/^[-–+*•o]$/.test(text) ? text : '•');

/** Draws each numbered paragraph's marker, keeping one counter per list and level as Word does. */
class Counter {
  private readonly counts = new Map<string, number[]>();
  private readonly restarted = new Set<string>();
  constructor(private readonly numbering: Numbering) {}

  marker(numId: string, ilvl: number): string {
    const num = this.numbering.nums.get(numId);
    const levels = num && this.numbering.abstracts.get(num.abstract);
    const level = levels?.get(ilvl);
    if (!num || !levels || !level) return '';
    if (level.format === 'bullet') return `${bullet(level.text)} `;
    // Lists that share an abstract definition go on counting together, unless one restarts a level.
    let counts = this.counts.get(num.abstract);
    if (!counts) this.counts.set(num.abstract, (counts = []));
    const restart = num.starts.get(ilvl);
    if (restart !== undefined && !this.restarted.has(`${numId}:${ilvl}`)) {
      this.restarted.add(`${numId}:${ilvl}`);
      counts[ilvl] = restart - 1;
    }
    counts[ilvl] = (counts[ilvl] ?? level.start - 1) + 1;
    counts.length = ilvl + 1;
    const text = level.text.replace(/%(\d)/g, (_, d: string) => {
      const k = Number(d) - 1;
      const l = levels.get(k);
      return l ? formatNumber(counts[k] ?? l.start, l.format) : '';
    });
    return text ? `${text} ` : '';
  }
}

function styleNumbering(styles: Map<string, ParaStyle>, id: string | undefined): ParaStyle {
  const out: ParaStyle = {};
  for (let seen = 0; id && seen < 20; seen++) {
    const s = styles.get(id);
    if (!s) break;
    out.numId ??= s.numId;
    out.ilvl ??= s.ilvl;
    id = s.basedOn;
  }
  return out;
}

/** Lines of the document body. */
function bodyText(xml: string, numbering: Numbering, styles: Map<string, ParaStyle>): string {
  const counter = new Counter(numbering);
  const lines: string[] = [];
  // A paragraph inside a text box is nested in the paragraph that anchors it: a stack of open ones.
  const open: { text: string; numId?: string; ilvl?: number; style?: string }[] = [];
  let inText = false;
  let inPPr = 0;
  // Word writes a text box twice, as the drawing and as its fallback for old readers: read one.
  let skip = 0;
  for (const t of tokens(xml)) {
    const p = open[open.length - 1];
    if (!('name' in t)) {
      if (inText && p && !skip) p.text += unescape(t.text);
      continue;
    }
    if (t.name === 'mc:Fallback' || t.name === 'w:pPrChange' || t.name === 'w:del') {
      if (!t.empty) skip += t.close ? -1 : 1;
      continue;
    }
    if (skip) continue;
    if (t.close) {
      if (t.name === 'w:t') inText = false;
      else if (t.name === 'w:pPr') inPPr--;
      else if (t.name === 'w:p' && p) {
        open.pop();
        const fromStyle = styleNumbering(styles, p.style);
        const numId = p.numId ?? fromStyle.numId;
        const marker = numId && numId !== '0' ? counter.marker(numId, p.ilvl ?? fromStyle.ilvl ?? 0) : '';
        lines.push(marker + p.text);
      }
      continue;
    }
    const val = attr(t.attrs, 'w:val');
    switch (t.name) {
      case 'w:p':
        if (t.empty) lines.push('');
        else open.push({ text: '' });
        break;
      case 'w:pPr':
        if (!t.empty) inPPr++;
        break;
      case 'w:pStyle':
        if (p && inPPr) p.style = val;
        break;
      case 'w:numId':
        if (p && inPPr) p.numId = val;
        break;
      case 'w:ilvl':
        if (p && inPPr) p.ilvl = Number(val ?? 0);
        break;
      case 'w:t':
        inText = !t.empty;
        break;
      case 'w:tab':
        if (p && !inPPr) p.text += '\t';
        break;
      case 'w:br':
      case 'w:cr':
        if (p) p.text += '\n';
        break;
      case 'w:noBreakHyphen':
        if (p) p.text += '-';
        break;
    }
  }
  return lines.join('\n');
}

/** A part of the zip at `file` by name, undefined when absent; a file that is no zip, or a broken one, is a DocxError. */
function zipParts(file: string): (name: string) => string | undefined {
  const broken = (e: unknown) => new DocxError(`it is not a Word (.docx) file: ${(e as Error).message}`);
  let zip: Zip;
  try {
    zip = Zip.open(file);
  } catch (e) {
    throw broken(e);
  }
  return (name) => {
    try {
      return zip.text(name) ?? undefined;
    } catch (e) {
      throw broken(e);
    }
  };
}

/** The text of the .docx at `file`, read with the loader's zip reader as an .xlsx is. */
export function docxText(file: string): string {
  const part = zipParts(file);
  const document = part('word/document.xml');
  if (document === undefined) throw new DocxError('it has no word/document.xml, so it is no Word document');
  return bodyText(document, readNumbering(part('word/numbering.xml')), readStyles(part('word/styles.xml')));
}
