import type { Db } from '../db.ts';
import { TABLE_NAMES } from '../schema.ts';
import type { Metrics } from '../metrics/types.ts';

/**
 * What a brief shows besides metrics.json: unit names for labels, the peer scores that place the
 * province among all provinces, and where the data came from. Kept apart from Metrics so
 * metrics.json stays exactly what `cchc metrics` prints.
 */
export interface BriefContext {
  units: UnitInfo[];
  /** Scores of every unit of the scope's kind for the index periods the scope shows (latest period only). */
  peers: PeerScore[];
  data: DataInfo;
}

export interface UnitInfo {
  unit_code: string;
  name: string;
  short_name: string | null;
  kind: string;
  parent_code: string | null;
}

export interface PeerScore {
  index_code: string;
  component: string;
  period: string;
  unit_code: string;
  name: string;
  score: number;
}

export interface DataInfo {
  sample: boolean;
  fingerprint: string | null;
  loaded_at: string | null;
  data_dir: string | null;
  tables: { name: string; rows: number; files: string[] }[];
}

export const emptyContext = (): BriefContext => ({
  units: [],
  peers: [],
  data: { sample: false, fingerprint: null, loaded_at: null, data_dir: null, tables: [] },
});

/** Reads the context of a brief from a loaded database. */
export async function contextFromDb(db: Db, metrics: Metrics): Promise<BriefContext> {
  const present = new Set(
    (await db.all<{ name: string }>(`SELECT table_name AS name FROM duckdb_tables() WHERE schema_name = 'main'`)).map((r) => r.name),
  );
  const units = await db.all<UnitInfo & Record<string, unknown>>(
    `SELECT unit_code, name, short_name, kind, parent_code FROM units ORDER BY unit_code`,
  );
  return {
    units,
    peers: present.has('index_scores') ? await peerScores(db, metrics, units) : [],
    data: await dataInfo(db, present),
  };
}

async function peerScores(db: Db, metrics: Metrics, units: UnitInfo[]): Promise<PeerScore[]> {
  const kind = units.find((u) => u.unit_code === metrics.scope.unit_code)?.kind;
  const own = metrics.indices.filter((x) => x.unit_code === metrics.scope.unit_code);
  if (!kind || own.length === 0) return [];
  // The (index, component, period) triples travel as one bound JSON string, never pasted into SQL.
  const keys = JSON.stringify(own.map((i) => [i.index_code, i.component, i.period].join('\u001f')));
  return db.all<PeerScore & Record<string, unknown>>(
    `SELECT s.index_code, s.component, s.period, s.unit_code, u.name, s.score
       FROM index_scores s JOIN units u USING (unit_code)
      WHERE u.kind = $kind
        AND concat_ws(chr(31), s.index_code, s.component, s.period) IN (SELECT unnest(from_json($keys, '["VARCHAR"]')))
      ORDER BY s.index_code, s.component, s.score DESC, s.unit_code`,
    { kind, keys },
  );
}

async function dataInfo(db: Db, present: Set<string>): Promise<DataInfo> {
  const load = present.has('meta_load')
    ? await db.one<{ fingerprint: string; loaded_at: string; data_dir: string; sample: boolean }>(
        `SELECT fingerprint, CAST(loaded_at AS VARCHAR) AS loaded_at, data_dir, sample FROM meta_load ORDER BY loaded_at DESC LIMIT 1`,
      )
    : undefined;
  const files = present.has('meta_files')
    ? await db.all<{ table_name: string; file: string }>(`SELECT table_name, file FROM meta_files ORDER BY table_name, file`)
    : [];
  const names = TABLE_NAMES.filter((t) => present.has(t));
  // Table names come from the schema constant, never from input.
  const counts = names.length
    ? await db.all<{ name: string; n: number }>(names.map((n) => `SELECT '${n}' AS name, count(*)::INTEGER AS n FROM "${n}"`).join(' UNION ALL '))
    : [];
  const tables: DataInfo['tables'] = names.map((name) => ({
    name,
    rows: counts.find((c) => c.name === name)?.n ?? 0,
    files: files.filter((f) => f.table_name === name).map((f) => f.file),
  }));
  return {
    sample: load?.sample ?? false,
    fingerprint: load?.fingerprint ?? null,
    loaded_at: load?.loaded_at ?? null,
    data_dir: load?.data_dir ?? null,
    tables,
  };
}

export interface UnitNames {
  /** Full name for sentences and tables: `Sở Tư pháp`. */
  name(code: string): string;
  /** Short label for chart axes: short_name, else the name. */
  label(code: string): string;
}

/** Names from the units table; a code the table lacks prints as itself rather than as nothing. */
export function unitNames(ctx: BriefContext, metrics: Metrics): UnitNames {
  const byCode = new Map(ctx.units.map((u) => [u.unit_code, u]));
  return {
    name: (code) => byCode.get(code)?.name ?? (code === metrics.scope.unit_code ? metrics.scope.name : code),
    label: (code) => {
      const u = byCode.get(code);
      return u?.short_name || u?.name || (code === metrics.scope.unit_code ? metrics.scope.name : code);
    },
  };
}
