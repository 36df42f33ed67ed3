/** Text comparison shared by header matching, unit look-up and notice reading. */

/**
 * Lower case without Vietnamese diacritics, đ → d: "Sở Nội vụ" → "so noi vu". People type names
 * with and without accents (and legacy keyboards drop them), so every match compares folded text.
 */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

/** Levenshtein distance, for "did you mean" suggestions over short names and codes. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}
