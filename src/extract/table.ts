/**
 * Task tables: an appendix ("Phụ lục") or a plan's "phân công nhiệm vụ" that carries its tasks in
 * rows — STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời hạn | Kết quả. Read as prose, the
 * cells of a row run into one another; read as a table, each row is one task whose lead and deadline
 * stand in their own columns. Two text forms are read: a scrape that sets each cell on its own lines
 * between lines holding only "|" (a row ends where two "|" lines meet), and markdown rows, one row a line.
 */
import { cleanLine } from './blocks.ts';
import { classify } from './classify.ts';
import { findDeadline, type Deadline } from './deadline.ts';
import { fold } from '../text.ts';
import { normalName, type Lead, type Matcher } from './match.ts';
import { ACTION, words, type Proposal } from './tasks.ts';

export type Role = 'index' | 'task' | 'source' | 'lead' | 'support' | 'due' | 'progress' | 'status' | 'other';

export interface Cell {
  text: string;
  /** 1-based source lines of the cell's first and last non-empty line (0 for an empty cell). */
  firstLine: number;
  lastLine: number;
}

export interface Table {
  /** 1-based, inclusive: the lines the table takes, borders included. */
  firstLine: number;
  lastLine: number;
  header: string[];
  roles: Role[];
  rows: Cell[][];
}

/** A row of a task table, with what only a table says about it. */
export interface TableProposal extends Proposal {
  table: {
    /** The header of the column the lead was read from ("Cơ quan chủ trì thực hiện"). */
    column: string;
    /** The status cell when it reports the task done ("Đã hoàn thành quá hạn"). */
    done: string | null;
  };
}

const key = (s: string) =>
  fold(s)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/**
 * What a header cell names. "Tiến độ" is the deadline of a table that has no "Thời hạn" column and the
 * progress of one that has ("Thời hạn | Kết quả thực hiện | Tiến độ": "Đã hoàn thành").
 */
export function columnRole(label: string): Role | null {
  const f = key(label);
  if (f === '' || words(label) > 8) return null;
  if (/^(stt|tt|so tt|so thu tu)$/.test(f)) return 'index';
  if (/^(van ban|can cu)\b/.test(f)) return 'source';
  if (/\bphoi hop\b/.test(f) && !/\bchu tri\b/.test(f)) return 'support';
  if (/\bchu tri\b/.test(f) || /^(co quan|don vi|co quan don vi)( chu tri)? (thuc hien|phu trach)\b/.test(f))
    return 'lead';
  if (/^trach nhiem thuc hien$/.test(f)) return 'lead';
  if (/^(thoi han|thoi gian|moc thoi gian)\b/.test(f)) return 'due';
  if (/^tien do\b/.test(f)) return 'progress';
  if (/^(ket qua|tinh hinh|trang thai|ghi chu|danh gia)\b/.test(f)) return 'status';
  if (/^(ten )?(nhiem vu|noi dung|cong viec|hoat dong|giai phap)\b/.test(f)) return 'task';
  if (/^(san pham|kinh phi|nguon|dia diem|du kien)\b/.test(f)) return 'other';
  return null;
}

/** The roles of a header, or null when it is no task table: a task column and a lead column are needed. */
function rolesOf(header: string[]): Role[] | null {
  const roles = header.map(columnRole);
  if (roles.some((r) => r === null)) return null;
  const known = roles as Role[];
  if (!known.includes('task') || !known.includes('lead')) return null;
  const dated = known.includes('due');
  return known.map((r) => (r === 'progress' ? (dated ? 'status' : 'due') : r));
}

function cellOf(lines: string[], from: number, to: number): Cell {
  const parts: string[] = [];
  let firstLine = 0;
  let lastLine = 0;
  for (let i = from; i <= to; i++) {
    const t = cleanLine(lines[i] ?? '').trim();
    if (t === '') continue;
    parts.push(t);
    if (!firstLine) firstLine = i + 1;
    lastLine = i + 1;
  }
  return { text: parts.join(' ').replace(/\s+/g, ' ').trim(), firstLine, lastLine };
}

const isPipe = (line: string) => line.trim() === '|';

/** Form (a): cells on their own lines between "|" lines; a row ends where two "|" lines meet. */
function scrapedTables(lines: string[]): Table[] {
  const pipes = lines.flatMap((l, i) => (isPipe(l) ? [i] : []));
  // gaps[k]: the cell between pipes[k] and pipes[k + 1].
  const gaps = pipes.slice(0, -1).map((p, k) => cellOf(lines, p + 1, pipes[k + 1]! - 1));
  const tables: Table[] = [];
  for (let k = 0; k < gaps.length; k++) {
    if (!columnRole(gaps[k]!.text)) continue;
    let j = k;
    while (j < gaps.length && columnRole(gaps[j]!.text)) j++;
    // The header ends where a row does: an empty gap (two "|" lines meeting) after its last label.
    if (j >= gaps.length || gaps[j]!.text !== '') continue;
    const header = gaps.slice(k, j).map((c) => c.text);
    const roles = rolesOf(header);
    if (!roles) continue;
    const n = header.length;
    const rows: Cell[][] = [];
    let end = j;
    // A row is n cells from its opening "|"; another row follows when its "|" meets the closing one.
    for (let r = j + 1; r + n <= gaps.length; r += n + 1) {
      rows.push(gaps.slice(r, r + n));
      end = r + n;
      if (r + n >= gaps.length || gaps[r + n]!.text !== '') break;
    }
    if (rows.length === 0) continue;
    tables.push({ firstLine: pipes[k]! + 1, lastLine: pipes[end]! + 1, header, roles, rows });
    k = end - 1;
  }
  return tables;
}

const PIPE_ROW = /^\s*\|.*\|\s*$/;
const RULE_ROW = /^\s*\|?[\s:|-]*-[\s:|-]*\|?\s*$/;

function pipeCells(lines: string[], i: number): Cell[] {
  const line = lines[i]!.trim().replace(/^\|/, '').replace(/\|$/, '');
  // An export writes a break inside a cell as "<br>": one body or one point a line, so a separator.
  return line.split('|').map((c) => {
    const text = cleanLine(c.replace(/\s*<br\s*\/?>\s*/gi, '; '))
      .trim()
      .replace(/\s+/g, ' ');
    return { text, firstLine: text ? i + 1 : 0, lastLine: text ? i + 1 : 0 };
  });
}

/** Form (b): markdown rows, one row a line, a "|---|" rule under the header. */
function markdownTables(lines: string[]): Table[] {
  const tables: Table[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!PIPE_ROW.test(lines[i]!) || RULE_ROW.test(lines[i]!)) continue;
    const header = pipeCells(lines, i).map((c) => c.text);
    const roles = header.length >= 2 ? rolesOf(header) : null;
    if (!roles) continue;
    const rows: Cell[][] = [];
    let last = i;
    for (let j = i + 1; j < lines.length && PIPE_ROW.test(lines[j]!); j++) {
      last = j;
      if (RULE_ROW.test(lines[j]!)) continue;
      const cells = pipeCells(lines, j);
      rows.push(header.map((_, c) => cells[c] ?? { text: '', firstLine: 0, lastLine: 0 }));
    }
    if (rows.length === 0) continue;
    tables.push({ firstLine: i + 1, lastLine: last + 1, header, roles, rows });
    i = last;
  }
  return tables;
}

/** The task tables of a notice's text, in line order. */
export function findTables(text: string): Table[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  return [...scrapedTables(lines), ...markdownTables(lines)].sort((a, b) => a.firstLine - b.firstLine);
}

/** The text with the tables' lines emptied, so the prose reader does not read them; line numbers stay. */
export function withoutTables(text: string, tables: Table[]): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  for (const t of tables) for (let i = t.firstLine - 1; i < t.lastLine; i++) lines[i] = '';
  return lines.join('\n');
}

/** "Quý IV năm 2025 và các năm tiếp theo": a time that runs on into the years after is a standing duty. */
const YEARS_AFTER = /\b(?:cac|nhung) nam tiep theo\b/;

/**
 * A deadline column's cell, or a plan's time field ("Thời gian thực hiện: …"): any phrase findDeadline
 * reads ("Thường xuyên", "trước ngày …"), or a date standing alone, which the column's header makes a
 * deadline ("31/05/2025" is "Thời hạn 31/05/2025"). An empty or unreadable cell leaves the task's own words.
 */
export function deadlineOf(written: string, task: string, day: string | null): Deadline {
  if (written) {
    const own = findDeadline(written, day);
    if (own.kind !== 'none') return own;
    if (YEARS_AFTER.test(fold(written))) return { kind: 'ongoing', due: null, phrase: written, others: [] };
    const due = findDeadline(`Thời hạn ${written}`, day);
    if (due.kind !== 'none') return { ...due, phrase: written };
  }
  return findDeadline(task, day);
}

/** Words a lead cell may add after the name: the column already says so. */
const ROLE_WORDS = /^[\s(]*(chu tri|thuc hien|phoi hop|dau moi)[\s).]*$/;

/**
 * Where a name the reader does not know ends: at ";", or, for a body's own name, before a " và " after
 * which the reader knows the next body ("Báo và Phát thanh Truyền hình Lai Châu và các sở, ngành có
 * liên quan": the "và" inside the name is followed by no body). A plural's name runs on ("Các cơ quan,
 * bộ, ngành và địa phương" is one addressee). -1: it runs to the end.
 */
function unknownEnd(m: Matcher, text: string): number {
  const semi = text.search(/;/);
  const upTo = semi < 0 ? text.length : semi;
  if (/^(cac|nhung)\b/.test(fold(text))) return semi;
  for (const sep of text.slice(0, upTo).matchAll(/\s+và\s+/gu)) {
    const after = text.slice(sep.index + sep[0].length, upTo);
    if (m.leadSpan(after, m.tokens(after), 0, true).leads.length > 0) return sep.index;
  }
  return semi;
}

/**
 * Bodies named in a lead or coordinating cell, one lead each ("Bộ Tài chính, Bộ Xây dựng"; "Bộ Công an;
 * UBND các tỉnh"). What the name reader leaves is read on: after a separator and a capital it is another
 * body, kept as written when the reader does not know it ("…, Ủy ban nhân dân các địa phương"); a kind
 * in lower case after a plural ("Các Bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ") or a qualifier
 * ("Các địa phương có đảo") belongs to the plural's name as written; "chủ trì" repeats the column.
 */
export function bodiesIn(m: Matcher, text: string): Lead[] {
  const leads: Lead[] = [];
  let rest = text;
  for (let guard = 0; guard < 20; guard++) {
    rest = rest.replace(/^(?:[\s,;.:]+|và\s+)+/u, '');
    if (!rest || ROLE_WORDS.test(fold(rest))) break;
    const span = m.leadSpan(rest, m.tokens(rest), 0, true);
    if (span.leads.length === 0) {
      const cut = unknownEnd(m, rest);
      const name = (cut < 0 ? rest : rest.slice(0, cut)).replace(/[\s.,:]+$/, '');
      // A cell of dates or numbers names nobody (cells slipped by a merged cell the scrape wrote once).
      if (/\p{L}{2}/u.test(name)) leads.push(m.resolve(name));
      if (cut < 0) break;
      rest = rest.slice(cut);
      continue;
    }
    leads.push(...span.leads);
    rest = rest.slice(span.end);
    const last = leads[leads.length - 1]!;
    const more = /^(?:\s*,\s*|\s+)(?=\p{Ll})[^;]*/u.exec(rest);
    if (last.type === 'group' && more && !ROLE_WORDS.test(fold(more[0]))) {
      const cut = more[0].search(/,\s*\p{Lu}/u);
      const tail = cut < 0 ? more[0] : more[0].slice(0, cut);
      const written = `${last.text}${tail}`.replace(/[\s.,:]+$/, '');
      // One plural may stand for several groups ("các bộ, ngành, địa phương"): the name replaces them all.
      while (leads.length > 0 && leads[leads.length - 1]!.text === last.text) leads.pop();
      leads.push({ type: 'named', name: normalName(written), text: written, why: 'group' });
      rest = rest.slice(tail.length);
    }
  }
  return leads;
}

/** The bodies of coordinating cells (or fields) that do not lead: units by code, names as written, groups not expanded. */
export function supportIn(m: Matcher, cells: string[], leads: Lead[]): string[] {
  const codes = new Set(leads.flatMap((l) => (l.type === 'unit' ? [l.code] : [])));
  const support: string[] = [];
  for (const c of cells)
    for (const l of bodiesIn(m, c)) {
      const name = l.type === 'unit' ? l.code : l.type === 'named' ? l.name : null;
      if (name && !codes.has(name) && !support.includes(name)) support.push(name);
    }
  return support;
}

const DONE = /^(da )?hoan thanh\b/;

/** Each row of the tables as a task proposal; a row with no task text (a group's caption row) gives none. */
export function readTables(tables: Table[], m: Matcher): TableProposal[] {
  const out: TableProposal[] = [];
  for (const t of tables) {
    const col = (role: Role) => t.roles.indexOf(role);
    const taskCol = col('task');
    const leadCol = col('lead');
    for (const row of t.rows) {
      const task = row[taskCol]!;
      const lead = row[leadCol]!;
      if (!task.text) continue;
      // A caption row ("Nhiệm vụ giao Bộ trưởng Bộ Công an chỉ đạo") fills the task column alone; a header
      // repeated after a page break is labels.
      const others = row.filter((c, i) => i !== taskCol && t.roles[i] !== 'index' && c.text !== '');
      if (others.length === 0 || rolesOf(row.map((c) => c.text))?.join() === t.roles.join()) continue;
      const leads = bodiesIn(m, lead.text);
      const support = supportIn(
        m,
        t.roles.flatMap((r, i) => (r === 'support' ? [row[i]!.text] : [])),
        leads,
      );
      const status = t.roles.flatMap((r, i) => (r === 'status' ? [row[i]!.text] : []));
      const done = status.find((s) => DONE.test(key(s))) ?? null;
      const dueCol = col('due');
      const { area, index_code } = classify(task.text, []);
      out.push({
        leads,
        source: leads.length > 0 ? 'explicit' : 'none',
        from: null,
        support,
        title: task.text,
        firstLine: task.firstLine,
        lastLine: task.lastLine,
        deadline: deadlineOf(dueCol >= 0 ? (row[dueCol]?.text ?? '') : '', task.text, m.day),
        area,
        index_code,
        ownAddresseeUnread: false,
        noAction: !ACTION.test(fold(task.text)),
        nested: false,
        heading: null,
        split: false,
        table: { column: t.header[leadCol]!, done },
      });
    }
  }
  return out;
}

/** The prose reader's proposals and the tables', in line order (each list keeps its own order). */
export function inLineOrder(prose: Proposal[], table: Proposal[]): Proposal[] {
  const out: Proposal[] = [];
  let j = 0;
  for (const p of prose) {
    while (j < table.length && table[j]!.firstLine < p.firstLine) out.push(table[j++]!);
    out.push(p);
  }
  return [...out, ...table.slice(j)];
}

export const isTableProposal = (p: Proposal): p is TableProposal => 'table' in p;
