/**
 * Seeded randomness for the sample generator. Every stream is derived from the one project seed and
 * a label, so adding a draw in one table never shifts the values of another: re-runs reproduce the
 * files byte for byte, and editing tasks leaves dossiers untouched.
 */
export const SAMPLE_SEED = 20241112;

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [lo, hi], both inclusive. */
  int(lo: number, hi: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
}

/** FNV-1a over the label, mixed with the seed: a stable 32-bit state per stream. */
function hashLabel(label: string, seed: number): number {
  let h = 0x811c9dc5 ^ seed;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: small, fast, and good enough for synthetic data; not for anything secret. */
export function rng(label: string, seed = SAMPLE_SEED): Rng {
  let a = hashLabel(label, seed);
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)]!,
  };
}
