import { CATALOGUE, FORMAT, formatChange, type Entry, type Group, type TilePlace } from '../figures/index.ts';
import type { Metrics } from '../metrics/types.ts';
import type { Tile } from './view.ts';

/**
 * What the brief shows of each figure as the catalogue (src/figures/catalogue.ts) describes it:
 * the KPI tiles, the pairs of the comparison chart and the method sentences of the appendix. A
 * figure missing from metrics.json (a file written before it existed) or null is left out.
 */

/** A figure's value in an object of its group, or null (also when the object or key is absent). */
export function valueOf(row: object | null | undefined, key: string): number | null {
  const v: unknown = (row as Record<string, unknown> | null | undefined)?.[key];
  return typeof v === 'number' ? v : null;
}

/** The object of metrics.json that carries a group's figures for the scope. */
function scopeOf(m: Metrics, group: Group): object | null {
  return group === 'tasks' ? m.tasks : group === 'online' ? m.online : null;
}

function changesOf(m: Metrics, group: Group): object | null {
  return group === 'online' ? (m.online?.delta ?? null) : null;
}

/** The tiles of a group's figures placed at `place`, in catalogue order; a figure without a value has none. */
export function figureTiles(m: Metrics, place: TilePlace, group: Group): Tile[] {
  const out: Tile[] = [];
  for (const f of CATALOGUE as readonly Entry[]) {
    if (f.group !== group || !('tile' in f) || f.tile.place !== place) continue;
    const v = valueOf(scopeOf(m, group), f.key);
    if (v === null) continue;
    const d = 'delta' in f ? valueOf(changesOf(m, group), f.key) : null;
    const change = d === null ? null : formatChange(f, d);
    out.push({
      label: f.tile.label,
      value: FORMAT[f.kind](v),
      note: f.tile.note(m),
      trend: change ? `${change.text} so với cùng kỳ` : null,
      trendClass: change?.good == null ? '' : change.good ? 'up' : 'down',
    });
  }
  return out;
}

/** The online figures drawn as pairs (cùng kỳ, this period) where both sides have a value. */
export function comparedFigures(m: Metrics): { label: string; format: (x: number) => string; key: string }[] {
  const o = m.online;
  return (CATALOGUE as readonly Entry[]).flatMap((f) =>
    f.group === 'online' && 'compare' in f && valueOf(o, f.key) !== null && valueOf(o?.previous, f.key) !== null
      ? [{ label: f.compare.label, format: FORMAT[f.kind], key: f.key }]
      : [],
  );
}

/** One appendix item per group, its figures' method sentences in catalogue order. */
export function methodItems(m: Metrics): string[] {
  const items = new Map<Group, string[]>();
  for (const f of CATALOGUE as readonly Entry[]) {
    if (!('method' in f)) continue;
    if ('withValue' in f.method && valueOf(scopeOf(m, f.group), f.key) === null) continue;
    const text = typeof f.method.text === 'string' ? f.method.text : f.method.text(m);
    items.set(f.group, [...(items.get(f.group) ?? []), text]);
  }
  return [...items.values()].map((sentences) => sentences.join(' '));
}
