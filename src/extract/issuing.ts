/**
 * How a body gives out a document: a verb of issuing, then the kind of document ("Văn phòng Chính phủ vừa
 * có Thông báo …", "… đã ban hành Công văn …", "… ký Quyết định …"). Said once for both readers that need it:
 * the header (an article names the document it retells in that sentence) and the task reader (that
 * sentence is the article's news, no task).
 */
import { fold } from '../text.ts';

export const ISSUING_VERBS = ['ban hành', 'ký', 'có'] as const;
export const ISSUED_KINDS = [
  'thông báo',
  'công văn',
  'văn bản',
  'kết luận',
  'chỉ thị',
  'quyết định',
  'nghị quyết',
] as const;

/** The phrases as an alternation of the words written out, with a kind's first letter in either case. */
export function issuingPattern(): string {
  const kinds = ISSUED_KINDS.map((k) => `[${k[0]!.toUpperCase()}${k[0]}]${k.slice(1)}`);
  return String.raw`(?:${ISSUING_VERBS.join('|')})\s+(?:${kinds.join('|')})`;
}

/** The same phrases folded (no diacritics, lower case), as the task reader's tokens are joined. */
export function foldedIssuingPattern(): string {
  return String.raw`(?:${ISSUING_VERBS.map(fold).join('|')}) (?:${ISSUED_KINDS.map(fold).join('|')})`;
}
