/**
 * Text folding and tokens shared by unit matching and phrase rules: notices spell the same agency
 * with and without diacritics, in abbreviations ("UBND", "TT&TT") and across PDF line breaks.
 */

import { fold } from '../text.ts';

export interface Token {
  /** Folded word, or the punctuation character itself. */
  w: string;
  word: boolean;
  /** Offsets in the source string (expanded abbreviations share their source's offsets). */
  start: number;
  end: number;
}

/** Administrative abbreviations written out, so "UBND" and "Ủy ban nhân dân" match the same names. */
const EXPANSIONS: Record<string, string[]> = {
  ubnd: ['uy', 'ban', 'nhan', 'dan'],
  hdnd: ['hoi', 'dong', 'nhan', 'dan'],
  mttq: ['mat', 'tran', 'to', 'quoc'],
  ub: ['uy', 'ban'],
};

export function tokenize(s: string): Token[] {
  const out: Token[] = [];
  for (const m of s.matchAll(/[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu)) {
    const start = m.index;
    const end = start + m[0].length;
    const f = fold(m[0]);
    const word = /[\p{L}\p{N}]/u.test(m[0]);
    const exp = word ? EXPANSIONS[f] : undefined;
    if (exp) for (const w of exp) out.push({ w, word, start, end });
    else out.push({ w: f, word, start, end });
  }
  return out;
}

/** Folded words only, with the connective "và" dropped: the key names are compared on. */
export function nameKey(s: string): string[] {
  return tokenize(s)
    .filter((t) => t.word && t.w !== 'va')
    .map((t) => t.w);
}

/** Whether the folded words of `phrase` stand in `tokens` from index k on, one token each. */
export function phraseAt(tokens: readonly Token[], k: number, phrase: readonly string[]): boolean {
  return phrase.every((w, n) => tokens[k + n]?.w === w);
}
