/**
 * Whose notice is this? Its names are matched to the loaded province's units only when it is that
 * province's (or one of its districts') notice; another province's or a central body's notice keeps
 * every name as written — but for a name that itself says it is the loaded province's ("Ủy ban nhân
 * dân tỉnh An Giang", "Sở Tài chính tỉnh An Giang" in a central letter), which is that province's unit
 * standing on the notice's date (Matcher.provinceNamed). The answer comes from the header — the issuer
 * lines above the title, the place-date line, the number's issuer code — and, failing those, from
 * "tỉnh <name>" in the text.
 */
import { PROVINCES } from './central.ts';
import { nameKey } from './fold.ts';
import { issuerBlock, type Header } from './header.ts';
import { placeName, type Unit } from './units.ts';

export type Origin =
  | { kind: 'own'; place: string; why: string }
  | { kind: 'other'; who: string; why: string }
  | { kind: 'unknown'; why: string };

/** Issuer codes in a number ("…/TB-VPCP", "…/VPCP-CN", "…/TTg-…") of central bodies. */
const CENTRAL_NUMBER = /\/(?:[A-ZĐ]+-)?(?:VPCP|TTg|CP|BNV|BTC|BXD|BCA|BYT)\b/u;
const CENTRAL_ISSUER = /\b(van phong chinh phu|thu tuong chinh phu|chinh phu)\b/;

/** The lines above the body: issuer, number, place-date line, title (joined: PDF copies break them). */
export function headerZone(text: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  for (const l of lines.slice(0, 30)) {
    if (l.trim().length > 160) break;
    out.push(l);
  }
  return out.join(' ').replace(/\|/g, ' ').replace(/\s+/g, ' ');
}

const has = (hay: string[], needle: string[]) =>
  needle.length > 0 && hay.some((_, i) => needle.every((w, k) => hay[i + k] === w));

/**
 * `province`: the loaded province(s) the notice may belong to; `places`: short names of their
 * districts and communes, which head a district's notice ("Châu Thành, ngày …").
 */
export function noticeOrigin(text: string, header: Header, provinces: Unit[], places: string[]): Origin {
  const zone = headerZone(text);
  const zoneKey = nameKey(zone);
  const zoneFolded = zoneKey.join(' ');
  // The issuer block is written in capitals ("VĂN PHÒNG CHÍNH PHỦ"); a sentence citing the Office is not it.
  const issuerLines = nameKey(issuerBlock(text).join(' ')).join(' ');
  if ((header.doc_no && CENTRAL_NUMBER.test(header.doc_no)) || CENTRAL_ISSUER.test(issuerLines)) {
    return {
      kind: 'other',
      who: 'a central body',
      why: `the header names the Government or its Office (${header.doc_no ?? 'issuer lines'})`,
    };
  }
  // "An Giang (mới)": the note in brackets is the table's, the notice writes "An Giang".
  const ownNames = provinces.map(placeName).filter((n) => n);
  const ownIn = (words: string[]) => ownNames.find((n) => has(words, nameKey(n)));
  const otherIn = (words: string[]) =>
    PROVINCES.find(
      (p) => !ownNames.some((n) => nameKey(n).join(' ') === nameKey(p).join(' ')) && has(words, nameKey(p)),
    );
  const own =
    ownIn(zoneKey) ?? places.find((p) => new RegExp(`(^|\\s)${nameKey(p).join(' ')} ngay \\d`).test(zoneFolded));
  if (own) return { kind: 'own', place: own, why: `the header names ${own}` };
  const other = otherIn(zoneKey);
  if (other) return { kind: 'other', who: other, why: `the header names ${other}` };
  const body = nameKey(text);
  const level = (p: string) => ['tinh', 'thanh pho'].some((l) => has(body, [...l.split(' '), ...nameKey(p)]));
  const ownBody = ownNames.find(level);
  if (ownBody) return { kind: 'own', place: ownBody, why: `the text names "tỉnh ${ownBody}"` };
  return { kind: 'unknown', why: 'no issuer, place-date line or province name in the text' };
}
