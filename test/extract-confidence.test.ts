import { describe, expect, it } from 'vitest';
import { confidence, FEATURES, type FeatureName, type Signals } from '../src/extract/confidence.ts';
import { BIAS, WEIGHTS } from '../src/extract/confidence-weights.ts';
import { fit, PRIOR, type Sample } from './extract-calibrate.ts';

/** Rows as review() describes them, built by hand: a plain assignment, an inherited lead, a kept name. */
const plain: Signals = {
  source: 'explicit',
  lead: 'unit',
  deadline: 'date',
  beforeNotice: false,
  nested: false,
  noAction: false,
  addresseeUnread: false,
  words: 25,
  verbs: 1,
  split: false,
  nameWords: 0,
  verbInName: false,
  slashInName: false,
  findingsHeading: false,
};
const BASES: Signals[] = [
  plain,
  { ...plain, source: 'heading', deadline: 'none', words: 70 },
  { ...plain, source: 'subject', lead: 'kept', nameWords: 6, deadline: 'ongoing', split: true },
  { ...plain, source: 'heading', lead: 'group', nameWords: 8, deadline: 'inherited', verbs: 3 },
];
/** Each signal that may only lower the confidence, switched on. */
const WORSE: Record<string, (s: Signals) => Signals> = {
  no_lead: (s) => ({ ...s, source: 'none' }),
  higher: (s) => ({ ...s, lead: 'higher' }),
  invalid: (s) => ({ ...s, lead: 'invalid' }),
  nested: (s) => ({ ...s, nested: true }),
  no_action: (s) => ({ ...s, noAction: true }),
  addressee_unread: (s) => ({ ...s, addresseeUnread: true }),
  due_several: (s) => ({ ...s, deadline: 'several' }),
  due_before_notice: (s) => ({ ...s, beforeNotice: true }),
  long_name: (s) => ({ ...s, nameWords: 14 }),
  verb_in_name: (s) => ({ ...s, verbInName: true }),
  slash_in_name: (s) => ({ ...s, slashInName: true }),
  findings_heading: (s) => ({ ...s, findingsHeading: true }),
};

describe('confidence model', () => {
  it('names a hand-built case for every signal that may only lower it', () => {
    expect(Object.keys(WORSE).sort()).toEqual(
      FEATURES.filter((f) => f.lower)
        .map((f) => f.name)
        .sort(),
    );
  });

  it('never rises when such a signal is switched on (an invalid unit, a higher body, a nested point …)', () => {
    for (const base of BASES)
      for (const [name, worse] of Object.entries(WORSE)) {
        const changed = worse(base);
        // A category is compared with its reference value (an explicit lead, a unit, a dated
        // deadline): a unit not valid on the date against a valid one, not against a kept name.
        const moved = (['source', 'lead', 'deadline'] as const).filter((k) => changed[k] !== base[k]);
        if (moved.some((k) => base[k] !== plain[k])) continue;
        expect(confidence(changed), `${name} on ${JSON.stringify(base)}`).toBeLessThanOrEqual(confidence(base));
      }
  });

  it('keeps the committed weights of those signals at or below zero, and every confidence in [0, 1]', () => {
    for (const f of FEATURES) if (f.lower) expect(WEIGHTS[f.name]).toBeLessThanOrEqual(0);
    for (const base of BASES) {
      const c = confidence(base, WEIGHTS, BIAS);
      expect(c).toBeGreaterThanOrEqual(0);
      expect(c).toBeLessThanOrEqual(1);
      expect(Math.round(c * 100) / 100).toBe(c);
    }
  });
});

describe('fit', () => {
  const n = FEATURES.length;
  const x = (...on: string[]) => Array.from({ length: n }, (_, j) => +on.includes(FEATURES[j]!.name));
  // 'nested' rows are wrong 3 times in 4, 'heading' rows always right, and 'invalid' rows — which
  // may only lower the confidence — are all right here: too few rows must not make it a bonus.
  const samples: Sample[] = [
    ...[1, 0, 0, 0].map((y): Sample => ({ x: x('nested'), y: y as 0 | 1 })),
    ...[1, 1, 1, 1].map((y): Sample => ({ x: x('heading'), y: y as 0 | 1 })),
    ...[1, 1].map((): Sample => ({ x: x('invalid'), y: 1 })),
    ...[1, 1, 1, 1, 0].map((y): Sample => ({ x: x(), y: y as 0 | 1 })),
  ];

  it('gives the same weights for the same rows', () => {
    expect(fit(samples, 0.01, 3000)).toEqual(fit(samples, 0.01, 3000));
  });

  it('moves a weight from its hand-set value the way the rows point, and holds a lowering signal at zero at most', () => {
    const m = fit(samples, 0.01, 3000);
    const prior = (name: FeatureName) => PRIOR[FEATURES.findIndex((f) => f.name === name)]!;
    expect(m.weights.nested).toBeLessThan(0);
    // 'heading' rows are all right here, against 4 in 5 of the rest: less doubt than the hand-set 0.1.
    expect(m.weights.heading).toBeGreaterThan(prior('heading'));
    expect(m.weights.invalid).toBeLessThanOrEqual(0);
    // From no prior at all, the all-right 'invalid' rows would push it up: it stops at zero.
    expect(
      fit(
        samples,
        0.01,
        3000,
        PRIOR.map(() => 0),
      ).weights.invalid,
    ).toBe(0);
    // A signal no row has keeps its hand-set value: a request to a higher body is not made harmless.
    expect(m.weights.higher).toBeCloseTo(prior('higher'), 3);
    expect(m.weights.higher).toBeLessThan(-2);
  });
});
