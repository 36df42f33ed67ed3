/** Columns a string takes in a terminal: combining marks none, East Asian wide and emoji two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s.normalize('NFC')) w += charWidth(ch.codePointAt(0)!);
  return w;
}

const ZERO_WIDTH = /^[\p{M}\p{Cc}\p{Cf}]$/u;

function charWidth(cp: number): number {
  if (ZERO_WIDTH.test(String.fromCodePoint(cp))) return 0;
  const wide =
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf && cp !== 0x303f) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1faff) ||
    (cp >= 0x20000 && cp <= 0x3fffd);
  return wide ? 2 : 1;
}
