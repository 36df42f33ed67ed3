import type { Metrics, OnlineFigures } from '../metrics/types.ts';
import type { BriefContext, UnitNames } from './context.ts';
import { date, int } from './format.ts';
import type { AppendixPart } from './view.ts';

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
    .filter((r) => isUnit(r) && rate(r) !== null)
    .sort(
      (a, b) =>
        rate(b)! - rate(a)! ||
        tie(a, b) ||
        unitName(names, a.unit_code).localeCompare(unitName(names, b.unit_code), 'vi'),
    );
  const units = rows.filter(isUnit).length;
  if (units <= BLOCK_LIMIT) return { shown: ranked, between: 0, cut: false };
  const between = Math.max(0, ranked.length - 2 * EXTREMES);
  if (between === 0) return { shown: ranked, between: 0, cut: true };
  return { shown: [...ranked.slice(0, EXTREMES), null, ...ranked.slice(-EXTREMES)], between, cut: true };
}

/** The label of the gap row in an extremes chart. */
export const gapLabel = (between: number): string => `… ${int(between)} đơn vị khác …`;

/** Every row of a block by name, as a reader looks a commune up; the split row last. */
export function alphabetical<R extends UnitRow>(rows: R[], names: UnitNames): R[] {
  const units = rows.filter(isUnit);
  units.sort((a, b) => names.name(a.unit_code).localeCompare(names.name(b.unit_code), 'vi'));
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

export const CARRIED_HEADING = 'Đơn vị trước sắp xếp có số liệu được tính cho đơn vị hiện nay';

/**
 * The appendix part naming the old units whose figures the scope's units carry (metrics.json
 * `lineage.carried`, less the split units, which the methods name). Two compact lists instead of a
 * table of every set of successors (seven pages for the new An Giang): the units taken over whole,
 * by the current unit, one block per kind as in the body, the old names grouped by their old
 * parent unit ("phường Bình Đức, xã Mỹ Khánh (thành phố Long Xuyên)"); then the units divided
 * among several current units, each set once. Names drop the "UBND" before them; the part says
 * once which names are of units before the reorganisation.
 */
export function carriedPart(m: Metrics, ctx: BriefContext): AppendixPart | null {
  const lineage = lineageOf(m);
  if (!lineage) return null;
  const split = new Set(lineage.split_units);
  const carried = lineage.carried.filter((c) => !split.has(c.from_code));
  if (carried.length === 0) return null;
  const units = new Map(ctx.units.map((u) => [u.unit_code, u]));
  const plain = (code: string) => bare(units.get(code)?.name ?? (code === m.scope.unit_code ? m.scope.name : code));
  const names = (codes: string[]) => codes.map(plain).sort(vi).join(', ');
  const whole = new Map<string, string[]>();
  const divided = new Map<string, { to: string[]; from: string[] }>();
  for (const c of carried) {
    if (c.to_codes.length === 1) whole.set(c.to_codes[0]!, [...(whole.get(c.to_codes[0]!) ?? []), c.from_code]);
    else {
      const key = c.to_codes.join(' ');
      divided.set(key, { to: c.to_codes, from: [...(divided.get(key)?.from ?? []), c.from_code] });
    }
  }
  const lists: NonNullable<AppendixPart['lists']> = GROUPS.map((g) => ({
    title: g.title,
    sep: ': ',
    entries: [...whole]
      .filter(([to]) => groupOf(units.get(to)?.kind) === g.key)
      // The scope itself first (the old provinces), then by name as a reader looks a unit up.
      .sort(([a], [b]) => Number(b === m.scope.unit_code) - Number(a === m.scope.unit_code) || vi(plain(a), plain(b)))
      .map(([to, from]) => ({ head: capital(plain(to)), text: byParent(from, units, plain) })),
  })).filter((l) => l.entries.length > 0);
  if (divided.size > 0) {
    lists.push({
      title: 'Đơn vị chia cho nhiều đơn vị hiện nay',
      sep: ' → ',
      entries: [...divided.values()]
        .map((d) => ({ head: capital(topFirst(d.from, units, plain)), text: names(d.to) }))
        .sort((a, b) => vi(a.head, b.head)),
    });
  }
  return {
    heading: CARRIED_HEADING,
    paragraphs: [
      `Theo tổ chức bộ máy tại ngày ${date(lineage.as_of)}: mỗi đơn vị hiện nay (in đậm, xếp theo tên) và các đơn vị trước sắp xếp có số liệu được tính cho đơn vị đó, trong ngoặc là đơn vị cấp trên cũ; sau đó các đơn vị trước sắp xếp (in đậm) đã chia cho nhiều đơn vị hiện nay.`,
    ],
    lists,
  };
}

const vi = (a: string, b: string) => a.localeCompare(b, 'vi');
/** A name without the people's committee before it: "UBND phường Bình Đức" → "phường Bình Đức". */
const bare = (name: string) => name.replace(/^UBND\s+/, '');
const capital = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);

/**
 * Old units grouped by their old parent, named after each group ("Sở Nội vụ (tỉnh An Giang); …"):
 * the two old provinces had departments of the same names, old districts communes of the same
 * names. Parents whose lists read the same share one group ("Sở Tư pháp (tỉnh An Giang, tỉnh
 * Kiên Giang)").
 */
function byParent(codes: string[], units: Map<string, { parent_code: string | null }>, plain: (c: string) => string) {
  const groups = new Map<string, string[]>();
  for (const c of codes) {
    const parent = units.get(c)?.parent_code;
    const key = parent ? plain(parent) : '';
    groups.set(key, [...(groups.get(key) ?? []), plain(c)]);
  }
  const parentsByList = new Map<string, string[]>();
  for (const [parent, list] of groups) {
    const text = list.sort(vi).join(', ');
    parentsByList.set(text, [...(parentsByList.get(text) ?? []), parent]);
  }
  return [...parentsByList]
    .map(([text, parents]) => ({ parents: parents.filter(Boolean).sort(vi).join(', '), text }))
    .sort((a, b) => vi(a.parents, b.parents) || vi(a.text, b.text))
    .map((g) => (g.parents ? `${g.text} (${g.parents})` : g.text))
    .join('; ');
}

/** A divided district and its offices read as one entry: the units above first, then the rest, each by name. */
function topFirst(codes: string[], units: Map<string, { parent_code: string | null }>, plain: (c: string) => string) {
  const set = new Set(codes);
  const below = (c: string) => set.has(units.get(c)?.parent_code ?? '');
  const names = (cs: string[]) => cs.map(plain).sort(vi);
  return [...names(codes.filter((c) => !below(c))), ...names(codes.filter(below))].join(', ');
}

/** A by_unit row of one unit, not the split row (unit_code null) that no unit could be named for. */
export function isUnit<R extends { unit_code: string | null }>(row: R): row is R & { unit_code: string } {
  return row.unit_code !== null;
}

/** "tỷ lệ hồ sơ trực tuyến toàn trình" (metrics.md): null or absent when the data does not carry it. */
export function fullOnline(x: OnlineFigures | null | undefined): number | null {
  const v: unknown = x?.full_online_ratio;
  return typeof v === 'number' ? v : null;
}
