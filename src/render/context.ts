import type { Db } from '../db.ts';
import { runQuery } from '../metrics/queries.ts';
import type { Metrics } from '../metrics/types.ts';

/**
 * What a brief needs besides metrics.json, none of it a figure: unit names for labels and the
 * folder the data came from. Every number the brief shows is in metrics.json (peer scores in
 * `indices[].peer_median` and `index_rankings`, row counts in `data`).
 */
export interface BriefContext {
  units: UnitInfo[];
  /** The folder of the last load (meta_load), for the appendix. */
  data_dir: string | null;
}

export interface UnitInfo {
  unit_code: string;
  name: string;
  short_name: string | null;
  kind: string;
  parent_code: string | null;
}

export const emptyContext = (): BriefContext => ({ units: [], data_dir: null });

/** Reads the context of a brief through the same query files the metrics use. */
export async function contextFromDb(db: Db): Promise<BriefContext> {
  const units = await runQuery(db, 'units_all', {});
  const [load] = await runQuery(db, 'data_load', {});
  return {
    units: units.map(({ unit_code, name, short_name, kind, parent_code }) => ({
      unit_code,
      name,
      short_name,
      kind,
      parent_code,
    })),
    data_dir: load?.data_dir ?? null,
  };
}

export interface UnitNames {
  /** Full name for sentences and tables: `Sở Tư pháp`. */
  name(code: string): string;
  /** Short label for chart axes: short_name, else the name. */
  label(code: string): string;
}

/**
 * Names from the units table; a code the table lacks prints as itself rather than as nothing.
 * A unit whose figures are carried to its successors (metrics.json `lineage.carried`) or that was
 * split (`lineage.split_units`) reads "… (cũ)", so old An Giang and the new province of the same
 * name never look alike.
 */
export function unitNames(ctx: BriefContext, metrics: Metrics): UnitNames {
  const byCode = new Map(ctx.units.map((u) => [u.unit_code, u]));
  const lineage = metrics.lineage as { carried?: { from_code: string }[]; split_units?: string[] } | undefined;
  const old = new Set([
    ...(Array.isArray(lineage?.carried) ? lineage.carried.map((c) => c.from_code) : []),
    ...(Array.isArray(lineage?.split_units) ? lineage.split_units : []),
  ]);
  const mark = (code: string, s: string) => (old.has(code) ? `${s} (cũ)` : s);
  return {
    name: (code) =>
      mark(code, byCode.get(code)?.name ?? (code === metrics.scope.unit_code ? metrics.scope.name : code)),
    label: (code) => {
      const u = byCode.get(code);
      return mark(code, u?.short_name || u?.name || (code === metrics.scope.unit_code ? metrics.scope.name : code));
    },
  };
}
