/**
 * The notice's header: number, issue date, meeting date, chair, signer and subject. Official
 * notices carry them on fixed lines; portal articles only in prose ("Nguồn TB 270/TB-VPUBND
 * ngày 25/6/2018"), so each field has an ordered list of places to look.
 */
import { cleanLine } from './blocks.ts';
import { isoDay } from '../dates.ts';
import { issuingPattern } from './issuing.ts';

export interface Header {
  doc_no: string | null;
  doc_type: string | null;
  issued_on: string | null;
  meeting_on: string | null;
  chair: string | null;
  signer: string | null;
  title: string | null;
  /** The line each field was read from, for the review. */
  lines: Partial<Record<'doc_no' | 'issued_on' | 'meeting_on' | 'title' | 'signer', number>>;
}

/** A party body's number: "Số 2449-CV/ĐU", "104-CTr/TU" (type before the slash, issuer after it). */
const PARTY_NO = String.raw`(\d+)\s*-\s*(\p{Lu}[\p{Lu}\p{Ll}]*)\s*/\s*([\p{Lu}Đ]+)`;

const iso = (y: string, m: string, d: string) => isoDay(+y, +m, +d);

// A part of the issuer's code may end on one small letter ("4302/TCT-TTr", "…/TTg-KTN"), never run on into a word.
const CODE = String.raw`\p{Lu}+(?:\p{Ll}(?!\p{L}))?`;
const DOC_NO = String.raw`(\d+)\s*/\s*((${CODE})(?:-${CODE})*)`;
// Word copies drop a space beside a number ("ngày 10 tháng 01năm 2026"): a digit ends the word before it.
const DAY_WORDS = String.raw`(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})`;
const DAY_SLASH = String.raw`(\d{1,2})/(\d{1,2})/(\d{4})`;
const NAME = String.raw`(\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){1,4})`;

/**
 * The issuer block: the lines in capitals above "THÔNG BÁO" ("UBND TỈNH AN GIANG", "VĂN PHÒNG"),
 * without the national motto. A layout copy of a PDF sets the issuer and the motto side by side on
 * one line ("ỦY BAN NHÂN DÂN      CỘNG HOÀ XÃ HỘI …", "SỞ NÔNG NGHIỆP …      Độc lập - Tự do …"),
 * and a markdown export puts them in table cells: each column is read on its own.
 */
export function issuerBlock(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n').slice(0, 12)) {
    for (const cell of line.split(/\s*\|\s*|\s{3,}/)) {
      const c = cell.replace(/[-–_*]{3,}/g, ' ').trim();
      if (!/\p{L}/u.test(c) || c !== c.toUpperCase()) continue;
      const f = c.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
      // The title under "THÔNG BÁO" names bodies the notice is about, not its issuer.
      if (/^thong bao\b/.test(f)) return out;
      // "Số: 208/TB-…" folds like "SỞ NỘI VỤ": the number is told by its accent.
      if (/^(cong hoa|doc lap)\b/.test(f) || /^số(?=[\s:]|$)/u.test(c.normalize('NFC').toLowerCase())) continue;
      out.push(c);
    }
  }
  return out;
}

function findLine(lines: string[], re: RegExp): { m: RegExpExecArray; line: number } | null {
  for (let i = 0; i < lines.length; i++) {
    const m = re.exec(lines[i]!);
    if (m) return { m, line: i + 1 };
  }
  return null;
}

/**
 * The lines above the body — issuer, number, place-date line, title — joined into one string with
 * each line's offset: a PDF copy breaks "Số:" from its number and "Hà" from "Nội, ngày …".
 */
export function headerZone(lines: string[], from = 0): { text: string; lineAt: (offset: number) => number } {
  let text = '';
  const starts: { offset: number; line: number }[] = [];
  for (let i = from; i < Math.min(lines.length, from + 30); i++) {
    // A markdown copy sets the whole header in one table row, its lines parted by "<br>": each cell is a line.
    const cells = lines[i]!.split(/\s*(?:\||<br\s*\/?>)\s*/i);
    if (cells.some((c) => c.length > 160)) break;
    const l = cells.join(' ').trim();
    if (l === '') continue;
    starts.push({ offset: text.length, line: i + 1 });
    text += `${l} `;
  }
  return { text, lineAt: (o) => starts.filter((s) => s.offset <= o).at(-1)?.line ?? 1 };
}

/**
 * An office copy, kept before it was numbered and signed, leaves the number and the day blank: "Số:        /UBND-NC",
 * "Lâm Đồng, ngày        tháng 12 năm 2025". It has none yet; the numbers and days of the papers its text cites
 * ("… ban hành Quyết định số 416/QĐ-UBND ngày 05/02/2008 …") are not its own.
 */
const BLANK_NO = new RegExp(String.raw`(?:^|\s)Số\s*:?\s*/\s*${CODE}`, 'u');
const BLANK_DAY = /\p{Lu}\p{Ll}*,\s*ngày\s+tháng\s*\d{1,2}\s*năm\s*\d{4}/u;

/**
 * A parenthesised reference naming the text's own source — "(Theo Công văn số 6202/UBND-KT, ngày
 * 23/11/2023)", "(3585/VP-KTN, ngày 23/10/2017)" — as portals print it. A reference that says whose
 * it is ("… của Văn phòng Chính phủ") cites another document and is not the source.
 */
const SOURCE_REF = new RegExp(
  String.raw`\(\s*(?:Theo\s+)?(?:(?:Công văn|Thông báo|Văn bản|CV|TB)\s+)?(?:số\s*)?${DOC_NO}\s*,?\s*ngày\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*\)`,
  'u',
);

/**
 * An article retelling a document names it in a sentence of its own, with the verb of its issuer giving it
 * out: "Văn phòng Chính phủ vừa có Thông báo …", "… đã ban hành Công văn …", "… có văn bản số …", "… đã ký
 * Thông báo kết luận …", or "Văn phòng UBND TPHCM thông báo kết luận của …" (no number). A document the
 * sentence cites or receives ("Thực hiện Thông báo …", "nhận được Công văn …") has no such verb.
 */
const ISSUES = String.raw`(?<!\p{L})(?:${issuingPattern()}|thông báo kết luận)`;
/** The day an article's sentence opens on: "Ngày 21/ 5,", "Ngày 19/02 vừa qua,", "Ngày 15/01/2025 Văn phòng …". */
const OPENS_ON_DAY = String.raw`^\s*Ngày\s+(\d{1,2})\s*/\s*(\d{1,2})(?:\s*/\s*(\d{4}))?(?:\s+(?:vừa qua|vừa rồi|mới đây))?\s*,?\s*`;

/**
 * A portal article's opening sentence names the document and its day: "Ngày 21/ 5, UBND tỉnh ban
 * hành Công văn số 846 /UBND-TH …", "Ngày 19/02 vừa qua, Văn phòng Chính phủ đã có Công văn 1364/VPCP-CN".
 * A sentence that receives or cites one ("nhận được Công văn số …", "… của Bộ …") is not its own.
 * An article quoting a notice puts the sentence under its headings, and a Party notice's number
 * has the Party form ("Thông báo 81-TB/TW"), so the first lines are read up to ARTICLE_LINES.
 */
const ARTICLE_LEAD = new RegExp(
  String.raw`${OPENS_ON_DAY}((?:(?!nhận được)[^.;:])*?)(?<!\p{L})(?:[Cc]ông văn|Thông báo|[Vv]ăn bản)\s+(?:số\s*)?(?:${DOC_NO}|${PARTY_NO})`,
  'u',
);
const ARTICLE_LINES = 12;

/** The sentence opening on the day that issues a document it gives no number: "Ngày 6/11, Văn phòng UBND TPHCM thông báo kết luận …". */
const ARTICLE_DAY = new RegExp(String.raw`${OPENS_ON_DAY}(?:(?!nhận được)[^.;:]){0,80}?${ISSUES}`, 'u');

/**
 * The article's sentence naming its document by the verb of issuing, the day after the number or none:
 * "… đã ký Thông báo kết luận số 75-TB/TW ngày 7/3/2025 của Bộ Chính trị …", "Văn phòng Chính phủ vừa có
 * Thông báo số 294/TB-VPCP ngày 9/6/2025 …", "Văn phòng Chính phủ có văn bản số 8160/VPCP-NN truyền đạt …".
 */
const articleIssued = (day: string) =>
  new RegExp(String.raw`${ISSUES}(?:\s+kết luận)?\s+(?:số\s*)?(?:${DOC_NO}|${PARTY_NO})(?:\s+năm\s+\d{4})?${day}`, 'u');
const ARTICLE_SIGNED = articleIssued(String.raw`\s*,?\s*ngày\s+${DAY_SLASH}`);
const ARTICLE_NAMED = articleIssued('');

/**
 * An article that has nothing else names its notice by what the notice tells: "Căn cứ Thông báo 725 /TB-VP năm
 * 2025 ngày 27/11/2025, Phó Chủ tịch … chủ trì cuộc họp về …" — the meeting of the notice it retells, read
 * only when no number or day was found any other way.
 */
const ARTICLE_RETOLD = new RegExp(
  String.raw`^\s*Căn cứ\s+Thông báo\s+(?:số\s*)?${DOC_NO}(?:\s+năm\s+\d{4})?\s*,?\s*ngày\s+${DAY_SLASH}\s*,[^.]{0,200}\b(?:chủ trì|họp)\b`,
  'u',
);

/**
 * The article pointing back at the document it reports, a sentence opening on it: "Tại Thông báo
 * 596/TB-VPCP, Thủ tướng yêu cầu …", "Theo Thông báo 61/TB-VPCP năm 2025 nêu rõ …" — its number only.
 */
const ARTICLE_POINTS = new RegExp(
  String.raw`^\s*(?:Tại|Theo)\s+(?:Thông báo|[Cc]ông văn|[Vv]ăn bản)(?:\s+kết luận)?\s+(?:số\s*)?(?:${DOC_NO}|${PARTY_NO})(?:\s+năm\s+\d{4})?\s*(?:,|nêu\b)`,
  'u',
);

/**
 * An article's title, its first line, naming in brackets the document it reports: "Đẩy nhanh tiến độ các
 * tuyến cao tốc … (Công văn 11607/VPCP-CN 2025)", "… theo yêu cầu của Thủ tướng (Thông báo 596/TB-VPCP năm
 * 2025)" — read last, when no sentence of the article names it.
 */
const ARTICLE_TITLED = new RegExp(
  String.raw`\((?:Thông báo|[Cc]ông văn|[Vv]ăn bản)(?:\s+kết luận)?\s+(?:số\s*)?(?:${DOC_NO}|${PARTY_NO})(?:\s+(?:năm\s+)?\d{4})?\)`,
  'u',
);

/** The number of an article's sentence, whose number groups start at `at`. */
function articleNo(m: RegExpExecArray, at: number, line: number): { no: string; type: string; line: number } {
  if (m[at]) return { no: `${m[at]}/${m[at + 1]}`, type: m[at + 2]!, line };
  return { no: `${m[at + 3]}-${m[at + 4]}/${m[at + 5]}`, type: m[at + 4]!, line };
}

function docNo(lines: string[]): { no: string; type: string; line: number } | null {
  const zone = headerZone(lines);
  const z = new RegExp(String.raw`(?:^|\s)Số\s*:?\s*${DOC_NO}`, 'u').exec(zone.text);
  if (z) return { no: `${z[1]}/${z[2]}`, type: z[3]!, line: zone.lineAt(z.index + z[0].indexOf(z[1]!)) };
  if (BLANK_NO.test(zone.text)) return null;
  const party = new RegExp(String.raw`(?:^|\s)Số\s*:?\s*${PARTY_NO}`, 'u').exec(zone.text);
  if (party)
    return {
      no: `${party[1]}-${party[2]}/${party[3]}`,
      type: party[2]!,
      line: zone.lineAt(party.index + party[0].indexOf(party[1]!)),
    };
  // A web page's copy puts its own banner and a table of labelled fields ("Số hiệu:", "Nơi ban hành:") above
  // the notice, so the number line may sit below the header zone; a Party number has its own form there too.
  const below = findLine(lines, new RegExp(String.raw`^\s*Số\s*:?\s*${PARTY_NO}\s*$`, 'u'));
  if (below && !findLine(lines, new RegExp(String.raw`^\s*Số\s*:?\s*${DOC_NO}`, 'u')))
    return { no: `${below.m[1]}-${below.m[2]}/${below.m[3]}`, type: below.m[2]!, line: below.line };
  const hit =
    findLine(lines, new RegExp(String.raw`^\s*Số\s*:?\s*${DOC_NO}`, 'u')) ??
    findLine(lines, new RegExp(String.raw`Nguồn\s*:?\s*(?:TB|Thông báo)?\s*(?:số\s*)?${DOC_NO}`, 'iu')) ??
    findLine(lines, SOURCE_REF);
  if (hit) return { no: `${hit.m[1]}/${hit.m[2]}`, type: hit.m[3]!, line: hit.line };
  const top = lines.slice(0, ARTICLE_LINES);
  const lead = findLine(top, ARTICLE_LEAD);
  if (lead) return articleNo(lead.m, 5, lead.line);
  for (const re of [ARTICLE_NAMED, ARTICLE_RETOLD, ARTICLE_POINTS]) {
    const hit = findLine(top, re);
    if (hit) return articleNo(hit.m, 1, hit.line);
  }
  const first = lines.findIndex((l) => l.trim());
  const titled = first >= 0 ? ARTICLE_TITLED.exec(lines[first]!) : null;
  return titled ? articleNo(titled, 1, first + 1) : null;
}

/**
 * The year of a day written without one ("Ngày 04/12, …"): the year, among the full dates the text
 * writes, that puts the day nearest to one of them — a notice cites papers of the days before it and
 * sets deadlines in the weeks after.
 */
function nearestYear(text: string, month: number, day: number): number | null {
  let best: { year: number; gap: number } | null = null;
  for (const m of text.matchAll(/(\d{1,2})\s*\/\s*(\d{1,2})\s*\/\s*(\d{4})/g)) {
    const y = +m[3]!;
    const gap = Math.abs(Date.UTC(y, month - 1, day) - Date.UTC(y, +m[2]! - 1, +m[1]!));
    if (!best || gap < best.gap) best = { year: y, gap };
  }
  return best?.year ?? null;
}

/**
 * The year of a day an article writes without one ("Ngày 19/02 vừa qua, …"): the year it writes with the
 * document's number ("Thông báo 596/TB-VPCP năm 2025", in its title too), else the nearest full date's.
 */
function yearOf(text: string, no: string | undefined, month: number, day: number): number | null {
  const own = no ? new RegExp(String.raw`${no.replace(/[-/]/g, '\\s*$&\\s*')}\s+năm\s+(\d{4})`, 'u').exec(text) : null;
  return own ? +own[1]! : nearestYear(text, month, day);
}

function issuedOn(
  lines: string[],
  no: string | undefined,
  numberLine: number | undefined,
): { day: string; line: number } | null {
  const place = findLine(lines, new RegExp(String.raw`^\s*[\p{L} ]{2,30},\s*ngày\s+${DAY_WORDS}\s*$`, 'u'));
  if (place) return { day: iso(place.m[3]!, place.m[2]!, place.m[1]!)!, line: place.line };
  if (BLANK_DAY.test(headerZone(lines).text)) return null;
  // The place-date line broken over lines ("Hà" / "Nội, ngày 22 tháng 02 năm 1999"): a capitalised place, a comma,
  // "ngày" — near the number, which a web page's copy puts below its own banner.
  const zone = headerZone(lines, Math.max(0, (numberLine ?? 1) - 10));
  const joined = new RegExp(
    String.raw`(?:^|\s)\p{Lu}\p{Ll}*(?:[\s-]+\p{Lu}\p{Ll}*){0,3},\s*ngày\s+${DAY_WORDS}`,
    'u',
  ).exec(zone.text);
  const day = joined ? iso(joined[3]!, joined[2]!, joined[1]!) : null;
  if (joined && day) return { day, line: zone.lineAt(joined.index + joined[0].indexOf('ngày')) };
  const ref = findLine(lines, SOURCE_REF);
  if (ref) {
    const d = iso(ref.m[6]!, ref.m[5]!, ref.m[4]!);
    if (d) return { day: d, line: ref.line };
  }
  const source = findLine(lines, new RegExp(String.raw`Nguồn.*/TB-.*ngày\s+${DAY_SLASH}`, 'iu'));
  if (source) return { day: iso(source.m[3]!, source.m[2]!, source.m[1]!)!, line: source.line };
  const article = findLine(lines, new RegExp(String.raw`Ngày\s+${DAY_WORDS},.{0,60}ban hành Thông báo`, 'u'));
  if (article) return { day: iso(article.m[3]!, article.m[2]!, article.m[1]!)!, line: article.line };
  const top = lines.slice(0, ARTICLE_LINES);
  const lead = findLine(top, ARTICLE_LEAD) ?? findLine(top, ARTICLE_DAY);
  if (lead) {
    const [d, m] = [+lead.m[1]!, +lead.m[2]!];
    const year = lead.m[3] ? +lead.m[3] : yearOf(lines.join('\n'), no, m, d);
    const day = year ? isoDay(year, m, d) : null;
    if (day) return { day, line: lead.line };
  }
  const signed = findLine(lines.slice(0, ARTICLE_LINES), ARTICLE_SIGNED);
  if (signed) {
    const day = iso(signed.m[9]!, signed.m[8]!, signed.m[7]!);
    if (day) return { day, line: signed.line };
  }
  const retold = findLine(lines.slice(0, ARTICLE_LINES), ARTICLE_RETOLD);
  if (retold) {
    const day = iso(retold.m[6]!, retold.m[5]!, retold.m[4]!);
    if (day) return { day, line: retold.line };
  }
  return null;
}

/**
 * The paragraph that opens with the meeting's date: "Ngày 04 tháng 3 năm 2025, Ủy ban nhân dân tỉnh
 * tổ chức Hội nghị…", "Ngày 27/11/2023, … chủ trì cuộc họp", "Sáng ngày 09 tháng 4 năm 2022, tại …",
 * "Ngày 4 và 5 tháng 01 năm 1999 tại Hà Nội, …" (a meeting over two days: its first day).
 */
function meetingOn(text: string, no: string | undefined): { day: string; line: number } | null {
  // "Ngày 4 và 5 tháng 01", "Trong các ngày 08 và 09 tháng 11", "Từ ngày 08 đến ngày 09 tháng 11": the first day.
  const SECOND_DAY = String.raw`(?:\s*(?:và|,|-|–|đến(?:\s+ngày)?)\s*\d{1,2})?`;
  const OPENS = String.raw`^(?:(?:Sáng|Chiều|Tối|Trưa)\s+|Trong\s+(?:các\s+)?|Từ\s+)?[Nn]gày`;
  const re = new RegExp(
    String.raw`${OPENS}\s+(?:(\d{1,2})${SECOND_DAY}\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})|${DAY_SLASH})\s*(?:,|tại\b)`,
    'u',
  );
  // A line that opens with the date, read with the lines after it (the date itself may be broken).
  const lines = text.split('\n').map(cleanLine);
  for (let i = 0; i < lines.length; i++) {
    if (!new RegExp(String.raw`${OPENS}\s+\d`, 'u').test(lines[i]!.trim())) continue;
    // Six lines: a visit's sentence lists what was done before the working session it ends on.
    const para = lines
      .slice(i, i + 6)
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim();
    const m = re.exec(para);
    if (!m) continue;
    // The meeting is in the date's own sentence ("Ngày 20/7/2018, UBND tỉnh nhận được …" is a receipt).
    const sentence = para.split(/(?<=[.!?])\s+(?=\p{Lu})/u)[0]!;
    if (
      new RegExp(ISSUES, 'u').test(sentence) ||
      !/(tổ chức|chủ trì|họp|Hội\s*nghị|làm việc|thị sát|đi kiểm tra)/iu.test(sentence)
    )
      continue;
    const day = m[1] ? iso(m[3]!, m[2]!, m[1]) : iso(m[6]!, m[5]!, m[4]!);
    if (day) return { day, line: i + 1 };
  }
  // An article tells the meeting inside its sentence ("Theo đó, tại phiên họp ngày 20/2, sau khi nghe …"),
  // near its top, where a notice's own later lines cite earlier meetings.
  const held = findLine(
    lines.slice(0, ARTICLE_LINES),
    /\btại\s+(?:(?:cuộc|phiên)\s+họp|buổi\s+làm\s+việc)\s+ngày\s+(\d{1,2})\s*\/\s*(\d{1,2})(?:\s*\/\s*(\d{4}))?/u,
  );
  if (held) {
    const year = held.m[3] ? +held.m[3] : yearOf(text, no, +held.m[2]!, +held.m[1]!);
    const day = year ? isoDay(year, +held.m[2]!, +held.m[1]!) : null;
    if (day) return { day, line: held.line };
  }
  return null;
}

function chair(text: string): string | null {
  const flat = text.replace(/\s+/g, ' ');
  const m =
    new RegExp(String.raw`[Kk]ết luận của (?:đồng chí )?${NAME}\s*[,–-]`, 'u').exec(flat) ??
    new RegExp(
      String.raw`[Kk]ết luận của (?:Phó )?Chủ tịch (?:UBND|Ủy ban nhân dân) (?:tỉnh|huyện) ${NAME}\b`,
      'u',
    ).exec(flat);
  return m ? m[1]!.trim() : null;
}

/** The subject: the lines under "THÔNG BÁO" up to the body, or "Thông báo Kết luận của …" in an article. */
function title(lines: string[]): { text: string; line: number } | null {
  const at = lines.findIndex((l) => /^\s*THÔNG BÁO\s*$/u.test(l));
  if (at >= 0) {
    const parts: string[] = [];
    let first = -1;
    for (let i = at + 1; i < lines.length; i++) {
      const l = lines[i]!.trim();
      if (/^(Ngày|Căn cứ|Sau khi|Thực hiện)\b/u.test(l)) break;
      if (l === '') {
        if (
          parts.length > 0 &&
          !/^\p{Ll}/u.test(
            lines
              .slice(i + 1)
              .find((x) => x.trim() !== '')
              ?.trim() ?? '',
          )
        )
          break;
        continue;
      }
      if (first < 0) first = i + 1;
      parts.push(l);
    }
    if (parts.length > 0) return { text: parts.join(' ').replace(/\s+/g, ' '), line: first };
  }
  const hit = findLine(lines, /Thông báo Kết luận (của .+?)(?:\.\s|$)/iu);
  if (hit) return { text: `Kết luận ${hit.m[1]!.trim()}`, line: hit.line };
  return null;
}

/** The last name-shaped line after "Nơi nhận" and the signing title. */
function signer(lines: string[]): { name: string; line: number } | null {
  const from = lines.findIndex((l) => /^\s*Nơi nhận/u.test(l));
  if (from < 0) return null;
  for (let i = lines.length - 1; i > from; i--) {
    const l = lines[i]!.trim();
    if (l === '') continue;
    const m = new RegExp(String.raw`^${NAME}$`, 'u').exec(l);
    if (m) return { name: m[1]!, line: i + 1 };
    if (/^\s*-/.test(l)) return null;
  }
  return null;
}

export function parseHeader(text: string): Header {
  const lines = text.split('\n').map(cleanLine);
  const no = docNo(lines);
  const issued = issuedOn(lines, no?.no, no?.line);
  const meeting = meetingOn(text, no?.no);
  const t = title(lines);
  const s = signer(lines);
  return {
    doc_no: no?.no ?? null,
    doc_type: no?.type ?? null,
    issued_on: issued?.day ?? null,
    meeting_on: meeting?.day ?? null,
    chair: chair(t?.text ?? '') ?? chair(text),
    signer: s?.name ?? null,
    title: t?.text ?? null,
    lines: { doc_no: no?.line, issued_on: issued?.line, meeting_on: meeting?.line, title: t?.line, signer: s?.line },
  };
}
