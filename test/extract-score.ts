/**
 * Scores `cchc extract` against readings made by a person (`*.reading.json`): precision and recall
 * of (lead as written, deadline) pairs, and the header fields. Run it alone to print the table:
 *   TZ=Asia/Ho_Chi_Minh npx tsx test/extract-score.ts              # every set but the hidden ones
 *   TZ=Asia/Ho_Chi_Minh npx tsx test/extract-score.ts --heldout-m  # a hidden set too, when it is on disk
 * The readings are never produced from the code; the code is measured against them. The held-out
 * set of a round (listed in HIDDEN) is scored only when asked by its flag, so the runs made while
 * rules change never show it; a set whose output was seen (C in the third round, D in the fourth, F in the fifth, G, I and J once scored at its end, L and L2 in the sixth, M in the seventh)
 * is tuning material from then on and is shown by default.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHECK_BELOW, extractNotice, type Extraction } from '../src/extract/index.ts';
import { readUnits, type Unit } from '../src/extract/units.ts';
import { nameKey } from '../src/extract/fold.ts';
import { normalName } from '../src/extract/match.ts';
import { agencyOf } from '../src/extract/titles.ts';
import type { Signals } from '../src/extract/confidence.ts';

export const DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/extract');

export interface Reading {
  notice: string;
  set: (typeof SETS)[number];
  /** The notice's province as a reader sees it; null when the notice does not say. */
  province: string | null;
  doc_no: string | null;
  issued_on: string | null;
  meeting_on: string | null;
  tasks: { line: number; lead: string; due: string | null }[];
  /** The `--scope` an officer gives for a notice whose text names no province (seed 002). */
  scope?: string;
}

/**
 * A lead compared as a reader writes it: folded words, abbreviations written out, no titles. Readers name
 * the same addressee with its heads' titles or as the bodies they head ("Bộ trưởng, Thủ trưởng cơ quan ngang
 * bộ, …" or "các bộ, cơ quan ngang bộ, …", "Thủ trưởng các sở" or "các sở"): both sides are read as bodies.
 */
export function leadKey(s: string): string {
  return localKindsKey(nameKey(agencyOf(normalName(s))).join(' '));
}

/** The kinds of local unit a notice names in a list ("các xã, phường", "các tỉnh, thành phố …"). */
const LOCAL_KINDS =
  /^(?:uy ban nhan dan )?cac ((?:(?:xa|phuong|thi tran|dac khu|tinh|thanh pho|huyen|quan|thi xa)(?: |$))+)((?:truc thuoc|thuoc|co|tren|trong) .*)?$/;

/**
 * Local units named by their kind alone stand for their People's Committees, and readers write them
 * either way and in either order ("UBND các xã, phường", "các xã, phường", "Ủy ban nhân dân các phường,
 * xã"): both sides are read as the committees, the kinds in one order.
 */
function localKindsKey(key: string): string {
  const [, list, rest] = LOCAL_KINDS.exec(key) ?? [];
  if (list === undefined) return key;
  const kinds = list.match(/thi tran|dac khu|thanh pho|thi xa|xa|phuong|tinh|huyen|quan/g) ?? [];
  return ['uy ban nhan dan cac', ...kinds.sort(), rest ?? ''].filter(Boolean).join(' ');
}

interface Row {
  lead: string;
  due: string | null;
  /** The lowest confidence among the extracted rows this reader's row stands for. */
  confidence: number;
  /** The signals of each of those rows (one, or the units a plural addressee was expanded into). */
  signals: Signals[];
}

/**
 * The extraction as a reader's list: rows expanded from one plural addressee collapse back to one
 * row named as the notice wrote it. A unit's row is compared by the unit's name — or by the name as
 * written when the notice is not the table's province's but the name said it is of one of its
 * provinces ("Ủy ban nhân dân tỉnh An Giang" in a central letter), as readers write it. Any other
 * lead mapped onto one of the table's units in such a notice is wrong whatever its name, so it keeps its code.
 */
export function asReaderRows(x: Extraction, units: Unit[], foreign: boolean): Row[] {
  const groups = new Map<string, Row>();
  const rows: Row[] = [];
  for (const r of x.rows) {
    const group = /addressed as "([^"]+)"/.exec(r.review)?.[1];
    const known = units.some((u) => u.code === r.task.lead_unit);
    const due = r.task.due_on || null;
    const confidence = r.confidence;
    const signals = [r.signals];
    const lead = !known ? r.task.lead_unit : (r.written ?? (foreign ? `code:${r.task.lead_unit}` : r.lead_name));
    if (!group) rows.push({ lead, due, confidence, signals });
    else {
      const key = `${group}|${due}|${r.source_lines}`;
      const seen = groups.get(key);
      if (seen) {
        seen.confidence = Math.min(seen.confidence, confidence);
        seen.signals.push(r.signals);
      } else {
        const row = { lead: group, due, confidence, signals };
        groups.set(key, row);
        rows.push(row);
      }
    }
  }
  return rows;
}

export interface Score {
  expected: number;
  extracted: number;
  matched: number;
  header: { right: number; of: number };
  /** Rows at or above the review threshold (CHECK_BELOW) and below it, and how many of each matched. */
  above: { rows: number; matched: number };
  below: { rows: number; matched: number };
  /** Each reader-level row: its confidence, whether it matched a reading's task, and its signals (the labels the confidence is fitted on). */
  rows: { confidence: number; matched: boolean; signals: Signals[] }[];
}

export function score(x: Extraction, reading: Reading, units: Unit[]): Score {
  const foreign = reading.province !== 'An Giang';
  const got = asReaderRows(x, units, foreign).map((r) => ({ ...r, key: leadKey(r.lead), used: false }));
  const part = (hi: boolean) => {
    const rows = got.filter((g) => g.confidence >= CHECK_BELOW === hi);
    return { rows: rows.length, matched: rows.filter((g) => g.used).length };
  };
  let matched = 0;
  for (const e of reading.tasks) {
    const g = got.find((g) => !g.used && g.key === leadKey(e.lead) && g.due === e.due);
    if (!g) continue;
    g.used = true;
    matched++;
  }
  const fields: [string | null, string | null][] = [
    [x.document.doc_no || null, reading.doc_no],
    [x.header.issued_on, reading.issued_on],
    [x.header.meeting_on, reading.meeting_on],
  ];
  return {
    expected: reading.tasks.length,
    extracted: got.length,
    matched,
    header: { right: fields.filter(([a, b]) => a === b).length, of: fields.length },
    above: part(true),
    below: part(false),
    rows: got.map((g) => ({ confidence: g.confidence, matched: g.used, signals: g.signals })),
  };
}

export const SETS = [
  'tuned',
  'tuned-2',
  'heldout',
  'heldout-b',
  'heldout-c',
  'heldout-d',
  'tuning-e',
  'heldout-f',
  'tuning-h',
  'heldout-g',
  'heldout-i',
  'heldout-j',
  'heldout-l',
  'heldout-l2',
  'tuning-m',
  'heldout-m',
  'tuning-n',
  'heldout-n',
  'heldout-o',
  'header',
  'seed',
] as const;

/**
 * Sets held out in this round: each is scored only when asked with its own flag (`--heldout-x`). None now:
 * M, the seventh round's pool (SOURCES.md, "Seventh round"), was split after one scoring at the round's
 * start into tuning-m and held-out M; held-out M was scored once at the round's end (unseen/AFTER-M.md) and
 * is tuning material since, as L2 (unseen/AFTER-L2.md) is.
 */
export const HIDDEN: readonly Reading['set'][] = [];

/** The sets a run scores: every set but the hidden ones, and each hidden set whose flag is given. */
export function setsFor(argv: readonly string[]): Reading['set'][] {
  return SETS.filter((s) => !HIDDEN.includes(s) || argv.includes(`--${s}`));
}

export function readings(): { file: string; reading: Reading }[] {
  const dirs = [DIR, path.join(DIR, 'unseen')];
  return dirs.flatMap((d) =>
    fs
      .readdirSync(d)
      .filter((f) => f.endsWith('.reading.json'))
      .sort()
      .map((f) => ({
        file: path.join(d, f),
        reading: JSON.parse(fs.readFileSync(path.join(d, f), 'utf8')) as Reading,
      })),
  );
}

export async function scoreAll(
  sets: readonly Reading['set'][] = setsFor([]),
): Promise<{ name: string; set: Reading['set']; s: Score }[]> {
  const units = await readUnits(path.join(DIR, 'units.csv'));
  return readings()
    .filter(({ reading }) => sets.includes(reading.set))
    .map(({ file, reading }) => {
      const text = fs.readFileSync(path.join(path.dirname(file), reading.notice), 'utf8');
      let x: Extraction;
      try {
        x = extractNotice(text, { units, scope: reading.scope });
      } catch {
        // A notice the extractor refuses (no province it can tell) gives no rows and no header.
        x = {
          rows: [],
          header: { issued_on: null, meeting_on: null },
          document: { doc_no: '' },
        } as unknown as Extraction;
      }
      return { name: reading.notice.replace(/\.txt$/, ''), set: reading.set, s: score(x, reading, units) };
    });
}

/** Precision of the rows at or above the review threshold and of those below it (highlighted for review). */
export function byConfidence(list: { s: Score }[]): { above: string; below: string } {
  const f = (k: 'above' | 'below') => {
    const rows = list.reduce((a, b) => a + b.s[k].rows, 0);
    const m = list.reduce((a, b) => a + b.s[k].matched, 0);
    return rows === 0 ? '— (0 rows)' : `${(m / rows).toFixed(3)} (${m}/${rows})`;
  };
  return { above: f('above'), below: f('below') };
}

export function totals(list: { s: Score }[]): { p: number; r: number; e: number; x: number; m: number; h: string } {
  const e = list.reduce((a, b) => a + b.s.expected, 0);
  const x = list.reduce((a, b) => a + b.s.extracted, 0);
  const m = list.reduce((a, b) => a + b.s.matched, 0);
  const hr = list.reduce((a, b) => a + b.s.header.right, 0);
  const ho = list.reduce((a, b) => a + b.s.header.of, 0);
  return { p: x ? m / x : e ? 0 : 1, r: e ? m / e : 1, e, x, m, h: `${hr}/${ho}` };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const sets = setsFor(process.argv);
  const all = await scoreAll(sets);
  // A set named in SETS whose readings are not on disk yet prints no line.
  const present = sets.filter((set) => all.some((a) => a.set === set));
  const f = (n: number) => n.toFixed(3);
  console.log('| notice | set | expected | extracted | matched | header |');
  console.log('|---|---|---|---|---|---|');
  for (const a of all)
    console.log(
      `| ${a.name} | ${a.set} | ${a.s.expected} | ${a.s.extracted} | ${a.s.matched} | ${a.s.header.right}/${a.s.header.of} |`,
    );
  console.log('\n| set | expected | extracted | matched | precision | recall | header fields right |');
  console.log('|---|---|---|---|---|---|---|');
  for (const set of present) {
    const t = totals(all.filter((a) => a.set === set));
    console.log(`| ${set} | ${t.e} | ${t.x} | ${t.m} | ${f(t.p)} | ${f(t.r)} | ${t.h} |`);
  }
  console.log(`\n| set | precision, confidence ≥ ${CHECK_BELOW} | precision, below (highlighted) |`);
  console.log('|---|---|---|');
  for (const set of present) {
    const c = byConfidence(all.filter((a) => a.set === set));
    console.log(`| ${set} | ${c.above} | ${c.below} |`);
  }
}
