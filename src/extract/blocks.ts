/**
 * Turns a notice's physical lines into logical blocks: one list item or paragraph each, with PDF
 * line wraps rejoined and every character traceable to its source line (rows cite `source_lines`).
 */

export type MarkerKind = 'roman' | 'star' | 'num' | 'sub' | 'letter' | 'paren' | 'dash' | 'plus' | 'para';

export interface Block {
  kind: MarkerKind;
  /** Nesting depth of the marker: roman/star 1, num 2, sub (1.2.) 3 (1.2.3. 3.5), letter 4, paren ((1)) 5, dash 6, plus 7; paragraphs 9. */
  level: number;
  /** Text without the list marker, lines joined by one space. */
  text: string;
  firstLine: number;
  lastLine: number;
  /** Offsets in `text` where each source line starts, for `lineAt`. */
  starts: { offset: number; line: number }[];
  /**
   * A markdown heading ("## Phó Thủ tướng yêu cầu …") with no list marker, or a bold question: an article's
   * own heading over the passage it quotes next. It ends the item above it and is never a task.
   */
  heading?: boolean;
  /** An elision ("...", "[…]") where an article leaves out the rest of the item it quotes: it ends that item. */
  elision?: boolean;
}

const MARKERS: { kind: MarkerKind; level: number; re: RegExp }[] = [
  { kind: 'roman', level: 1, re: /^(?:I|II|III|IV|V|VI|VII|VIII|IX|X)\.\s+/ },
  { kind: 'star', level: 1, re: /^\*\s+/ },
  { kind: 'num', level: 2, re: /^\d{1,2}[.)/]\s+/ },
  // "1.2. Về việc …", "2.3 Sở …": a decimal item; a capital must follow, so "1.5 triệu" is no marker.
  // "1.3.2. Các sở: …" a decimal item of the third level, inside "1.3.".
  { kind: 'sub', level: 3.5, re: /^\d{1,2}\.\d{1,2}\.\d{1,2}\.?\s+(?=\p{Lu})/u },
  { kind: 'sub', level: 3, re: /^\d{1,2}\.\d{1,2}\.?\s+(?=\p{Lu})/u },
  // "a) Rà soát …", and "a. Nhận thức …" with a stop, a capital after it.
  { kind: 'letter', level: 4, re: /^[a-zđ](?:\)|\.(?=\s+\p{Lu}))\s+/u },
  { kind: 'paren', level: 5, re: /^\(\d{1,2}\)\.?\s+(?=\p{Lu})/u },
  { kind: 'plus', level: 7, re: /^-?\s*\+\s+/ },
  { kind: 'dash', level: 6, re: /^[-–•]\s+/ },
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
    if (!hit) continue;
    const rest = trimmed.slice(hit[0].length);
    // "* Lưu ý: …" is a note inside the item above it, not a section of its own.
    if (m.kind === 'star' && /^(Lưu ý|Chú ý|Ghi chú)(?=[\s:])/u.test(rest)) break;
    return { kind: m.kind, level: m.level, rest };
  }
  return { kind: 'para', level: 9, rest: trimmed };
}

/** A list marker with nothing after it on its line. */
const BARE_MARKER = /^(?:(?:I|II|III|IV|V|VI|VII|VIII|IX|X)\.|\d{1,2}(?:\.\d{1,2})*\.|[a-zđ]\)|\(\d{1,2}\)\.?)$/;
const TERMINAL = /[.:;!?]["”)]?$/;
const isPageNumber = (s: string) => /^\d{1,3}$/.test(s);
/** Table borders and rules of a copied header ("|", "-------"). */
/** A converter's mark where a PDF page ended ("--- PAGE BREAK ---"): no text of the notice. */
const PAGE_BREAK = /^-{2,}\s*PAGE BREAK\s*-{2,}$/i;
const isRule = (s: string) => /^[|\-_=–—.\s]+$/.test(s) || PAGE_BREAK.test(s);
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

const indentOf = (line: string) => /^ */.exec(line)![0].length;

/**
 * A layout copy of a PDF (pdftotext -layout) sets the lines that continue a paragraph at the left
 * margin and indents the first line of each paragraph and item: the margin is the indentation most
 * lines have. A text where no line is indented (a Word or portal copy) has none, and says nothing this way.
 */
function layoutMargin(lines: string[]): number | null {
  const counts = new Map<number, number>();
  for (const l of lines) if (l.trim() !== '') counts.set(indentOf(l), (counts.get(indentOf(l)) ?? 0) + 1);
  const deep = [...counts].filter(([n]) => n >= 3).reduce((a, [, c]) => a + c, 0);
  if (deep < 5) return null;
  return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0];
}

/** The column where a marker line's text starts: a wrapped item's lines may hang there. */
function textColumn(line: string): number {
  const t = line.trimStart();
  return indentOf(line) + (t.length - marker(t).rest.length);
}

/**
 * Footnotes of a PDF copy: after a blank line, a line opening with the footnote's number and a capital
 * ("1 Các quy định của Luật …", no "." or ")" after the number as a list item has), running to the
 * page's number without a list item between. They are dropped: the page break cuts the paragraph they
 * stand in, which goes on after the page number.
 */
function footnotes(lines: string[]): Set<number> {
  const out = new Set<number>();
  lines.forEach((line, i) => {
    if (!/^\s*\d{1,2}\s+\p{Lu}/u.test(line) || (i > 0 && lines[i - 1]!.trim() !== '')) return;
    for (let j = i + 1; j < lines.length && j < i + 30; j++) {
      const t = lines[j]!.trim();
      if (isPageNumber(t)) {
        for (let k = i; k < j; k++) out.add(k);
        return;
      }
      if (t !== '' && marker(t).kind !== 'para') return;
    }
  });
  return out;
}

/** Numbered and lettered markers, the ones that head a part of a notice. */
const HEADING_KINDS = new Set<MarkerKind>(['roman', 'num', 'sub', 'letter', 'paren']);

export interface BlockOptions {
  /**
   * Whether a numbered line is a heading — it only names addressees ("3. Sở Xây dựng", "6. Công ty Điện
   * lực Lào Cai") or heads the closing section ("3. Tổ chức thực hiện"): the task reader's test, since
   * lines know no agencies.
   */
  isHeading?: (text: string) => boolean;
}

export function toBlocks(text: string, options: BlockOptions = {}): Block[] {
  const source = text.replace(/\r\n?/g, '\n').split('\n');
  const all = source.map(cleanLine);
  const notes = footnotes(all);
  const lines = all.map((l, i) => (notes.has(i) ? '' : l));
  // A Word or markdown export may break a line right after its marker ("**1." / "Sở Công Thương:**", "IV." /
  // "PHÂN CÔNG NHIỆM VỤ"): a marker alone on its line takes the next line's text.
  lines.forEach((l, i) => {
    if (!BARE_MARKER.test(l.trim())) return;
    const j = lines.findIndex((n, k) => k > i && n.trim() !== '');
    if (j < 0 || j > i + 2 || BARE_MARKER.test(lines[j]!.trim())) return;
    lines[i] = `${l.trimEnd()} ${lines[j]!.trim()}`;
    lines[j] = '';
  });
  const width = wrapWidth(lines);
  const margin = layoutMargin(lines);
  const blocks: Block[] = [];
  let cur: Block | null = null;
  let prevRaw = '';
  let blankSince = false;
  lines.forEach((raw, i) => {
    const trimmed = raw.trim();
    if (/^\[?(\.{3,}|…)\]?$/.test(trimmed) && cur) {
      cur = {
        kind: 'para',
        level: 9,
        text: trimmed,
        firstLine: i + 1,
        lastLine: i + 1,
        starts: [{ offset: 0, line: i + 1 }],
        elision: true,
      };
      blocks.push(cur);
      prevRaw = raw;
      blankSince = false;
      return;
    }
    if (trimmed === '' || isPageNumber(trimmed) || isRule(trimmed)) {
      blankSince = true;
      return;
    }
    const m = marker(trimmed);
    const rest = m.rest.replace(/\s+/g, ' ');
    // A line wholly in bold that asks a question ("**Các hành vi bị nghiêm cấm … là gì?**") is a heading too.
    const mdHeading =
      m.kind === 'para' &&
      (/^\s*#{1,6}\s/.test(source[i]!) || /^\s*\*\*[^*]+\?\s*\*\*\s*$/.test(source[i]!) || boldPhrase(source[i]!));
    const lower = /^\p{Ll}/u.test(rest);
    const open = cur !== null && !TERMINAL.test(cur.text);
    const longPrev = width !== null && prevRaw.trim().length >= 0.75 * width;
    const afterCapitals = cur !== null && isCapitals(prevRaw.trim()) && !isCapitals(trimmed);
    // In a layout copy a capitalised line starts a paragraph when it is indented ("2. Các cơ quan …; các chi /
    // bộ, đảng bộ cơ sở / (indented) Các cấp ủy …") or the line before it stops short ("1.2. Về việc bảo quản
    // tài liệu" / "Khoản 2 Điều 5 …"); a wrapped item's line hanging at its text column continues it.
    const indent = indentOf(raw);
    const shortPrev = width !== null && prevRaw.trim().length < 0.6 * width;
    const firstLine =
      margin !== null &&
      /^\p{Lu}/u.test(rest) &&
      indent !== textColumn(prevRaw) &&
      (indent >= margin + 2 || indent >= indentOf(prevRaw) + 2 || shortPrev);
    // A Word copy keeps a heading's line break but no stop ("3. Sở Xây dựng" / "Tập trung hướng dẫn …"): a
    // numbered or lettered line that is a heading, and stops short in a hard-wrapped text, is not continued;
    // the capitalised line under it starts the paragraph it heads.
    const heading = (c: Block) =>
      !lower &&
      HEADING_KINDS.has(c.kind) &&
      c.firstLine === c.lastLine &&
      // "(3) Đề nghị Ủy ban Kinh tế và Tài chính của Quốc hội," / "Hội đồng Dân tộc …": a comma goes on listing.
      !c.text.endsWith(',') &&
      // "4. Đài Truyền hình Việt Nam, Đài Tiếng nói Việt" / "Nam, Thông tấn xã Việt Nam …": a line ending on a
      // capitalised word, then capitalised words and a comma or "và" before another capital, is one name wrapped
      // inside a list of names.
      !(/\p{Lu}\p{Ll}*$/u.test(c.text) && /^\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*)*(?:,|\s+và)\s+\p{Lu}/u.test(rest)) &&
      (width === null || prevRaw.trim().length < 0.6 * width) &&
      !!options.isHeading?.(c.text);
    // "… các Tập đoàn: Công" / "nghiệp - Năng lượng …, Công nghiệp" / "- Viễn thông Quân đội theo …": a full line
    // that ends inside a capitalised name, then a dash and a capital, is the name's hyphen, not a list item.
    const hyphen =
      m.kind === 'dash' &&
      longPrev &&
      !blankSince &&
      cur !== null &&
      !TERMINAL.test(cur.text) &&
      /\p{Lu}\p{Ll}*\s+\p{Ll}+$|\p{Lu}\p{Ll}*$/u.test(prevRaw.trim()) &&
      /^\p{Lu}/u.test(rest);
    // "… của giai đoạn 2021" / "- 2025 sang thực hiện …", "Trong giai đoạn 2026" / "- 2030 phấn đấu …": a range of
    // years broken at its dash goes on; no list item opens on the range's second half.
    const range =
      m.kind === 'dash' &&
      !blankSince &&
      cur !== null &&
      !TERMINAL.test(cur.text) &&
      /\d$/.test(prevRaw.trim()) &&
      /^\d/.test(rest);
    if ((hyphen || range) && cur) {
      cur.starts.push({ offset: cur.text.length + 1, line: i + 1 });
      cur.text += ' - ' + rest;
      cur.lastLine = i + 1;
      prevRaw = raw;
      return;
    }
    const joins =
      cur !== null &&
      m.kind === 'para' &&
      !mdHeading &&
      !cur.heading &&
      !cur.elision &&
      !afterCapitals &&
      !firstLine &&
      (lower || (open && (!blankSince || longPrev))) &&
      !heading(cur);
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
        ...(mdHeading ? { heading: true } : {}),
      };
      blocks.push(cur);
    }
    prevRaw = raw;
    blankSince = false;
  });
  return blocks;
}

/**
 * "**Đẩy nhanh tiến độ thi công đi đôi với đảm bảo chất lượng**": an article sets its own subheading in bold
 * over the passage it quotes next, a phrase that neither ends a sentence nor introduces what follows (a bold
 * "**Có nội dung như sau:**" does); a line in capitals is the notice's own issuer or title ("**KẾ HOẠCH**").
 */
function boldPhrase(line: string): boolean {
  const bold = /^\s*\*\*([^*]+)\*\*\s*$/.exec(line);
  return !!bold && !isCapitals(bold[1]!) && !/[.:;]\s*$/.test(bold[1]!) && bold[1]!.split(/\s+/).length <= 25;
}

/** Source line of a character offset in a block's text (or in several blocks' texts joined). */
export function lineAt(b: Pick<Block, 'starts' | 'firstLine'>, offset: number): number {
  let line = b.firstLine;
  for (const s of b.starts) if (s.offset <= offset) line = s.line;
  return line;
}
