import fs from 'node:fs';
import { monthsBetween } from './dates.ts';
import { rng } from './rng.ts';
import { MERGED_PROVINCE, OLD_KIEN_GIANG, provinceCode } from './units.ts';

export interface IndexRow {
  index_code: string;
  period: string;
  unit_code: string;
  component: string;
  /** Kept as text so PAPI scores are copied character for character from the reference file. */
  score: string;
  max_score: number;
  rank: number | null;
  rank_of: number | null;
  /** True for values the generator made up; listed in data/README.md, not a column of the file. */
  synthetic: boolean;
}

const DIMENSIONS = ['D1', 'D2', 'D3', 'D4', 'D5', 'D6', 'D7', 'D8'];

/**
 * Every PAPI score present in the reference file (agg_province_year.csv): D1–D8 out of 10, and the
 * total out of 10 per dimension that year. Missing values stay missing; ranks are left to be computed,
 * because the file's rank_year is the compiling repository's, not the official one.
 */
export function papiRows(aggCsv: string): IndexRow[] {
  const [header, ...lines] = fs.readFileSync(aggCsv, 'utf8').trim().split('\n');
  const cols = header!.split(',');
  const at = (cells: string[], name: string) => cells[cols.indexOf(name)] ?? '';
  const rows: IndexRow[] = [];
  for (const line of lines) {
    const cells = line.split(',');
    const base = {
      index_code: 'PAPI',
      period: at(cells, 'year'),
      unit_code: provinceCode(Number(at(cells, 'province_id'))),
    };
    for (const d of DIMENSIONS) {
      const score = at(cells, d);
      if (score !== '')
        rows.push({ ...base, component: d, score, max_score: 10, rank: null, rank_of: null, synthetic: false });
    }
    const total = at(cells, 'total_papi');
    if (total !== '') {
      const max = 10 * Number(at(cells, 'n_dims'));
      rows.push({
        ...base,
        component: 'TOTAL',
        score: total,
        max_score: max,
        rank: null,
        rank_of: null,
        synthetic: false,
      });
    }
  }
  return rows;
}

type Published = [period: string, score: number, rank: number, synthetic: boolean];

/**
 * An Giang's results in the national indices. Real: the figures published by the Ministry of Home
 * Affairs (PAR Index, SIPAS), VCCI (PCI) and the 766 dashboard; the rest fill the years between so the
 * series read as a story (a slide to last place in 2023, the push of notice 317, a partial recovery).
 */
const PUBLISHED: Record<string, Published[]> = {
  PAR_INDEX: [
    ['2018', 80.77, 8, false],
    ['2019', 83.32, 11, false],
    ['2020', 86.12, 14, true],
    ['2021', 85.47, 27, true],
    ['2022', 84.22, 42, false],
    ['2023', 81.32, 63, false],
    ['2024', 86.73, 41, true],
  ],
  SIPAS: [
    ['2019', 89.81, 8, false],
    ['2020', 88.74, 15, true],
    ['2021', 85.92, 33, true],
    ['2022', 82.36, 51, true],
    ['2023', 79.88, 58, true],
    ['2024', 83.45, 44, true],
  ],
  PCI: [
    ['2017', 62.16, 32, false],
    ['2018', 63.65, 28, false],
    ['2019', 66.44, 21, false],
    ['2020', 63.92, 35, true],
    ['2021', 61.86, 44, true],
    ['2022', 62.41, 41, true],
    ['2023', 63.79, 37, true],
    ['2024', 65.12, 32, true],
  ],
};

/** Monthly DVC766 scores 2023-01…2025-06 on a rising trend, pinned to the two published points. */
function dvc766(): Published[] {
  const r = rng('index:DVC766');
  const pinned: Record<string, [number | null, number]> = { '2023-05': [69.63, 13], '2024-12': [null, 9] };
  return monthsBetween('2023-01', '2025-06').map((m, i) => {
    const trend = 64.2 + i * 0.68 + (r.next() - 0.5) * 2.4;
    const rankTrend = Math.round(22 - i * 0.45 + (r.next() - 0.5) * 6);
    const [score, rank] = pinned[m] ?? [null, Math.min(30, Math.max(6, rankTrend))];
    return [m, score ?? Math.round(trend * 100) / 100, rank, score === null];
  });
}

/** Kiên Giang's results: PAR Index 2024 and SIPAS 2023 are the published ones, the rest synthetic. */
const KIEN_GIANG: Record<string, Published[]> = {
  PAR_INDEX: [
    ['2019', 84.05, 19, true],
    ['2020', 85.31, 22, true],
    ['2021', 86.02, 24, true],
    ['2022', 85.64, 30, true],
    ['2023', 86.9, 35, true],
    ['2024', 88.13, 38, false],
  ],
  SIPAS: [
    ['2019', 85.12, 30, true],
    ['2020', 84.77, 28, true],
    ['2021', 83.95, 25, true],
    ['2022', 83.4, 21, true],
    ['2023', 84.39, 17, false],
    ['2024', 84.8, 19, true],
  ],
  PCI: [
    ['2019', 64.12, 33, true],
    ['2020', 63.8, 36, true],
    ['2021', 63.05, 39, true],
    ['2022', 64.4, 31, true],
    ['2023', 64.95, 29, true],
    ['2024', 65.6, 27, true],
  ],
};

/** Kiên Giang's monthly 766 scores up to its last month, on a trend a little ahead of An Giang's (synthetic). */
function dvc766KienGiang(): Published[] {
  const r = rng('index:DVC766:KG');
  return monthsBetween('2023-01', '2025-06').map((m, i) => {
    const score = 66.1 + i * 0.62 + (r.next() - 0.5) * 2.2;
    const rank = Math.min(30, Math.max(5, Math.round(17 - i * 0.3 + (r.next() - 0.5) * 6)));
    return [m, Math.round(score * 100) / 100, rank, true];
  });
}

/** The new province's yearly results for 2025, ranked of 34 (synthetic: not published when the sample was made). */
const NEW_PROVINCE: Record<string, Published[]> = {
  PAR_INDEX: [['2025', 87.46, 19, true]],
  SIPAS: [['2025', 84.92, 16, true]],
  PCI: [['2025', 66.05, 18, true]],
};

const rowsOf = (unit_code: string, rank_of: number, all: Record<string, Published[]>): IndexRow[] =>
  Object.entries(all).flatMap(([index_code, series]) =>
    series.map(([period, score, rank, synthetic]) => ({
      index_code,
      period,
      unit_code,
      component: 'TOTAL',
      score: score.toFixed(2),
      max_score: 100,
      rank,
      rank_of,
      synthetic,
    })),
  );

export function anGiangRows(): IndexRow[] {
  return [
    ...rowsOf('AG', 63, { ...PUBLISHED, DVC766: dvc766() }),
    ...rowsOf(OLD_KIEN_GIANG, 63, { ...KIEN_GIANG, DVC766: dvc766KienGiang() }),
    ...rowsOf(MERGED_PROVINCE, 34, NEW_PROVINCE),
  ];
}

/** The one published monthly 766 result of the new province: January 2026, 91.36, 21st of 34. */
const DVC766_PINNED = { period: '2026-01', score: 91.36, rank: 21 };

/**
 * Monthly 766 scores of the 34 provinces from July 2025, ranked among themselves (rank of 34).
 * Synthetic except the new An Giang's January 2026; that month the others are shifted together so
 * that exactly 20 score above it, which keeps its published rank true.
 */
export function dvc766Provinces(provinces: readonly string[]): IndexRow[] {
  const out: IndexRow[] = [];
  const level = new Map(provinces.map((p) => [p, (rng(`index:DVC766:level:${p}`).next() - 0.5) * 9]));
  level.set(MERGED_PROVINCE, -0.6);
  monthsBetween('2025-07', '2026-11').forEach((period, i) => {
    const r = rng(`index:DVC766:${period}`);
    const scores = new Map(provinces.map((p) => [p, 86.5 + i * 0.35 + level.get(p)! + (r.next() - 0.5) * 3]));
    if (period === DVC766_PINNED.period) {
      scores.set(MERGED_PROVINCE, DVC766_PINNED.score);
      const others = provinces
        .filter((p) => p !== MERGED_PROVINCE)
        .map((p) => scores.get(p)!)
        .sort((a, b) => b - a);
      const above = DVC766_PINNED.rank - 1;
      const shift = DVC766_PINNED.score - (others[above - 1]! + others[above]!) / 2;
      for (const p of provinces) if (p !== MERGED_PROVINCE) scores.set(p, scores.get(p)! + shift);
    }
    const rounded = provinces.map((p) => [p, Math.round(Math.min(99.5, scores.get(p)!) * 100) / 100] as const);
    const ranked = [...rounded].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    for (const [p, score] of rounded) {
      out.push({
        index_code: 'DVC766',
        period,
        unit_code: p,
        component: 'TOTAL',
        score: score.toFixed(2),
        max_score: 100,
        // Ties share the best rank, as a published ranking would.
        rank: ranked.findIndex(([, s]) => s === score) + 1,
        rank_of: provinces.length,
        synthetic: !(p === MERGED_PROVINCE && period === DVC766_PINNED.period),
      });
    }
  });
  return out;
}
