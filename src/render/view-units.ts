import type { Metrics, OnlineFigures } from '../metrics/types.ts';
import type { BriefContext, UnitNames } from './context.ts';
import { int } from './format.ts';

/**
 * Breakdowns by unit, one block per kind of unit (brief-outline.md, "After the 2025
 * reorganisation"): departments and communes never share a chart, and a block too long to chart
 * shows its best and worst units, with the full table in the appendix.
 */

/** The by_unit row of rows whose successors spread over several children (metrics.md). */
export const SPLIT_LABEL = 'Đơn vị đã chia tách';
/** Above this many units a block charts only its extremes. */
export const BLOCK_LIMIT = 25;
/** How many best and how many worst units such a block charts. */
export const EXTREMES = 10;

export interface UnitGroup<R> {
  /** `department`, `district`, `commune`. */
  key: string;
  /** Block title: `Các sở, ban, ngành`, `Cấp huyện`, `Cấp xã`. */
  title: string;
  /** Plural noun in running text: `sở, ban, ngành`, `xã, phường, đặc khu`. */
  noun: string;
  /** Slug for chart file names. */
  slug: string;
  rows: R[];
}

interface GroupDef {
  key: string;
  title: string;
  noun: string;
  slug: string;
}

/** In the order blocks appear; the province's own row and any `other` unit sit with the departments. */
const GROUPS: GroupDef[] = [
  { key: 'department', title: 'Các sở, ban, ngành', noun: 'cơ quan, đơn vị cấp tỉnh', slug: 'so-nganh' },
  { key: 'district', title: 'Cấp huyện', noun: 'huyện, thị xã, thành phố', slug: 'cap-huyen' },
  { key: 'commune', title: 'Cấp xã', noun: 'xã, phường, đặc khu', slug: 'cap-xa' },
];

const groupOf = (kind: string | undefined): string => (kind === 'district' || kind === 'commune' ? kind : 'department');

/** A by_unit row's code; the split row has none (metrics.md § Unit history and lineage). */
export type UnitRow = { unit_code: string | null };

/**
 * Rows split into blocks by the kind of their unit (from the units table), each block keeping the
 * rows' order; the split row goes last in the last block, where it sits in metrics.json.
 */
export function groupByKind<R extends UnitRow>(rows: R[], ctx: BriefContext): UnitGroup<R>[] {
  const kinds = new Map(ctx.units.map((u) => [u.unit_code, u.kind]));
  const out = GROUPS.map((g) => ({ ...g, rows: [] as R[] }));
  const split: R[] = [];
  for (const r of rows) {
    if (r.unit_code === null) split.push(r);
    else out.find((g) => g.key === groupOf(kinds.get(r.unit_code!)))!.rows.push(r);
  }
  const used = out.filter((g) => g.rows.length > 0);
  if (split.length > 0) {
    if (used.length === 0) used.push({ ...GROUPS[0]!, rows: [] });
    used[used.length - 1]!.rows.push(...split);
  }
  return used;
}

export const unitName = (names: UnitNames, code: string | null): string =>
  code === null ? SPLIT_LABEL : names.name(code);
export const unitLabel = (names: UnitNames, code: string | null): string =>
  code === null ? SPLIT_LABEL : names.label(code);

export interface Extremes<R> {
  /** Rows to chart, best first; `null` marks the gap between the best and the worst. */
  shown: (R | null)[];
  /** Units ranked but not charted (between the best and the worst). */
  between: number;
  /** Whether the block is long enough to chart only its extremes (and list every unit in the appendix). */
  cut: boolean;
}

/**
 * The rows a block charts, best first by `rate` (ties by `tie`, then name): all of them up to BLOCK_LIMIT
 * units, else the EXTREMES best and the EXTREMES worst. Rows without a rate (nothing to count)
 * and the split row are not ranked.
 */
export function extremes<R extends UnitRow>(
  rows: R[],
  rate: (r: R) => number | null,
  names: UnitNames,
  /** Among equal rates, which goes first (e.g. more tasks done before fewer). */
  tie: (a: R, b: R) => number = () => 0,
): Extremes<R> {
  const ranked = rows
    .filter((r) => r.unit_code !== null && rate(r) !== null)
    .sort(
      (a, b) =>
        rate(b)! - rate(a)! ||
        tie(a, b) ||
        unitName(names, a.unit_code).localeCompare(unitName(names, b.unit_code), 'vi'),
    );
  const units = rows.filter((r) => r.unit_code !== null).length;
  if (units <= BLOCK_LIMIT) return { shown: ranked, between: 0, cut: false };
  const between = Math.max(0, ranked.length - 2 * EXTREMES);
  if (between === 0) return { shown: ranked, between: 0, cut: true };
  return { shown: [...ranked.slice(0, EXTREMES), null, ...ranked.slice(-EXTREMES)], between, cut: true };
}

/** The label of the gap row in an extremes chart. */
export const gapLabel = (between: number): string => `… ${int(between)} đơn vị khác …`;

/** Every row of a block by name, as a reader looks a commune up; the split row last. */
export function alphabetical<R extends UnitRow>(rows: R[], names: UnitNames): R[] {
  const units = rows.filter((r) => r.unit_code !== null);
  units.sort((a, b) => names.name(a.unit_code!).localeCompare(names.name(b.unit_code!), 'vi'));
  return [...units, ...rows.filter((r) => r.unit_code === null)];
}

export interface Lineage {
  as_of: string;
  split_units: string[];
  carried: { from_code: string; to_codes: string[] }[];
}

/** metrics.json `lineage` when the metrics carry it (older metrics.json files do not). */
export function lineageOf(m: Metrics): Lineage | null {
  const l: Lineage | undefined = m.lineage;
  return l && Array.isArray(l.carried) && Array.isArray(l.split_units) ? l : null;
}

/** "tỷ lệ hồ sơ trực tuyến toàn trình" (metrics.md): null or absent when the data does not carry it. */
export function fullOnline(x: OnlineFigures | null | undefined): number | null {
  const v: unknown = x?.full_online_ratio;
  return typeof v === 'number' ? v : null;
}
