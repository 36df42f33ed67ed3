/**
 * The notice's header: number, issue date, meeting date, chair, signer and subject. Official
 * notices carry them on fixed lines; portal articles only in prose ("Nguồn TB 270/TB-VPUBND
 * ngày 25/6/2018"), so each field has an ordered list of places to look.
 */
import { cleanLine } from './blocks.ts';
import { isoDay } from '../dates.ts';

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

const iso = (y: string, m: string, d: string) => isoDay(+y, +m, +d);

const DOC_NO = String.raw`(\d+)\s*/\s*((\p{Lu}+)(?:-[\p{Lu}Đ]+)*)`;
const DAY_WORDS = String.raw`(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})`;
const DAY_SLASH = String.raw`(\d{1,2})/(\d{1,2})/(\d{4})`;
const NAME = String.raw`(\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){1,4})`;

function findLine(lines: string[], re: RegExp): { m: RegExpExecArray; line: number } | null {
  for (let i = 0; i < lines.length; i++) {
    const m = re.exec(lines[i]!);
    if (m) return { m, line: i + 1 };
  }
  return null;
}

function docNo(lines: string[]): { no: string; type: string; line: number } | null {
  const hit = findLine(lines, new RegExp(String.raw`^\s*Số\s*:?\s*${DOC_NO}`, 'u')) ?? findLine(lines, new RegExp(String.raw`Nguồn\s*:?\s*(?:TB|Thông báo)?\s*(?:số\s*)?${DOC_NO}`, 'iu'));
  return hit ? { no: `${hit.m[1]}/${hit.m[2]}`, type: hit.m[3]!, line: hit.line } : null;
}

function issuedOn(lines: string[]): { day: string; line: number } | null {
  const place = findLine(lines, new RegExp(String.raw`^\s*[\p{L} ]{2,30},\s*ngày\s+${DAY_WORDS}\s*$`, 'u'));
  if (place) return { day: iso(place.m[3]!, place.m[2]!, place.m[1]!)!, line: place.line };
  const source = findLine(lines, new RegExp(String.raw`Nguồn.*/TB-.*ngày\s+${DAY_SLASH}`, 'iu'));
  if (source) return { day: iso(source.m[3]!, source.m[2]!, source.m[1]!)!, line: source.line };
  const article = findLine(lines, new RegExp(String.raw`Ngày\s+${DAY_WORDS},.{0,60}ban hành Thông báo`, 'u'));
  if (article) return { day: iso(article.m[3]!, article.m[2]!, article.m[1]!)!, line: article.line };
  return null;
}

/** "Ngày 04 tháng 3 năm 2025, Ủy ban nhân dân tỉnh tổ chức Hội nghị…", "Ngày 27/11/2023, … chủ trì cuộc họp". */
function meetingOn(lines: string[]): { day: string; line: number } | null {
  const re = new RegExp(String.raw`^\s*Ngày\s+(?:${DAY_WORDS}|${DAY_SLASH})\s*,`, 'u');
  for (let i = 0; i < lines.length; i++) {
    const m = re.exec(lines[i]!);
    if (!m) continue;
    const para = lines.slice(i, i + 4).join(' ');
    if (/ban hành Thông báo/u.test(para) || !/(tổ chức|chủ trì|họp|Hội\s*nghị|làm việc)/iu.test(para)) continue;
    const day = m[1] ? iso(m[3]!, m[2]!, m[1]) : iso(m[6]!, m[5]!, m[4]!);
    if (day) return { day, line: i + 1 };
  }
  return null;
}

function chair(text: string): string | null {
  const flat = text.replace(/\s+/g, ' ');
  const m =
    new RegExp(String.raw`[Kk]ết luận của (?:đồng chí )?${NAME}\s*[,–-]`, 'u').exec(flat) ??
    new RegExp(String.raw`[Kk]ết luận của (?:Phó )?Chủ tịch (?:UBND|Ủy ban nhân dân) (?:tỉnh|huyện) ${NAME}\b`, 'u').exec(flat);
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
        if (parts.length > 0 && !/^\p{Ll}/u.test(lines.slice(i + 1).find((x) => x.trim() !== '')?.trim() ?? '')) break;
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
  const issued = issuedOn(lines);
  const meeting = meetingOn(lines);
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
