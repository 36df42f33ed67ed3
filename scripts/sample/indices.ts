import fs from 'node:fs';
import { monthsBetween } from './dates.ts';
import { rng } from './rng.ts';
import { provinceCode } from './units.ts';

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
    const base = { index_code: 'PAPI', period: at(cells, 'year'), unit_code: provinceCode(Number(at(cells, 'province_id'))) };
    for (const d of DIMENSIONS) {
      const score = at(cells, d);
      if (score !== '') rows.push({ ...base, component: d, score, max_score: 10, rank: null, rank_of: null, synthetic: false });
    }
    const total = at(cells, 'total_papi');
    if (total !== '') {
      const max = 10 * Number(at(cells, 'n_dims'));
      rows.push({ ...base, component: 'TOTAL', score: total, max_score: max, rank: null, rank_of: null, synthetic: false });
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
    ['2019', 83.32, 11, false],
    ['2020', 86.12, 14, true],
    ['2021', 85.47, 27, true],
    ['2022', 81.95, 49, true],
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
    ['2019', 64.87, 27, true],
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

export function anGiangRows(): IndexRow[] {
  const all: Record<string, Published[]> = { ...PUBLISHED, DVC766: dvc766() };
  return Object.entries(all).flatMap(([index_code, series]) =>
    series.map(([period, score, rank, synthetic]) => ({
      index_code,
      period,
      unit_code: 'AG',
      component: 'TOTAL',
      score: score.toFixed(2),
      max_score: 100,
      rank,
      rank_of: 63,
      synthetic,
    })),
  );
}
