/**
 * Fits the confidence of `cchc extract` (src/extract/confidence.ts) on the readings by a person,
 * and measures whether it means something:
 *   TZ=Asia/Ho_Chi_Minh npx tsx test/extract-calibrate.ts           # fit, reliability, cross-validation
 *   TZ=Asia/Ho_Chi_Minh npx tsx test/extract-calibrate.ts --write   # … and write confidence-weights.ts
 * Each reader-level row (test/extract-score.ts) is one sample: its signals, and whether it matched a
 * reading's task. Only the tuning sets are fitted on (TUNING); a held-out set is never read here.
 * The fit is plain gradient descent on the mean log loss with an L2 penalty that pulls each weight
 * towards the hand-set value it replaces (HAND), for a fixed number of steps from those values, so
 * the same rows always give the same weights.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { confidence, FEATURES, sigmoid, vector, type FeatureName, type Signals } from '../src/extract/confidence.ts';
import { CHECK_BELOW } from '../src/extract/index.ts';
import { HIDDEN, scoreAll, setsFor, type Reading } from './extract-score.ts';

/**
 * The sets the rules were tuned on or whose output has been seen — every set the scorer shows without
 * a flag — so the model is fitted on these only and never on a hidden (held-out) set.
 */
export const TUNING: readonly Reading['set'][] = setsFor([]);

export interface Sample {
  x: number[];
  y: 0 | 1;
}

export interface Model {
  weights: Record<FeatureName, number>;
  bias: number;
}

/** L2 strength, learning rate and steps: chosen once; the cross-validation below is what judges them. */
export const LAMBDA = 0.01;
const RATE = 0.5;
const STEPS = 20000;

/**
 * The arithmetic the model replaced (review() up to 6641569): a row started at 0.95 for an explicit
 * lead and lost these points. They are the prior the fit starts from and is pulled back to, so a
 * kind the readings have few or no rows of (a request, a unit not valid on the date) keeps the
 * judgement it had instead of counting as harmless. 'no_lead' is the drop from 0.95 to 0.1.
 */
export const HAND: Partial<Record<FeatureName, number>> = {
  subject: 0.05,
  heading: 0.1,
  mention: 0.15,
  no_lead: 0.85,
  expanded: 0.05,
  kept: 0.05,
  group: 0.05,
  higher: 0.3,
  invalid: 0.3,
  nested: 0.3,
  no_action: 0.2,
  addressee_unread: 0.3,
  due_inherited: 0.05,
  due_year: 0.05,
  due_several: 0.2,
  due_conditional: 0.05,
  due_before_notice: 0.2,
};
const logit = (p: number) => Math.log(p / (1 - p));
const START = 0.95;
/** HAND in log-odds: the change it made to a row at the start value. */
export const PRIOR: number[] = FEATURES.map((f) => logit(START - (HAND[f.name] ?? 0)) - logit(START));

/**
 * Gradient descent on mean log loss + lambda/2·|w − prior|² (the bias is not penalised). After each
 * step a weight of a signal that may only lower the confidence (`lower` in FEATURES) is kept at or
 * below 0.
 */
export function fit(samples: Sample[], lambda = LAMBDA, steps = STEPS, prior = PRIOR): Model {
  const n = FEATURES.length;
  const w = [...prior];
  let b = logit(START);
  const m = Math.max(1, samples.length);
  for (let step = 0; step < steps; step++) {
    const g = new Array<number>(n).fill(0);
    let gb = 0;
    for (const s of samples) {
      let z = b;
      for (let j = 0; j < n; j++) z += w[j]! * s.x[j]!;
      const e = sigmoid(z) - s.y;
      gb += e;
      for (let j = 0; j < n; j++) if (s.x[j]) g[j]! += e * s.x[j]!;
    }
    b -= (RATE * gb) / m;
    for (let j = 0; j < n; j++) {
      w[j] = w[j]! - RATE * (g[j]! / m + lambda * (w[j]! - prior[j]!));
      if (FEATURES[j]!.lower && w[j]! > 0) w[j] = 0;
    }
  }
  const round = (v: number) => Math.round(v * 1000) / 1000;
  return {
    weights: Object.fromEntries(FEATURES.map((f, j) => [f.name, round(w[j]!)])) as Record<FeatureName, number>,
    bias: round(b),
  };
}

/** The model's confidence of a reader-level row: the lowest of the rows it stands for, to two decimals. */
export function predict(model: Model, signals: Signals[]): number {
  return Math.min(...signals.map((s) => confidence(s, model.weights, model.bias)));
}

interface Labelled {
  set: Reading['set'];
  notice: string;
  signals: Signals[];
  right: boolean;
}

export async function labelled(sets: readonly Reading['set'][] = TUNING): Promise<Labelled[]> {
  // A set held out in this round (HIDDEN) is never fitted on, whatever the caller asks.
  const all = await scoreAll(sets.filter((s) => !HIDDEN.includes(s)));
  return all.flatMap((a) =>
    a.s.rows.map((r) => ({ set: a.set, notice: a.name, signals: r.signals, right: r.matched })),
  );
}

const samples = (rows: Labelled[]): Sample[] => rows.map((r) => ({ x: vector(r.signals[0]!), y: r.right ? 1 : 0 }));

/** Rows by confidence band: predicted mean against the share observed right. */
export function reliability(scored: { c: number; right: boolean }[]): string[] {
  const bands: [string, number, number][] = [
    ['< 0.5', 0, 0.5],
    ['0.5–0.8', 0.5, CHECK_BELOW],
    ['0.8–0.9', CHECK_BELOW, 0.9],
    ['≥ 0.9', 0.9, 1.01],
  ];
  const out = ['| confidence | rows | predicted (mean) | observed right |', '|---|---|---|---|'];
  for (const [name, lo, hi] of bands) {
    const rows = scored.filter((r) => r.c >= lo && r.c < hi);
    const mean = rows.reduce((a, r) => a + r.c, 0) / (rows.length || 1);
    const right = rows.filter((r) => r.right).length;
    out.push(
      rows.length === 0
        ? `| ${name} | 0 | — | — |`
        : `| ${name} | ${rows.length} | ${mean.toFixed(3)} | ${(right / rows.length).toFixed(3)} (${right}/${rows.length}) |`,
    );
  }
  return out;
}

/** Precision at or above CHECK_BELOW and below it, as "0.950 (19/20)". */
export function split(scored: { c: number; right: boolean }[]): { above: string; below: string } {
  const f = (hi: boolean) => {
    const rows = scored.filter((r) => r.c >= CHECK_BELOW === hi);
    const right = rows.filter((r) => r.right).length;
    return rows.length === 0 ? '— (0 rows)' : `${(right / rows.length).toFixed(3)} (${right}/${rows.length})`;
  };
  return { above: f(true), below: f(false) };
}

/** Mean squared error of the confidence and the chance that a right row ranks above a wrong one (AUC). */
function quality(scored: { c: number; right: boolean }[]): { brier: number; auc: number } {
  const brier = scored.reduce((a, r) => a + (r.c - (r.right ? 1 : 0)) ** 2, 0) / (scored.length || 1);
  const pos = scored.filter((r) => r.right);
  const neg = scored.filter((r) => !r.right);
  let wins = 0;
  for (const p of pos) for (const q of neg) wins += p.c > q.c ? 1 : p.c === q.c ? 0.5 : 0;
  return { brier, auc: pos.length && neg.length ? wins / (pos.length * neg.length) : NaN };
}

/** Per set: rows, right, precision at or above CHECK_BELOW and below, AUC within the set; then all. */
function table(parts: [string, { c: number; right: boolean }[]][], all: { c: number; right: boolean }[]): string {
  const line = (name: string, rows: { c: number; right: boolean }[]) => {
    const p = split(rows);
    const auc = quality(rows).auc;
    const right = rows.filter((r) => r.right).length;
    return `| ${name} | ${rows.length} | ${right} | ${p.above} | ${p.below} | ${Number.isNaN(auc) ? '—' : auc.toFixed(3)} |`;
  };
  return [
    `| set | rows | right | precision, confidence ≥ ${CHECK_BELOW} | precision, below | AUC |`,
    '|---|---|---|---|---|---|',
    ...parts.map(([name, rows]) => line(name, rows)),
    line('all', all),
  ].join('\n');
}

function weightsModule(model: Model, sets: string[], n: number): string {
  const lines = [
    '// GENERATED by `TZ=Asia/Ho_Chi_Minh npx tsx test/extract-calibrate.ts --write`: do not edit by hand.',
    `// Fitted on ${n} reader-level rows of the tuning sets ${sets.join(', ')} (L2 ${LAMBDA} towards the hand-set values); refit after the rules change.`,
    "import type { FeatureName } from './confidence.ts';",
    '',
    `export const BIAS = ${model.bias};`,
    '',
    'export const WEIGHTS: Record<FeatureName, number> = {',
    ...FEATURES.map((f) => `  ${f.name}: ${model.weights[f.name]},`),
    '};',
    '',
  ];
  return lines.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const rows = await labelled();
  const sets = TUNING.filter((s) => rows.some((r) => r.set === s));
  const model = fit(samples(rows));
  const file = path.join(path.dirname(fileURLToPath(import.meta.url)), '../src/extract/confidence-weights.ts');
  const module = weightsModule(model, sets, rows.length);
  if (process.argv.includes('--write')) {
    fs.writeFileSync(file, module);
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  } else console.log(module);

  const fitted = rows.map((r) => ({ ...r, c: predict(model, r.signals) }));
  const q = quality(fitted);
  console.log(`\nIn sample (fitted on all ${rows.length} rows; Brier ${q.brier.toFixed(3)}, AUC ${q.auc.toFixed(3)}):`);
  console.log(`${reliability(fitted).join('\n')}\n`);
  console.log(
    table(
      sets.map((set) => [set, fitted.filter((r) => r.set === set)]),
      fitted,
    ),
  );

  const prior: Model = {
    weights: Object.fromEntries(FEATURES.map((f, j) => [f.name, PRIOR[j]!])) as Record<FeatureName, number>,
    bias: logit(START),
  };
  const unfitted = rows.map((r) => ({ ...r, c: predict(prior, r.signals) }));
  console.log(
    `\nThe prior alone (HAND as log-odds, no fit; Brier ${quality(unfitted).brier.toFixed(3)}, AUC ${quality(unfitted).auc.toFixed(3)}):`,
  );
  console.log(
    table(
      sets.map((set) => [set, unfitted.filter((r) => r.set === set)]),
      unfitted,
    ),
  );

  // Leave one set out: fitted on the others, scored on it — the estimate for a new kind of notice.
  const out: typeof fitted = [];
  console.log(`\nLeave one set out (fit on the other sets, score the one left out):`);
  const folds = sets.map((set): [string, typeof fitted] => {
    const m = fit(samples(rows.filter((r) => r.set !== set)));
    const mine = rows.filter((r) => r.set === set).map((r) => ({ ...r, c: predict(m, r.signals) }));
    out.push(...mine);
    return [set, mine];
  });
  console.log(table(folds, out));
  const cq = quality(out);
  console.log(`\nLeft-out predictions pooled (Brier ${cq.brier.toFixed(3)}, AUC ${cq.auc.toFixed(3)}):`);
  console.log(reliability(out).join('\n'));
  // The yardstick: a constant confidence, the share right of the rows it is fitted on.
  const share = (list: { right: boolean }[]) => list.filter((r) => r.right).length / list.length;
  const constant = sets.map((set) => {
    const c = share(rows.filter((r) => r.set !== set));
    return rows.filter((r) => r.set === set).map((r) => ({ c, right: r.right }));
  });
  const base = share(fitted);
  console.log(
    `\nA constant confidence (the share right, ${base.toFixed(3)}): Brier ${quality(fitted.map((r) => ({ ...r, c: base }))).brier.toFixed(3)} in sample, ${quality(constant.flat()).brier.toFixed(3)} left out.`,
  );
}
