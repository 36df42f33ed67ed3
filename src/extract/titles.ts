/**
 * Titles standing for agencies. Notices address a body through the office of its head — "Bộ trưởng, Thủ
 * trưởng các cơ quan ngang bộ, cơ quan thuộc Chính phủ", "Chủ tịch UBND các tỉnh", "Giám đốc các sở",
 * "Cục trưởng Cục Thuế …" — and the task is the body's: a follow-up officer tracks the ministry, not the
 * minister. A lead kept as written is therefore given as the bodies the titles head.
 */
import { fold } from '../text.ts';

/** Titles that name the kind of body they head: "Bộ trưởng" alone is every ministry's head. */
const NAMING: [string, string][] = [
  ['tổng cục trưởng', 'tổng cục'],
  ['bộ trưởng', 'bộ'],
  ['cục trưởng', 'cục'],
  ['vụ trưởng', 'vụ'],
  ['viện trưởng', 'viện'],
];

/**
 * Titles of a head, followed by the body headed ("Thủ trưởng các cơ quan, đơn vị", "Chủ tịch Ủy ban nhân dân
 * tỉnh", "Trưởng Ban Quản lý dự án"); written alone in a list they head the bodies named after them ("Chủ
 * tịch Hội đồng thành viên, Tổng giám đốc các tập đoàn …": the board of each group). Longest first.
 */
const HEADS = [
  'chủ tịch hội đồng thành viên',
  'chủ tịch hội đồng quản trị',
  'hội đồng thành viên',
  'người đứng đầu',
  'tổng giám đốc',
  'các đồng chí',
  'thủ trưởng',
  'chủ tịch',
  'giám đốc',
  'thống đốc',
  'lãnh đạo',
  'đồng chí',
  'chánh án',
];

/** Titles that stand before a body's own name only: "Chánh Văn phòng …", "Trưởng Ban …". */
const BEFORE_BODY: [string, string[]][] = [
  ['chánh', ['văn phòng', 'thanh tra']],
  ['trưởng', ['ban', 'phòng', 'đoàn']],
];

/** Lower-case words, accents kept; an unaccented copy's word compares with a title's word folded. */
const words = (s: string): string[] => s.normalize('NFC').toLowerCase().split(/\s+/).filter(Boolean);
const same = (written: string, title: string): boolean =>
  written === title || (/^[\x20-\x7e]+$/.test(written) && written === fold(title));

/** How many of the piece's words the title phrase takes (0 when it does not open the piece). */
function opens(piece: string[], title: string, at = 0): number {
  const t = words(title);
  return t.every((w, k) => piece[at + k] !== undefined && same(piece[at + k]!, w)) ? t.length : 0;
}

/**
 * One member of a list with its title taken off: the body it heads, '' when a head's title stands alone
 * (it heads the next member's bodies), or null when the member opens on no title.
 */
function untitled(member: string): string | null {
  const ws = words(member);
  const orig = member.trim().split(/\s+/);
  // "các Bộ trưởng, …": the plural written before the title.
  const at = ws[0] === 'các' || ws[0] === 'cac' ? 1 : 0;
  for (const [title, kind] of NAMING) {
    const n = opens(ws, title, at);
    if (n) return at + n === ws.length ? `các ${kind}` : orig.slice(at + n).join(' ');
  }
  for (const title of HEADS) {
    const n = opens(ws, title);
    // "Chủ tịch nước" is an office of its own: one word after a head's title names no body.
    if (n && ws.length - n !== 1) return orig.slice(n).join(' ');
  }
  for (const [title, bodies] of BEFORE_BODY) {
    const n = opens(ws, title);
    if (n && bodies.some((b) => opens(ws, b, n))) return orig.slice(n).join(' ');
  }
  return null;
}

/**
 * A lead written with titles, as the bodies they head: "Bộ trưởng, Thủ trưởng các cơ quan ngang bộ, cơ quan
 * thuộc Chính phủ" → "các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ" (the list's "các" once, at its
 * head); "Chủ tịch Ủy ban nhân dân các tỉnh" → "Ủy ban nhân dân các tỉnh". A lead with no title is
 * returned as it is.
 */
export function agencyOf(written: string): string {
  // Members are split at commas, semicolons and "và"; the separators are kept.
  const parts = written.split(/(\s*[,;]\s*|\s+và\s+)/u);
  const kept: { body: string; sep: string }[] = [];
  let changed = false;
  for (let i = 0; i < parts.length; i += 2) {
    const member = parts[i]!;
    const body = untitled(member);
    if (body !== null) changed = true;
    if (body === '') continue;
    // The plural of a list is written once, at its head: "các bộ, cơ quan ngang bộ".
    const plural = kept.length > 0 && /^các\s/iu.test(kept[0]!.body);
    kept.push({
      body: body === null ? member : plural ? body.replace(/^các\s+/iu, '') : body,
      sep: parts[i + 1] ?? '',
    });
  }
  if (!changed || kept.length === 0) return written;
  return kept
    .map((k, n) => (n < kept.length - 1 ? k.body + k.sep : k.body))
    .join('')
    .trim();
}
