import { CATALOGUE } from './catalogue.ts';
import { COLUMN, type Group, type Kind } from './figure.ts';

export { CATALOGUE } from './catalogue.ts';
export { FORMAT, formatChange, type Figure, type Group, type Kind, type TilePlace } from './figure.ts';

/** One entry of the catalogue, with its literal key, kind and flags. */
export type Entry = (typeof CATALOGUE)[number];
export type EntryOf<G extends Group> = Extract<Entry, { group: G }>;

type Value<K extends Kind> = K extends 'ratio' | 'days' ? number | null : number;

/**
 * The figures of some entries as metrics.json carries them, in the catalogue's key and kind; an
 * entry marked `optional` may be absent (a metrics.json written before it).
 */
export type ValuesOf<E extends Entry> = {
  [F in E as F extends { optional: true } ? never : F['key']]: Value<F['kind']>;
} & { [F in E as F extends { optional: true } ? F['key'] : never]?: Value<F['kind']> };

export type FigureValues<G extends Group> = ValuesOf<EntryOf<G>>;

/** The online figures of a monthly row (what was counted is not on them). */
export type MonthlyEntry = Exclude<EntryOf<'online'>, { monthly: false }>;
/** The entries with a change against cùng kỳ (`delta.<key>`), and with a target (`target.<key>`). */
export type DeltaEntry<G extends Group> = Extract<EntryOf<G>, { delta: true }>;
export type TargetEntry<G extends Group> = Extract<EntryOf<G>, { target: string }>;

/** `delta`: each change is null when either side is. */
export type DeltaValues<G extends Group> = {
  [F in DeltaEntry<G> as F extends { optional: true } ? never : F['key']]: number | null;
} & { [F in DeltaEntry<G> as F extends { optional: true } ? F['key'] : never]?: number | null };

/** `target`: null when no target applies (a hand-made metrics.json may give only some). */
export type TargetValues<G extends Group> = { [F in TargetEntry<G> as F['key']]?: number | null };

/** A group's entries in catalogue order. */
export function figuresOf<G extends Group>(group: G): EntryOf<G>[] {
  return CATALOGUE.filter((f): f is EntryOf<G> => f.group === group);
}

/** The zod shape of the entries' columns, each typed by its kind, to validate the query's rows with. */
export function columnsOf<E extends Entry>(
  entries: readonly E[],
): { [F in E as F['column']]: (typeof COLUMN)[F['kind']] } {
  return Object.fromEntries(entries.map((f) => [f.column, COLUMN[f.kind]])) as never;
}

/** The same columns, nullable: a row that carries the changes (`delta`), whose sides may be null. */
export function changesOf<E extends Entry>(
  entries: readonly E[],
): { [F in E as F['column']]: ReturnType<(typeof COLUMN)[F['kind']]['nullable']> } {
  return Object.fromEntries(entries.map((f) => [f.column, COLUMN[f.kind].nullable()])) as never;
}

/** The entries' figures from a validated row, under their metrics.json keys, in catalogue order. */
export function pick<E extends Entry>(row: Record<string, unknown>, entries: readonly E[]): ValuesOf<E> {
  return Object.fromEntries(entries.map((f) => [f.key, row[f.column]])) as ValuesOf<E>;
}
