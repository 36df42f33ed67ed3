/**
 * Mutation fuzzing of the loader, shared by test/fuzz.test.ts (a fixed list of cases in `npm test`) and
 * test/fuzz/campaign.ts (`npm run fuzz`, as many cases as asked). Small copies of the sample CSVs,
 * each case one file damaged the way hand-made exports get damaged (flipped bytes, cut files, lost or
 * doubled delimiters and quotes, swapped columns, odd Unicode, huge fields, blank lines). Every case
 * must end in a valid result or a list of issues that each name a file — never an exception or a hang.
 * Cases are generated in order from one seeded PRNG, so a case number and seed reproduce exactly.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Db, literal } from '../../src/db.ts';
import { DataError, type DataIssue } from '../../src/errors.ts';
import { checkData } from '../../src/load/index.ts';

export const SEED = 20241105;

/** mulberry32: tiny, seedable, good enough to pick mutations reproducibly. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rand = ReturnType<typeof prng>;
const int = (r: Rand, n: number) => Math.floor(r() * n);
const pick = <T>(r: Rand, xs: readonly T[]) => xs[int(r, xs.length)]!;

const DATA = path.join(import.meta.dirname, '..', '..', 'data');
/** Table file → rows kept (header excluded); units stay whole so references resolve. */
export const SEEDS: Record<string, number> = {
  'units.csv': Infinity,
  'tasks.csv': 30,
  'documents.csv': Infinity,
  'criteria.csv': Infinity,
  'criteria_results.csv': 30,
  'index_scores.csv': 30,
  'dossier_stats.csv': 20,
  'targets.csv': Infinity,
};

export function head(file: string, rows: number): Buffer {
  const text = readFileSync(path.join(DATA, file), 'utf8');
  if (rows === Infinity) return Buffer.from(text);
  // Records, not lines: tasks' titles may hold quoted newlines.
  const out: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length && out.length <= rows; i++) {
    if (text[i] === '"') quoted = !quoted;
    else if (text[i] === '\n' && !quoted) out.push(text.slice(start, (start = i + 1)));
  }
  return Buffer.from(out.join(''));
}

const STRANGE = [
  '\u0000',
  '\uFEFF',
  '\u200B',
  '\u202E',
  '\u0301',
  '\u0323',
  '\uFFFD',
  '\u00A0',
  '\u2028',
  '😀',
  '𝔸',
  'ﬁ',
  '\r',
  '\t',
  '"',
  ',',
  ';',
  'Đ',
  'ư',
  'ẫ',
  'KÕt',
  'Sôû',
  '=1+1',
  '{{x}}',
  '<b>',
  "'",
  '\\',
  '%s',
  '${x}',
];

interface Mutation {
  name: string;
  apply: (buf: Buffer, r: Rand) => Buffer;
}

const at = (buf: Buffer, r: Rand) => int(r, buf.length + 1);
const splice = (buf: Buffer, i: number, del: number, ins: Buffer | string) =>
  Buffer.concat([buf.subarray(0, i), Buffer.from(ins), buf.subarray(i + del)]);
/** Offsets of every occurrence of `ch` in buf. */
const positions = (buf: Buffer, ch: string) => {
  const out: number[] = [];
  for (let i = buf.indexOf(ch); i !== -1; i = buf.indexOf(ch, i + 1)) out.push(i);
  return out;
};

export const MUTATIONS: Mutation[] = [
  { name: 'flip-byte', apply: (b, r) => (b.length ? splice(b, int(r, b.length), 1, Buffer.from([int(r, 256)])) : b) },
  { name: 'truncate', apply: (b, r) => b.subarray(0, at(b, r)) },
  ...[',', '"', '\n'].flatMap((ch): Mutation[] => [
    {
      name: `delete-${JSON.stringify(ch)}`,
      apply: (b, r) => {
        const p = positions(b, ch);
        return p.length ? splice(b, pick(r, p), 1, '') : b;
      },
    },
    {
      name: `double-${JSON.stringify(ch)}`,
      apply: (b, r) => {
        const p = positions(b, ch);
        return p.length ? splice(b, pick(r, p), 0, ch) : b;
      },
    },
  ]),
  {
    name: 'swap-columns',
    apply: (b) => {
      const text = b.toString('utf8');
      const nl = text.indexOf('\n');
      const header = (nl === -1 ? text : text.slice(0, nl)).split(',');
      if (header.length < 2) return b;
      [header[0], header[header.length - 1]] = [header[header.length - 1]!, header[0]!];
      return Buffer.from(header.join(',') + (nl === -1 ? '' : text.slice(nl)));
    },
  },
  {
    name: 'strange-unicode',
    apply: (b, r) => {
      let out = b;
      for (let n = 1 + int(r, 4); n > 0; n--) out = splice(out, at(out, r), 0, pick(r, STRANGE));
      return out;
    },
  },
  { name: 'random-code-point', apply: (b, r) => splice(b, at(b, r), 0, String.fromCodePoint(1 + int(r, 0xd7ff))) },
  { name: 'huge-field', apply: (b, r) => splice(b, at(b, r), 0, 'x'.repeat(100_000 + int(r, 200_000))) },
  { name: 'huge-quoted-field', apply: (b, r) => splice(b, at(b, r), 0, `"${'dài,\n'.repeat(20_000)}"`) },
  { name: 'empty-lines', apply: (b, r) => splice(b, at(b, r), 0, pick(r, ['\n\n\n', '\r\n\r\n', '\n \n', ',,,,\n'])) },
  {
    name: 'duplicate-line',
    apply: (b, r) => {
      const lines = b.toString('utf8').split('\n');
      const i = int(r, lines.length);
      lines.splice(i, 0, lines[i]!);
      return Buffer.from(lines.join('\n'));
    },
  },
  { name: 'latin1-recode', apply: (b) => Buffer.from(b.toString('utf8'), 'latin1') },
  { name: 'crlf', apply: (b) => Buffer.from(b.toString('utf8').replaceAll('\n', '\r\n')) },
  { name: 'cr-only', apply: (b) => Buffer.from(b.toString('utf8').replaceAll('\n', '\r')) },
];

export interface Outcome {
  kind: 'valid' | 'issues' | 'data_error' | 'crash' | 'hang' | 'bad_issue';
  detail?: string;
}

function timeout(ms: number): { promise: Promise<Outcome>; cancel: () => void } {
  let timer: NodeJS.Timeout;
  const promise = new Promise<Outcome>((resolve) => {
    timer = setTimeout(() => resolve({ kind: 'hang', detail: `no result after ${ms} ms` }), ms);
  });
  return { promise, cancel: () => clearTimeout(timer) };
}

/** What a person can act on: a file named, a rule, a message. */
function badIssue(issues: DataIssue[]): string | undefined {
  const bad = issues.find((i) => !i.file || !i.rule || !i.message || /\n\s+at /.test(i.message));
  return bad ? JSON.stringify(bad) : undefined;
}

export async function runCase(dir: string): Promise<Outcome> {
  try {
    const { issues } = await checkData(dir);
    if (issues.length === 0) return { kind: 'valid' };
    const bad = badIssue(issues);
    return bad ? { kind: 'bad_issue', detail: bad } : { kind: 'issues' };
  } catch (e) {
    if (e instanceof DataError) {
      const bad = badIssue(e.issues);
      return bad ? { kind: 'bad_issue', detail: bad } : { kind: 'data_error' };
    }
    return { kind: 'crash', detail: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
  }
}

export type Seeds = Record<string, Buffer>;
export interface Case {
  dir: string;
  label: string;
  mutations: string[];
}

export function seedFiles(): Seeds {
  return Object.fromEntries(Object.entries(SEEDS).map(([f, n]) => [f, head(f, n)]));
}

/** The unmutated seed tables in `dir` (a valid folder, so mutations are what breaks a case). */
export function writeSeed(dir: string, seeds: Seeds): void {
  mkdirSync(dir, { recursive: true });
  for (const [f, content] of Object.entries(seeds)) writeFileSync(path.join(dir, f), content);
}

/** CSV case n: one seed table under 1–3 mutations, beside only the tables it needs. */
export function csvCase(root: string, seeds: Seeds, n: number, r: Rand): Case {
  const dir = path.join(root, `case-${n}`);
  mkdirSync(dir);
  const target = pick(r, Object.keys(seeds));
  const applied: string[] = [];
  let buf = seeds[target]!;
  for (let k = 1 + int(r, 3); k > 0; k--) {
    const m = pick(r, MUTATIONS);
    buf = m.apply(buf, r);
    applied.push(m.name);
  }
  // Only what the target needs beside it: fewer files, faster cases, same coverage of the parser.
  const needed = new Set([
    'units.csv',
    'tasks.csv',
    target,
    ...(target === 'criteria_results.csv' ? ['criteria.csv'] : []),
  ]);
  for (const f of needed) writeFileSync(path.join(dir, f), f === target ? buf : seeds[f]!);
  return { dir, label: `case ${n}: ${target} ← ${applied.join(' + ')}`, mutations: applied };
}

/** Binary case n: a tasks.xlsx, .json or .parquet cut short or with bytes overwritten. */
export function binaryCase(root: string, seeds: Seeds, binary: Seeds, n: number, r: Rand): Case {
  const dir = path.join(root, `binary-${n}`);
  mkdirSync(dir);
  const name = pick(r, Object.keys(binary));
  let buf = Buffer.from(binary[name]!);
  const how = int(r, 3) === 0 ? 'truncate' : 'flip-bytes';
  if (how === 'truncate') buf = buf.subarray(0, int(r, buf.length));
  else for (let k = 1 + int(r, 8); k > 0; k--) buf[int(r, buf.length)] = int(r, 256);
  writeFileSync(path.join(dir, 'units.csv'), seeds['units.csv']!);
  writeFileSync(path.join(dir, name), buf);
  return { dir, label: `binary ${n}: ${name} ← ${how}`, mutations: [how] };
}

/**
 * Runs cases `parallel` at a time, each to its end. `budgetMs` is not a speed target: a case that
 * has not answered after it is reported as a hang, a budget far above any loaded machine's time.
 */
export async function runAll(queue: Case[], { parallel, budgetMs }: { parallel: number; budgetMs: number }) {
  const tally = new Map<string, number>();
  const failures: string[] = [];
  const pending = [...queue];
  async function worker(): Promise<void> {
    for (let c = pending.shift(); c; c = pending.shift()) {
      const t = timeout(budgetMs);
      const outcome = await Promise.race([runCase(c.dir), t.promise]);
      t.cancel();
      tally.set(outcome.kind, (tally.get(outcome.kind) ?? 0) + 1);
      if (!['valid', 'issues', 'data_error'].includes(outcome.kind))
        failures.push(`${c.label} → ${outcome.kind}: ${outcome.detail}`);
      rmSync(c.dir, { recursive: true, force: true });
    }
  }
  await Promise.all(Array.from({ length: parallel }, worker));
  return { tally, failures };
}

export const summary = (tally: Map<string, number>) => [...tally].map(([k, n]) => `${k} ${n}`).join(', ');

/** The seed tasks as tasks.xlsx, tasks.json and tasks.parquet (DuckDB reads the CSV, writes the others). */
export async function binarySeeds(root: string, tasksCsv: Buffer): Promise<Seeds> {
  const dir = path.join(root, 'binary-build');
  mkdirSync(dir, { recursive: true });
  const csv = path.join(dir, 'tasks.csv');
  writeFileSync(csv, tasksCsv);
  const db = await Db.open(':memory:');
  try {
    const src = `(SELECT * FROM read_csv(${literal(csv)}, all_varchar = true))`;
    await db.run(`COPY ${src} TO ${literal(path.join(dir, 'tasks.parquet'))} (FORMAT parquet)`);
    await db.run(`COPY ${src} TO ${literal(path.join(dir, 'tasks.json'))} (FORMAT json, ARRAY true)`);
    const rows = await db.all(`SELECT * FROM ${src}`);
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('tasks');
    ws.addRow(Object.keys(rows[0]!));
    for (const row of rows) ws.addRow(Object.values(row));
    return {
      'tasks.xlsx': Buffer.from(await wb.xlsx.writeBuffer()),
      'tasks.json': readFileSync(path.join(dir, 'tasks.json')),
      'tasks.parquet': readFileSync(path.join(dir, 'tasks.parquet')),
    };
  } finally {
    db.close();
  }
}
