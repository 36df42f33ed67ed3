/**
 * Units by name: wherever a unit code is expected, offices write "Sở Nội vụ". A cell that is no
 * unit_code resolves to the one unit whose name or short name it is (after NFC, case, spacing,
 * and `UBND` = `Ủy ban nhân dân`) among the units that exist on the row's date. The work is done
 * on the distinct (value, date) pairs in SQL, so a million dossiers naming 300 units cost one
 * grouping, and only the rows that name units by name are rewritten.
 */
import type { Db } from '../db.ts';
import { ident } from '../db.ts';
import type { TableName } from '../schema.ts';

type Dates = (x: string) => string;
const day =
  (c: string): Dates =>
  (x) =>
    `${x}.${c}`;
const yearOf: [Dates, Dates] = [(x) => `make_date(${x}.year, 1, 1)`, (x) => `make_date(${x}.year, 12, 31)`];

/** Columns where a unit may be named, with the row's dates as a range [from, to] over alias x. */
const WHERE_NAMED: { table: TableName; column: string; from: Dates; to: Dates }[] = [
  { table: 'tasks', column: 'lead_unit', from: day('assigned_on'), to: day('assigned_on') },
  { table: 'documents', column: 'issuer_code', from: day('issued_on'), to: day('issued_on') },
  { table: 'criteria', column: 'lead_unit', from: yearOf[0], to: yearOf[1] },
  { table: 'criteria_results', column: 'unit_code', from: day('assessed_on'), to: day('assessed_on') },
  {
    table: 'index_scores',
    column: 'unit_code',
    from: (x) => `TRY_CAST(${x}.period || CASE WHEN length(${x}.period) = 4 THEN '-01-01' ELSE '-01' END AS DATE)`,
    to: (x) =>
      `CASE WHEN length(${x}.period) = 4 THEN TRY_CAST(${x}.period || '-12-31' AS DATE) ELSE last_day(TRY_CAST(${x}.period || '-01' AS DATE)) END`,
  },
  { table: 'dossiers', column: 'unit_code', from: day('received_on'), to: day('received_on') },
  {
    table: 'dossier_stats',
    column: 'unit_code',
    from: (x) => `TRY_CAST(${x}.month || '-01' AS DATE)`,
    to: (x) => `last_day(TRY_CAST(${x}.month || '-01' AS DATE))`,
  },
  { table: 'targets', column: 'unit_code', from: yearOf[0], to: yearOf[1] },
];

/**
 * Temp table of the values that name a unit (resolved or not): the fk rule leaves them to the
 * messages here, which say more than "not a unit_code".
 */
export const NAMED = 'unit_named';

export type UnitRow = {
  unit_code: string;
  name: string;
  short_name: string | null;
  parent_code: string | null;
  valid_from: string | null;
  valid_to: string | null;
  successor_code: string | null;
};

/**
 * The form names are compared in: NFC, lower case, single spaces, without a leading `UBND` or
 * `Ủy ban nhân dân`. Exports name a locality ("Xã Mỹ Hòa Hưng") where units.csv names its
 * People's Committee ("UBND xã Mỹ Hòa Hưng"); both mean the one unit.
 */
export function nameKey(s: string): string {
  return s
    .normalize('NFC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^((ủy|uỷ) ban nhân dân|ubnd) /, '');
}

const rowsText = (n: number) => `${n} row${Number(n) === 1 ? '' : 's'}`;
const vnDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const show = (s: string) => `"${s.length > 60 ? s.slice(0, 57) + '…' : s}"`;

export interface Resolution {
  issues: { fid: number; pos: number; column: string; rule: string; message: string }[];
  /** One per file, column and name: `"Sở Nội vụ" → AG.SNV, 37 rows`. */
  resolved: { fid: number; column: string; message: string }[];
}

/** The names a cell may hold for each unit, and each unit's successors for the messages. */
async function unitIndex(db: Db, has: (t: TableName) => boolean) {
  const units = await db.all<UnitRow>(
    `SELECT unit_code, name, short_name, parent_code, CAST(valid_from AS VARCHAR) AS valid_from, CAST(valid_to AS VARCHAR) AS valid_to, successor_code
     FROM v_units WHERE unit_code IS NOT NULL AND name IS NOT NULL`,
  );
  const successors = new Map<string, string[]>();
  for (const u of units) if (u.successor_code) successors.set(u.unit_code, [u.successor_code]);
  if (has('unit_lineage')) {
    for (const r of await db.all<{ f: string; t: string }>(
      `SELECT from_code AS f, to_code AS t FROM v_unit_lineage WHERE from_code IS NOT NULL AND to_code IS NOT NULL ORDER BY 1, 2`,
    )) {
      const list = successors.get(r.f) ?? [];
      if (!list.includes(r.t)) list.push(r.t);
      successors.set(r.f, list);
    }
  }
  const byKey = new Map<string, UnitRow[]>();
  for (const u of units) {
    for (const n of new Set([u.name, u.short_name].filter((x): x is string => !!x).map(nameKey))) {
      const list = byKey.get(n) ?? [];
      list.push(u);
      byKey.set(n, list);
    }
  }
  return { units, byCode: new Map(units.map((u) => [u.unit_code, u])), byKey, successors };
}

type Index = Awaited<ReturnType<typeof unitIndex>>;

function describe(u: UnitRow, ix: Index): string {
  const parent = u.parent_code
    ? ix.byCode.get(u.parent_code)?.name.replace(/^(UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+/i, '')
    : undefined;
  const span =
    u.valid_from && u.valid_to
      ? `${vnDate(u.valid_from)}–${vnDate(u.valid_to)}`
      : u.valid_to
        ? `until ${vnDate(u.valid_to)}`
        : u.valid_from
          ? `from ${vnDate(u.valid_from)}`
          : '';
  const parts = [parent, span].filter(Boolean);
  return `${u.unit_code}${parts.length ? ` (${parts.join(', ')})` : ''}`;
}

/**
 * Resolves names in every column where a unit may be named, rewriting the staged tables in place;
 * returns the names it could not resolve to one unit existing on the row's date, and what it did.
 * A value that names no unit at all is left for the `fk` rule, which suggests the closest names.
 */
export async function resolveUnitNames(db: Db, present: Set<TableName>, only?: Set<TableName>): Promise<Resolution> {
  const out: Resolution = { issues: [], resolved: [] };
  await db.run(`CREATE TEMP TABLE IF NOT EXISTS ${NAMED} (t VARCHAR, c VARCHAR, v VARCHAR)`);
  if (!present.has('units')) return out;
  let ix: Index | undefined;
  for (const w of WHERE_NAMED) {
    if (!present.has(w.table) || (only && !only.has(w.table))) continue;
    const t = ident(w.table);
    const col = ident(w.column);
    await db.run(`DELETE FROM ${NAMED} WHERE t = $t AND c = $c`, { t: w.table, c: w.column });
    const values = await db.all<{ v: string }>(
      `SELECT DISTINCT x.${col} AS v FROM ${t} x ANTI JOIN v_units u ON x.${col} = u.unit_code WHERE x.${col} IS NOT NULL`,
    );
    if (values.length === 0) continue;
    ix ??= await unitIndex(db, (n) => present.has(n));
    const pairs: [string, UnitRow][] = [];
    for (const { v } of values) for (const u of ix.byKey.get(nameKey(v)) ?? []) pairs.push([v, u]);
    if (pairs.length === 0) continue;
    const map = `name_map_${w.table}`;
    await db.run(`CREATE OR REPLACE TEMP TABLE ${map} (v VARCHAR, unit_code VARCHAR, valid_from DATE, valid_to DATE)`);
    const app = await db.conn.createAppender(map, 'main', 'temp');
    for (const [v, u] of pairs) {
      app.appendVarchar(v);
      app.appendVarchar(u.unit_code);
      for (const d of [u.valid_from, u.valid_to]) {
        if (d === null) app.appendNull();
        else app.appendVarchar(d);
      }
      app.endRow();
    }
    app.flushSync();
    app.closeSync();
    await db.run(`INSERT INTO ${NAMED} SELECT DISTINCT $t, $c, v FROM ${map}`, { t: w.table, c: w.column });
    // Each distinct (name, dates) once: the units of that name existing at some time in the range.
    const res = `res_${w.table}`;
    await db.run(`CREATE OR REPLACE TEMP TABLE ${res} AS
      WITH r AS (SELECT x.${col} AS v, ${w.from('x')} AS d_from, ${w.to('x')} AS d_to, count(*) AS n FROM ${t} x WHERE x.${col} IN (SELECT v FROM ${map}) GROUP BY ALL)
      SELECT r.v, r.d_from, r.d_to, any_value(r.n) AS n,
             list(m.unit_code ORDER BY m.unit_code) FILTER (WHERE (m.valid_from IS NULL OR r.d_to IS NULL OR m.valid_from <= r.d_to)
                                         AND (m.valid_to IS NULL OR r.d_from IS NULL OR m.valid_to >= r.d_from)) AS codes,
             list(m.unit_code ORDER BY m.unit_code) AS named
      FROM r JOIN ${map} m USING (v) GROUP BY ALL`);
    const counts = await db.all<{ v: string; code: string; n: number }>(
      `SELECT v, codes[1] AS code, sum(n)::BIGINT AS n FROM ${res} WHERE len(codes) = 1 GROUP BY ALL ORDER BY v, code`,
    );
    if (counts.length) {
      await db.run(`UPDATE ${t} SET ${col} = r.codes[1] FROM ${res} r
        WHERE len(r.codes) = 1 AND ${t}.${col} = r.v AND ${w.from(t)} IS NOT DISTINCT FROM r.d_from`);
      const fids = await db.all<{ fid: number }>(`SELECT DISTINCT _fid AS fid FROM ${t} ORDER BY 1`);
      const byName = new Map<string, string[]>();
      for (const c of counts)
        byName.set(c.v, [
          ...(byName.get(c.v) ?? []),
          `${c.code}${counts.filter((x) => x.v === c.v).length > 1 ? ` (${rowsText(c.n)})` : `, ${rowsText(c.n)}`}`,
        ]);
      // Resolution is per table; a table split over files gets the report on its first file.
      for (const [v, codes] of byName)
        out.resolved.push({
          fid: Number(fids[0]?.fid ?? 0),
          column: w.column,
          message: `${w.column} ${show(v)} read as the unit ${codes.join(', ')} (its name or short name)`,
        });
    }
    const bad = await db.all<{
      fid: number;
      pos: number;
      v: string;
      d_from: string | null;
      d_to: string | null;
      codes: string[];
      named: string[];
    }>(
      `SELECT x._fid AS fid, x._pos AS pos, r.v, CAST(r.d_from AS VARCHAR) AS d_from, CAST(r.d_to AS VARCHAR) AS d_to, r.codes, r.named
       FROM ${res} r JOIN v_${w.table} x ON x.${col} = r.v AND ${w.from('x')} IS NOT DISTINCT FROM r.d_from
       WHERE len(coalesce(r.codes, [])) <> 1 ORDER BY x._fid, x._pos LIMIT 1000`,
    );
    for (const b of bad) out.issues.push(problem(w.column, b, ix));
  }
  if (present.has('tasks') && (!only || only.has('tasks')))
    await supportUnits(db, out, (ix ??= await unitIndex(db, (n) => present.has(n))));
  return out;
}

const existsOn = (u: UnitRow, d: string | null) =>
  d === null || ((u.valid_from === null || u.valid_from <= d) && (u.valid_to === null || u.valid_to >= d));

/**
 * `tasks.support_units` naming units: split at `;`, or at `,` when there is no `;` (names are
 * listed with commas), each part a code or a name resolved as above on the task's assigned_on.
 */
async function supportUnits(db: Db, out: Resolution, ix: Index): Promise<void> {
  await db.run(`DELETE FROM ${NAMED} WHERE t = 'tasks' AND c = 'support_units'`);
  const rows = await db.all<{ v: string; d: string | null }>(
    `SELECT DISTINCT support_units AS v, CAST(assigned_on AS VARCHAR) AS d FROM tasks
     WHERE support_units IS NOT NULL AND EXISTS (SELECT 1 FROM unnest(string_split(replace(support_units, ',', ';'), ';')) p(code)
       WHERE trim(p.code) <> '' AND trim(p.code) NOT IN (SELECT unit_code FROM v_units WHERE unit_code IS NOT NULL))`,
  );
  const counts = new Map<string, Map<string, number>>();
  const fid = (await db.one<{ fid: number }>(`SELECT min(_fid) AS fid FROM tasks`))?.fid ?? 0;
  for (const r of rows) {
    const parts = r.v
      .split(r.v.includes(';') ? ';' : ',')
      .map((p) => p.trim())
      .filter((p) => p !== '');
    const codes: string[] = [];
    let failed: { v: string; codes: string[]; named: string[] } | null = null;
    for (const p of parts) {
      if (ix.byCode.has(p)) {
        codes.push(p);
        continue;
      }
      const named = ix.byKey.get(nameKey(p)) ?? [];
      const on = named.filter((u) => existsOn(u, r.d));
      if (on.length === 1) codes.push(on[0]!.unit_code);
      else if (named.length && !failed)
        failed = { v: p, codes: on.map((u) => u.unit_code), named: named.map((u) => u.unit_code) };
      else if (!named.length) codes.push(p);
    }
    if (failed) {
      await db.run(`INSERT INTO ${NAMED} VALUES ('tasks', 'support_units', $v)`, { v: r.v });
      const at = await db.all<{ fid: number; pos: number }>(
        `SELECT _fid AS fid, _pos AS pos FROM v_tasks WHERE support_units = $v AND CAST(assigned_on AS VARCHAR) IS NOT DISTINCT FROM $d ORDER BY 1, 2 LIMIT 1000`,
        { v: r.v, d: r.d },
      );
      for (const a of at) out.issues.push(problem('support_units', { ...a, ...failed, d_from: r.d, d_to: r.d }, ix));
      continue;
    }
    const joined = codes.join(';');
    if (joined === r.v) continue;
    // No RETURNING: DuckDB runs an UPDATE … RETURNING as a delete and an insert, which gives the
    // rows new rowids, and so problems found later on another line than theirs.
    await db.run(
      `UPDATE tasks SET support_units = $new WHERE support_units = $v AND CAST(assigned_on AS VARCHAR) IS NOT DISTINCT FROM $d`,
      { new: joined, v: r.v, d: r.d },
    );
    parts.forEach((p, i) => {
      if (p === codes[i]) return;
      const m = counts.get(p) ?? new Map<string, number>();
      m.set(codes[i]!, (m.get(codes[i]!) ?? 0) + 1);
      counts.set(p, m);
    });
  }
  for (const [name, m] of counts) {
    const list = [...m].map(([c, n]) => `${c}, in ${n} value${n === 1 ? '' : 's'}`).join('; ');
    out.resolved.push({
      fid,
      column: 'support_units',
      message: `support_units part ${show(name)} read as the unit ${list} (its name or short name)`,
    });
  }
}

function problem(
  column: string,
  b: {
    fid: number;
    pos: number;
    v: string;
    d_from: string | null;
    d_to: string | null;
    codes: string[] | null;
    named: string[];
  },
  ix: Index,
) {
  // A row whose date is empty or no date cannot tell the units of one name apart.
  const on =
    b.d_from === null || b.d_to === null
      ? 'at some time (the row has no valid date to tell them apart)'
      : b.d_from === b.d_to
        ? `on ${vnDate(b.d_from)}`
        : `in ${vnDate(b.d_from)}–${vnDate(b.d_to)}`;
  const codes = b.codes ?? [];
  if (codes.length > 1) {
    const list = codes.map((c) => describe(ix.byCode.get(c)!, ix));
    return {
      fid: b.fid,
      pos: b.pos,
      column,
      rule: 'unit_ambiguous',
      message: `${column} ${show(b.v)} names ${codes.length} units existing ${on}: ${list.join(' or ')}; write the code`,
    };
  }
  const named = b.named.map((c) => ix.byCode.get(c)!);
  const lives = named.map((u) => {
    const span = u.valid_to ? `until ${vnDate(u.valid_to)}` : `from ${vnDate(u.valid_from ?? '')}`;
    const succ = ix.successors.get(u.unit_code);
    return `${u.unit_code} existed ${span}${succ?.length ? `; its successor is ${succ.map((s) => `${s} (${ix.byCode.get(s)?.name ?? s})`).join(', ')}` : ''}`;
  });
  return {
    fid: b.fid,
    pos: b.pos,
    column,
    rule: 'unit_not_existing',
    message: `${column} ${show(b.v)} names no unit existing ${on}: ${lives.join('; ')}; write the unit that stood on that date, or correct the date`,
  };
}
