import { z } from 'zod';
import type { Metrics } from '../metrics/types.ts';
import { arrow, fixed, int, num, pct, pp, score } from '../render/format.ts';

/**
 * What one entry of the figure catalogue (./catalogue.ts) says about a figure: where it comes
 * from, what it is, and how a brief shows it (docs/adding-a-figure.md).
 */

/**
 * `count`: a whole number, never null; `ratio`: a fraction 0–1, null when its denominator is 0;
 * `score`: an index score; `points`: criteria points (decimals); `days`: a mean number of calendar
 * days, null when nothing was counted.
 */
export type Kind = 'count' | 'ratio' | 'score' | 'points' | 'days';

/**
 * The part of metrics.json a figure belongs to: `tasks` (the summary and each by_unit row),
 * `online` (the summary, previous, each by_unit and monthly row; delta and target), `criteria`
 * (each entry, its by_area rows and the totals), `indices` (each score).
 */
export type Group = 'tasks' | 'online' | 'criteria' | 'indices';

/** Where a tile stands: among the KPI tiles of section I, or at the top of the online section. */
export type TilePlace = 'summary' | 'online';

export interface Figure {
  /** The key in metrics.json, in every object of its group that carries figures. */
  key: string;
  group: Group;
  /** `queries/<query>.sql` gives it, as the column `column`. */
  query: string;
  column: string;
  kind: Kind;
  /** The figure's name in Vietnamese, as running text uses it. */
  label: string;
  /** Which way is better, for the colour and meaning of a change; none for plain counts. */
  better?: 'higher' | 'lower';
  /** metrics.json carries this period minus the comparison period (cùng kỳ) as `delta.<key>`. */
  delta?: true;
  /** The `targets.metric` whose target applies, as `target.<key>`. */
  target?: string;
  /** Not on monthly rows: it says what was counted, not a figure of a month. */
  monthly?: false;
  /**
   * Added after metrics.json files that a brief may still be rendered from: such a file lacks it,
   * so its type says so and the brief leaves it out.
   */
  optional?: true;
  tile?: {
    place: TilePlace;
    label: string;
    /** The line under the value. Annotate `(m: Metrics): string`: the catalogue's type is read from it. */
    note: (m: Metrics) => string;
  };
  /** A pair of bars (cùng kỳ, this period) in the comparison chart of the online section. */
  compare?: { label: string };
  /**
   * The method sentence of the appendix; a group's sentences make one item. `withValue`: only when
   * the scope has a value (a figure the data may not carry).
   */
  method?: { text: string | ((m: Metrics) => string); withValue?: true };
}

/** How a value of each kind prints: `1.234`, `43,0%`, `84,22`, `39,67`, `5,3 ngày`. */
export const FORMAT: Record<Kind, (x: number) => string> = {
  count: int,
  ratio: pct,
  score,
  points: (x) => num(x),
  days: (x) => `${fixed(x, 1)} ngày`,
};

/**
 * A change as a tile states it (`▲ 6,2 điểm %`, `▼ 0,4 ngày`), rounded as it prints; `good` is
 * null when it rounds to nothing or the figure has no better side.
 */
export function formatChange(f: Figure, d: number): { text: string; good: boolean | null } {
  const [rounded, text] =
    f.kind === 'ratio'
      ? [Math.round(d * 1000) / 1000, (x: number) => `${arrow(x, pp)} điểm %`]
      : f.kind === 'days'
        ? [Math.round(d * 10) / 10, (x: number) => `${arrow(x, (v) => fixed(v, 1))} ngày`]
        : f.kind === 'count'
          ? [d, (x: number) => arrow(x, int)]
          : [Math.round(d * 100) / 100, (x: number) => `${arrow(x, score)} điểm`];
  const good = rounded === 0 || !f.better ? null : rounded > 0 === (f.better === 'higher');
  return { text: text(rounded), good };
}

/** The column type each kind must have in its query's rows. */
export const COLUMN = {
  count: z.number().int(),
  ratio: z.number().nullable(),
  score: z.number(),
  points: z.number(),
  days: z.number().nullable(),
} as const;
