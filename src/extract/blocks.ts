/**
 * Turns a notice's physical lines into logical blocks: one list item or paragraph each, with PDF
 * line wraps rejoined and every character traceable to its source line (rows cite `source_lines`).
 */

export type MarkerKind = 'roman' | 'star' | 'num' | 'letter' | 'dash' | 'plus' | 'para';

export interface Block {
  kind: MarkerKind;
  /** Nesting depth of the marker: roman/star 1, num 2, letter 3, dash 4, plus 5; paragraphs 9. */
  level: number;
  /** Text without the list marker, lines joined by one space. */
  text: string;
  firstLine: number;
  lastLine: number;
  /** Offsets in `text` where each source line starts, for `lineAt`. */
  starts: { offset: number; line: number }[];
}

const MARKERS: { kind: MarkerKind; level: number; re: RegExp }[] = [
  { kind: 'roman', level: 1, re: /^(?:I|II|III|IV|V|VI|VII|VIII|IX|X)\.\s+/ },
  { kind: 'star', level: 1, re: /^[*•]\s+/ },
  { kind: 'num', level: 2, re: /^\d{1,2}[.)]\s+/ },
  { kind: 'letter', level: 3, re: /^[a-zđ]\)\s+/ },
  { kind: 'plus', level: 5, re: /^-?\s*\+\s+/ },
  { kind: 'dash', level: 4, re: /^[-–]\s+/ },
];

/** Markdown emphasis and non-breaking spaces from exports; a bullet "* " at line start is kept. */
export function cleanLine(line: string): string {
  return line
    .replace(/\u00a0/g, ' ')
    .replace(/^\s*#{1,6}\s+/, '')
    .replace(/\*{2,}/g, '')
    .replace(/(?<=\S)\*|\*(?=[^\s*])/g, '')
    .replace(/\s+$/, '');
}

function marker(trimmed: string): { kind: MarkerKind; level: number; rest: string } {
  for (const m of MARKERS) {
    const hit = m.re.exec(trimmed);
    if (hit) return { kind: m.kind, level: m.level, rest: trimmed.slice(hit[0].length) };
  }
  return { kind: 'para', level: 9, rest: trimmed };
}

const TERMINAL = /[.:;!?]["”)]?$/;
const isPageNumber = (s: string) => /^\d{1,3}$/.test(s);
/** Table borders and rules of a copied header ("|", "-------"). */
const isRule = (s: string) => /^[|\-_=–—.\s]+$/.test(s);
/** Issuer, title and headings are set in capitals; the body does not continue them. */
const isCapitals = (s: string) => /\p{Lu}.*\p{Lu}/u.test(s) && s === s.toUpperCase();

/**
 * A PDF export wraps every line near one width; a line that long and unpunctuated continues on the
 * next line even across a blank line. Exports without hard wraps (long paragraphs) never join across blanks.
 */
function wrapWidth(lines: string[]): number | null {
  const lens = lines
    .map((l) => l.trim().length)
    .filter((n) => n > 0)
    .sort((a, b) => a - b);
  if (lens.length < 20 || lens[lens.length - 1]! > 150) return null;
  return lens[Math.floor(lens.length * 0.9)]!;
}

export function toBlocks(text: string): Block[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n').map(cleanLine);
  const width = wrapWidth(lines);
  const blocks: Block[] = [];
  let cur: Block | null = null;
  let prevRaw = '';
  let blankSince = false;
  lines.forEach((raw, i) => {
    const trimmed = raw.trim();
    if (trimmed === '' || isPageNumber(trimmed) || isRule(trimmed)) {
      blankSince = true;
      return;
    }
    const m = marker(trimmed);
    const rest = m.rest.replace(/\s+/g, ' ');
    const lower = /^\p{Ll}/u.test(rest);
    const open = cur !== null && !TERMINAL.test(cur.text);
    const longPrev = width !== null && prevRaw.trim().length >= 0.75 * width;
    const afterCapitals = cur !== null && isCapitals(prevRaw.trim()) && !isCapitals(trimmed);
    const joins = cur !== null && m.kind === 'para' && !afterCapitals && (lower || (open && (!blankSince || longPrev)));
    if (joins && cur) {
      cur.starts.push({ offset: cur.text.length + 1, line: i + 1 });
      cur.text += ' ' + rest;
      cur.lastLine = i + 1;
    } else {
      cur = {
        kind: m.kind,
        level: m.level,
        text: rest,
        firstLine: i + 1,
        lastLine: i + 1,
        starts: [{ offset: 0, line: i + 1 }],
      };
      blocks.push(cur);
    }
    prevRaw = raw;
    blankSince = false;
  });
  return blocks;
}

/** Source line of a character offset in a block's text (or in several blocks' texts joined). */
export function lineAt(b: Pick<Block, 'starts' | 'firstLine'>, offset: number): number {
  let line = b.firstLine;
  for (const s of b.starts) if (s.offset <= offset) line = s.line;
  return line;
}
