/**
 * Deadlines as notices write them. Only phrases that set a deadline count ("trước ngày …",
 * "chậm nhất …", "hoàn thành trong tháng …"): a date that merely cites a document
 * ("Kế hoạch số 6769/KH-UBND ngày 14/8/2018") must never become a due date.
 */

export type DeadlineKind = 'date' | 'ongoing' | 'conditional' | 'none';

export interface Deadline {
  kind: DeadlineKind;
  /** ISO date for `date`; null otherwise (empty due_on = ongoing in the contract). */
  due: string | null;
  /** The words the deadline was read from, for the review note. */
  phrase: string | null;
  /** Set when several different deadlines appear in one task. */
  others: string[];
}

const pad = (n: number) => String(n).padStart(2, '0');

function isoDay(y: number, m: number, d: number): string | null {
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

function monthEnd(y: number, m: number): string | null {
  if (m < 1 || m > 12) return null;
  return isoDay(y, m, new Date(Date.UTC(y, m, 0)).getUTCDate());
}

const QUARTERS: Record<string, number> = { i: 1, '1': 1, ii: 2, '2': 2, iii: 3, '3': 3, iv: 4, '4': 4 };

/** Words that make the date after them a deadline. */
const BY = String.raw`(?:trước|chậm nhất(?: là)?|hạn chót|hoàn thành(?: trước)?|thời gian hoàn thành\s*:?|thời hạn\s*:?|xong trước)`;
const WITHIN = String.raw`(?:trong|hoàn thành(?: trong)?|thời gian hoàn thành\s*:?|thời hạn\s*:?|trước|cuối|hết|đến hết)`;
const YEAR = String.raw`(?:\s*năm\s*|\s*/\s*)(\d{4})`;

interface Rule {
  re: RegExp;
  /** Higher wins: a day beats a month beats a quarter beats a year. */
  rank: number;
  due: (m: RegExpExecArray) => string | null;
}

const RULES: Rule[] = [
  {
    re: new RegExp(String.raw`${BY}\s*(?:ngày\s*)?(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})`, 'giu'),
    rank: 4,
    due: (m) => isoDay(+m[3]!, +m[2]!, +m[1]!),
  },
  {
    re: new RegExp(String.raw`${BY}\s*(?:ngày\s*)?(\d{1,2})\s*tháng\s*(\d{1,2})${YEAR}`, 'giu'),
    rank: 4,
    due: (m) => isoDay(+m[3]!, +m[2]!, +m[1]!),
  },
  {
    re: new RegExp(String.raw`${WITHIN}\s*(?:tháng\s*)(\d{1,2})${YEAR}`, 'giu'),
    rank: 3,
    due: (m) => monthEnd(+m[2]!, +m[1]!),
  },
  {
    re: new RegExp(String.raw`${WITHIN}\s*quý\s*(IV|III|II|I|[1-4])${YEAR}`, 'giu'),
    rank: 2,
    due: (m) => monthEnd(+m[2]!, QUARTERS[m[1]!.toLowerCase()]! * 3),
  },
  {
    re: new RegExp(String.raw`hoàn thành trong\s+năm\s*(\d{4})`, 'giu'),
    rank: 1,
    due: (m) => isoDay(+m[1]!, 12, 31),
  },
];

/** Recurring or standing duties: the contract's empty due_on. */
const ONGOING = /thường xuyên|định kỳ|đúng định kỳ|h[ằà]ng (?:tuần|tháng|quý|năm|ngày)|liên tục|vào thứ \d/iu;
/** Deadlines tied to an event whose date the notice cannot know. */
const CONDITIONAL = /sau khi [^.;]{0,80}?(?:ban hành|có ý kiến|phê duyệt|công bố)/iu;

export function findDeadline(text: string): Deadline {
  const hits: { due: string; rank: number; phrase: string; at: number }[] = [];
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(text); m; m = rule.re.exec(text)) {
      const due = rule.due(m);
      if (due) hits.push({ due, rank: rule.rank, phrase: m[0], at: m.index });
    }
  }
  if (hits.length > 0) {
    hits.sort((a, b) => b.rank - a.rank || a.at - b.at);
    const best = hits[0]!;
    const others = [...new Set(hits.filter((h) => h.rank === best.rank && h.due !== best.due).map((h) => h.due))];
    return { kind: 'date', due: best.due, phrase: best.phrase.trim(), others };
  }
  const ongoing = ONGOING.exec(text);
  if (ongoing) return { kind: 'ongoing', due: null, phrase: ongoing[0], others: [] };
  const cond = CONDITIONAL.exec(text);
  if (cond) return { kind: 'conditional', due: null, phrase: cond[0], others: [] };
  return { kind: 'none', due: null, phrase: null, others: [] };
}
