/**
 * Deadlines as notices write them. Only phrases that set a deadline count ("trước ngày …",
 * "chậm nhất …", "hoàn thành trong tháng …"): a date that merely cites a document
 * ("Kế hoạch số 6769/KH-UBND ngày 14/8/2018") must never become a due date.
 */

import { fold } from '../text.ts';
import { isoDay, monthEnd } from '../dates.ts';

export type DeadlineKind = 'date' | 'ongoing' | 'conditional' | 'none';

export interface Deadline {
  kind: DeadlineKind;
  /** ISO date for `date`; null otherwise (empty due_on = ongoing in the contract). */
  due: string | null;
  /** The words the deadline was read from, for the review note. */
  phrase: string | null;
  /** Set when several different deadlines appear in one task. */
  others: string[];
  /** "trước ngày 10/6": the year was taken from the notice's date. */
  yearInferred?: boolean;
  /** Read from the item that introduces this point, not from the point's own text. */
  inherited?: boolean;
  /** Written once after the items it covers ("Báo cáo … gửi về UBND tỉnh trước ngày …"), read for each. */
  afterItems?: boolean;
  /** Written as an aim ("phấn đấu hoàn thành trước …"): the task's only date. */
  aim?: boolean;
}

const QUARTERS: Record<string, number> = { i: 1, '1': 1, ii: 2, '2': 2, iii: 3, '3': 3, iv: 4, '4': 4 };

/**
 * Words that make the date after them a deadline, written folded: the rules run on folded text
 * (one character per character of NFC input), so unaccented notices read the same.
 */
// "trước 14 giờ, ngày 05/12/2017": a clock time may stand between the words and the day.
const CLOCK = String.raw`(?:\s*\d{1,2}\s*(?:gio|h)(?:\s*\d{1,2}(?:\s*phut)?)?\s*,?)?`;
// "khánh thành … vào ngày 19 tháng 12 năm 2025": the day an event is held is the day its task is due (a day an
// act took effect or was signed, "có hiệu lực vào ngày …", is not). The event may be named up to a line's worth of
// words before the day ("phải khánh thành Cảng hàng không quốc tế Long Thành giai đoạn 1 và dự án … vào ngày …").
// Right after a noun of works the event word describes those works, which ones are meant, not when the task is
// due: "ưu tiên những hạng mục, công trình hoàn thành vào ngày …", "nhất là các công trình, dự án khánh thành,
// khởi công vào ngày …".
const EVENT = String.raw`(?:khanh thanh|khoi cong|thong xe|khai truong|to chuc|hoan thanh)`;
const WORKS = String.raw`(?:cong trinh|du an|hang muc|goi thau)`;
const HELD_ON = String.raw`(?<=\b${EVENT}\b[^.;]{0,120})(?<!\b${WORKS},?(?: ${EVENT},?){1,3} )vao(?= ngay)`;
const BY = String.raw`(?:(?:truoc|cham nhat(?: la| vao| den| truoc)?|han chot|hoan thanh(?: truoc)?|thoi gian hoan thanh\s*:?|thoi han\s*:?|xong truoc|(?<!tu )trong ngay|ngay trong ngay|den het(?= ngay)|${HELD_ON})${CLOCK})`;
const WITHIN = String.raw`(?:trong|hoan thanh(?: trong)?|thoi gian hoan thanh\s*:?|thoi han\s*:?|truoc|cuoi|het|den het)`;
/** Finishing a work: the year it is to be finished, opened to traffic or inaugurated in is its deadline. */
const FINISH = String.raw`(?:hoan thanh|thong xe|khanh thanh)`;
/** A session of the National Assembly or a council, up to the month it is held in ("kỳ họp … vào"). */
const SESSION = String.raw`(?:\bky hop(?:[^.;:]{0,60}?\bvao)?)`;
const YEAR = String.raw`(?:\s*nam\s*|\s*/\s*)(\d{4})`;

interface Rule {
  re: RegExp;
  /** Higher wins: a day beats a month beats a quarter beats a year. */
  rank: number;
  due: (m: RegExpExecArray, ref: string | null) => string | null;
  yearInferred?: boolean;
}

/** A day written without its year falls on or after the notice's date. */
function nextDay(ref: string | null, m: number, d: number): string | null {
  if (!ref) return null;
  const y = +ref.slice(0, 4);
  const same = isoDay(y, m, d);
  return same && same >= ref ? same : isoDay(y + 1, m, d);
}

const RULES: Rule[] = [
  {
    re: new RegExp(String.raw`${BY}\s*(?:ngay\s*)?(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})`, 'gu'),
    rank: 4,
    due: (m) => isoDay(+m[3]!, +m[2]!, +m[1]!),
  },
  {
    // "trình Chính phủ trước 10/112025": a copy that lost the slash before the year runs it on after the month.
    re: new RegExp(String.raw`${BY}\s*(?:ngay\s*)?(\d{1,2})\s*/\s*(0?[1-9]|1[0-2])((?:19|20)\d{2})(?!\d)`, 'gu'),
    rank: 4,
    due: (m) => isoDay(+m[3]!, +m[2]!, +m[1]!),
  },
  {
    re: new RegExp(String.raw`${BY}\s*(?:ngay\s*)?(\d{1,2})\s*thang\s*(\d{1,2})${YEAR}`, 'gu'),
    rank: 4,
    due: (m) => isoDay(+m[3]!, +m[2]!, +m[1]!),
  },
  {
    re: new RegExp(String.raw`${BY}\s*(?:ngay\s*)?(\d{1,2})\s*[/-]\s*(\d{1,2})(?!\d|\s*[/.-]\s*\d)`, 'gu'),
    rank: 4,
    due: (m, ref) => nextDay(ref, +m[2]!, +m[1]!),
    yearInferred: true,
  },
  {
    re: new RegExp(String.raw`${BY}\s*(?:ngay\s*)?(\d{1,2})\s*thang\s*(\d{1,2})(?!\d|\s*(?:nam|/)\s*\d)`, 'gu'),
    rank: 4,
    due: (m, ref) => nextDay(ref, +m[2]!, +m[1]!),
    yearInferred: true,
  },
  {
    re: new RegExp(String.raw`${WITHIN}\s*thang\s*(\d{1,2})${YEAR}`, 'gu'),
    rank: 3,
    due: (m) => monthEnd(+m[2]!, +m[1]!),
  },
  {
    // "trình Quốc hội tại kỳ họp tháng 10 năm 2025", "… tại kỳ họp thứ 9 Quốc hội khóa XV (đợt 2 vào tháng 6 năm
    // 2025)": a task brought to a session is due by it, and a session written with its month is due by that month's
    // end. A session named by its number alone ("tại Kỳ họp thứ 10") gives no day.
    re: new RegExp(String.raw`${SESSION}\s*thang\s*(\d{1,2})${YEAR}`, 'gu'),
    rank: 3,
    due: (m) => monthEnd(+m[2]!, +m[1]!),
  },
  {
    re: new RegExp(String.raw`${WITHIN}\s*quy\s*(iv|iii|ii|i|[1-4])${YEAR}`, 'gu'),
    rank: 2,
    due: (m) => monthEnd(+m[2]!, QUARTERS[m[1]!]! * 3),
  },
  {
    // "hoàn thành trong năm 2027", "hoàn thành đưa dự án vào vận hành trong năm 2027", "thông xe tuyến chính (Dự
    // án thành phần 2 …) trong năm 2025", "hoàn thành Dự án vào năm 2026": a verb of finishing a work, what is
    // finished — a project's name runs long, an aside in brackets with it — in one clause, then the year.
    re: new RegExp(
      String.raw`${FINISH}(?:\s+[^\s,.;:()]+|\s*\([^()]{0,160}\)){0,20}?\s+(?:trong|vao)\s+nam\s*(\d{4})`,
      'gu',
    ),
    rank: 1,
    due: (m) => isoDay(+m[1]!, 12, 31),
  },
];

/** Recurring or standing duties: the contract's empty due_on. */
const ONGOING = /thuong xuyen|dinh ky|hang (?:tuan|thang|quy|nam|ngay)|lien tuc|vao thu \d/;
/** Deadlines tied to an event whose date the notice cannot know. */
const CONDITIONAL = /(?:sau|truoc) khi [^.;]{0,80}?(?:ban hanh|co y kien|phe duyet|cong bo|trinh)/;

/**
 * A day and month without a year followed by "hằng năm" or "của năm liền kề" recurs every year
 * ("trước ngày 30 tháng 6 hằng năm"): a standing duty, not one date.
 */
const EVERY_YEAR = /^\s*(?:cua\s+)?(?:hang|moi)\s+nam\b|^\s*cua\s+nam\s+(?:lien ke|tiep theo|sau)\b/;

/**
 * A date in the clause of an aim — "phấn đấu khởi công … trong tháng 12 năm 2025" — is what the work strives for,
 * not when the action asked is due: another date of the task wins over it ("hoàn thiện hồ sơ … trước …, phấn đấu
 * khởi công …"). A date in the clause of a target the work serves — "theo mục tiêu hoàn thành thông tuyến … trong
 * năm 2025", "vì mục tiêu chung bảo đảm hoàn thành … trong năm 2025" — is the target's, no deadline at all.
 * "Chương trình mục tiêu quốc gia" is a programme's name.
 */
const AIM = /\bphan dau\b[^.;:()]{0,100}$/;
const TARGET = /\bmuc tieu(?! quoc gia)\b[^.;:()]{0,100}$/;
/** Whether the 120 characters before a date end in the clause `re` reads. */
const writtenAfter = (re: RegExp, folded: string, at: number) => re.test(folded.slice(Math.max(0, at - 120), at));
const isAim = (folded: string, at: number) => writtenAfter(AIM, folded, at);
const isTarget = (folded: string, at: number) => writtenAfter(TARGET, folded, at);

/**
 * "Định kỳ báo cáo … kết quả thực hiện Kế hoạch hằng năm (trước ngày 15 tháng 11)": a day without its year in a
 * sentence that has already said the duty recurs each year is that duty's yearly day, as "… hằng năm" after it is.
 */
const YEARLY_BEFORE = /\b(?:dinh ky|hang nam|moi nam)\b[^.;]*$/;
const yearlyBefore = (folded: string, at: number) => YEARLY_BEFORE.test(folded.slice(0, at));

/** `ref`: the notice's date (YYYY-MM-DD), for days written without a year. */
export function findDeadline(input: string, ref: string | null = null): Deadline {
  const text = input.normalize('NFC');
  const folded = fold(text);
  // Folding keeps one character per character, so a match's offsets point into the original.
  const written = (m: RegExpExecArray) =>
    folded.length === text.length ? text.slice(m.index, m.index + m[0].length) : m[0];
  const hits: { due: string; rank: number; phrase: string; at: number; yearInferred: boolean; aim: boolean }[] = [];
  let yearly: string | null = null;
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(folded); m; m = rule.re.exec(folded)) {
      if (
        rule.yearInferred &&
        (EVERY_YEAR.test(folded.slice(m.index + m[0].length)) || yearlyBefore(folded, m.index))
      ) {
        yearly ??= written(m).trim();
        continue;
      }
      const due = rule.due(m, ref);
      if (due && !isTarget(folded, m.index))
        hits.push({
          due,
          rank: rule.rank,
          phrase: written(m),
          at: m.index,
          yearInferred: !!rule.yearInferred,
          aim: isAim(folded, m.index),
        });
    }
  }
  if (hits.length > 0) {
    hits.sort((a, b) => +a.aim - +b.aim || b.rank - a.rank || a.at - b.at);
    const best = hits[0]!;
    const others = [
      ...new Set(
        hits.filter((h) => h.rank === best.rank && h.aim === best.aim && h.due !== best.due).map((h) => h.due),
      ),
    ];
    return {
      kind: 'date',
      due: best.due,
      phrase: best.phrase.trim(),
      others,
      ...(best.yearInferred ? { yearInferred: true } : {}),
      ...(best.aim ? { aim: true } : {}),
    };
  }
  if (yearly) return { kind: 'ongoing', due: null, phrase: yearly, others: [] };
  const ongoing = ONGOING.exec(folded);
  if (ongoing) return { kind: 'ongoing', due: null, phrase: written(ongoing), others: [] };
  const cond = CONDITIONAL.exec(folded);
  if (cond) return { kind: 'conditional', due: null, phrase: written(cond), others: [] };
  return { kind: 'none', due: null, phrase: null, others: [] };
}
