/**
 * Every rule of the data contract as SQL over the staged views `v_<table>`. Each rule selects the
 * offending rows (`_fid`, `_pos` and what the message needs); cross-table rules point at the
 * referencing row. A rule only runs when every table it reads was read cleanly.
 */
import type { Db } from '../db.ts';
import { ident } from '../db.ts';
import { TABLES, type TableName } from '../schema.ts';
import { closest } from './names.ts';
import { ENUMS, TYPE_RULES, isParsed } from './values.ts';

/** One offending row: file id and position resolve to file and line later. */
export interface Found {
  fid: number;
  pos: number;
  column: string | null;
  rule: string;
  message: string;
}

/** A scalar from DuckDB as Db.all returns it, typed so messages cannot print `[object Object]`. */
type Row = Record<string, string | number | boolean | null> & { _fid: number; _pos: number };

export interface Rule {
  /** Rule id, unless the rows carry their own in `_rule` (and column in `_column`). */
  rule: string;
  column: string | null;
  /** Tables that must be present (read without errors) for the rule to run. */
  needs: TableName[];
  sql: string;
  /** A cheaper query that returns no row when `sql` would return none either. */
  precheck?: string;
  /** Picks the offending rows in JS, for the one rule SQL does badly: following a chain of any depth. */
  select?: (rows: Row[]) => Row[];
  message: (r: Row, ctx: RuleContext) => string;
}

/**
 * Units whose parent_code chain comes back to them, each with its cycle as `path`. Units are a few
 * hundred rows, and a recursive CTE costs one DuckDB iteration per level: a 20,000-deep chain took
 * 45 s. Colouring walks each unit once.
 */
function unitsInCycles(rows: Row[]): Row[] {
  const parent = new Map<string, string | null>();
  for (const r of rows) if (!parent.has(String(r.code))) parent.set(String(r.code), r.parent === null ? null : String(r.parent));
  const done = new Set<string>();
  const cycleOf = new Map<string, string[]>();
  for (const start of parent.keys()) {
    const path: string[] = [];
    const onPath = new Map<string, number>();
    for (let cur: string | null | undefined = start; cur != null && !done.has(cur); cur = parent.get(cur)) {
      if (onPath.has(cur)) {
        const cycle = path.slice(onPath.get(cur));
        cycle.forEach((c, i) => cycleOf.set(c, [...cycle.slice(i), ...cycle.slice(0, i), c]));
        break;
      }
      onPath.set(cur, path.length);
      path.push(cur);
    }
    for (const p of path) done.add(p);
  }
  return rows.filter((r) => cycleOf.has(String(r.code))).map((r) => ({ ...r, path: cycleOf.get(String(r.code))!.join(' → ') }));
}

export interface RuleContext {
  /** "file:line" of a row, for messages that point at a second row. */
  where: (fid: number, pos: number) => string;
  unitCodes: string[];
}

/** Past this many rows per rule, listing more does not help anyone fix the file. */
export const MAX_PER_RULE = 1000;

const v = (t: TableName) => ident(`v_${t}`);
const q = ident;
const show = (x: unknown) => `"${String(x).length > 60 ? String(x).slice(0, 57) + '…' : String(x)}"`;
const didYouMean = (x: unknown, options: readonly string[]) => {
  const near = closest(String(x), options);
  return near ? `; did you mean "${near}"?` : '';
};

/** Every column holding one unit code; `tasks.support_units` holds a list and has its own rule. */
export const UNIT_REFS: [TableName, string][] = [
  ['units', 'parent_code'],
  ['units', 'successor_code'],
  ['documents', 'issuer_code'],
  ['tasks', 'lead_unit'],
  ['criteria', 'lead_unit'],
  ['criteria_results', 'unit_code'],
  ['index_scores', 'unit_code'],
  ['dossiers', 'unit_code'],
  ['dossier_stats', 'unit_code'],
  ['targets', 'unit_code'],
];

/** Required values, types and code lists, found while staging (`_bad`); here they become messages. */
function cellRule(t: TableName): Rule {
  const typeOf = new Map(TABLES[t].columns.map((c) => [c.name, c.type]));
  return {
    rule: 'cells',
    column: null,
    needs: [t],
    sql: `SELECT _fid, _pos, b.c AS _column, b.r AS _rule, b.v AS raw FROM (SELECT _fid, _pos, unnest(_bad) AS b FROM ${v(t)} WHERE _bad IS NOT NULL)`,
    message: (r) => {
      const col = String(r._column);
      if (r._rule === 'required') return `${col} is empty; every row needs a value`;
      const values = ENUMS[t]?.[col];
      if (r._rule === 'enum' && values) return `${col} ${show(r.raw)} is not one of ${values.join(', ')}${didYouMean(r.raw, values)}`;
      const type = typeOf.get(col)!;
      return `${col} ${show(r.raw)} ${isParsed(type) ? TYPE_RULES[type].expected : 'is not valid'}`;
    },
  };
}

function uniqueRule(t: TableName): Rule {
  const key = TABLES[t].key;
  const cols = key.map(q);
  const required = TABLES[t].columns.filter((c) => key.includes(c.name) && c.required).map((c) => `${q(c.name)} IS NOT NULL`);
  const join = key.map((k) => `v.${q(k)} IS NOT DISTINCT FROM d.${q(k)}`).join(' AND ');
  const dups = `SELECT ${cols.join(', ')} FROM ${v(t)} ${required.length ? `WHERE ${required.join(' AND ')}` : ''} GROUP BY ALL HAVING count(*) > 1`;
  return {
    rule: 'unique',
    column: key.length === 1 ? key[0]! : null,
    needs: [t],
    // Keys are nearly always unique: one aggregate says so, without the join back and the window.
    // Counting distinct 64-bit hashes is a fifth cheaper than grouping the keys themselves; as
    // many hashes as rows proves the keys distinct, and a collision only costs the full query.
    precheck: `SELECT 1 FROM ${v(t)} ${required.length ? `WHERE ${required.join(' AND ')}` : ''} HAVING count(DISTINCT hash(${cols.join(', ')})) < count(*)`,
    sql: `WITH d AS (${dups}),
      r AS (SELECT v._fid, v._pos, concat_ws(', ', ${key.map((k) => `coalesce(CAST(v.${q(k)} AS VARCHAR), '(empty)')`).join(', ')}) AS k,
              row_number() OVER w AS n, first_value(v._fid) OVER w AS ffid, first_value(v._pos) OVER w AS fpos
            FROM ${v(t)} v SEMI JOIN d ON ${join}
            WINDOW w AS (PARTITION BY ${key.map((k) => `v.${q(k)}`).join(', ')} ORDER BY v._fid, v._pos))
      SELECT _fid, _pos, k, ffid, fpos FROM r WHERE n > 1`,
    message: (r, ctx) =>
      `duplicate ${key.length === 1 ? key[0] : `(${key.join(', ')})`} ${show(r.k)}; first at ${ctx.where(Number(r.ffid), Number(r.fpos))}`,
  };
}

function unitRefRule([t, col]: [TableName, string]): Rule {
  return {
    rule: 'fk',
    column: col,
    needs: [t, 'units'],
    // A million dossiers name a few hundred units: the distinct codes say whether any is unknown.
    precheck: `SELECT 1 FROM (SELECT DISTINCT ${q(col)} AS code FROM ${v(t)}) x ANTI JOIN ${v('units')} u ON x.code = u.unit_code WHERE x.code IS NOT NULL LIMIT 1`,
    sql: `SELECT x._fid, x._pos, x.${q(col)} AS code FROM ${v(t)} x ANTI JOIN ${v('units')} u ON x.${q(col)} = u.unit_code WHERE x.${q(col)} IS NOT NULL`,
    message: (r, ctx) => `${col} ${show(r.code)} is not a unit_code in units${didYouMean(r.code, ctx.unitCodes)}`,
  };
}

const CROSS_RULES: Rule[] = [
  {
    rule: 'fk',
    column: 'support_units',
    needs: ['tasks', 'units'],
    sql: `SELECT x._fid, x._pos, x.code FROM (SELECT _fid, _pos, trim(unnest(string_split(support_units, ';'))) AS code FROM ${v('tasks')}) x
          ANTI JOIN ${v('units')} u ON x.code = u.unit_code WHERE x.code <> ''`,
    message: (r, ctx) =>
      `support_units has ${show(r.code)}, which is not a unit_code in units${String(r.code).includes(',') ? '; separate codes with ";"' : didYouMean(r.code, ctx.unitCodes)}`,
  },
  {
    rule: 'fk',
    column: 'doc_no',
    needs: ['tasks', 'documents'],
    sql: `SELECT x._fid, x._pos, x.doc_no FROM ${v('tasks')} x ANTI JOIN ${v('documents')} d ON x.doc_no = d.doc_no WHERE x.doc_no IS NOT NULL`,
    message: (r) => `doc_no ${show(r.doc_no)} is not in documents; add the document or correct the number`,
  },
  {
    rule: 'valid_range',
    column: 'valid_to',
    needs: ['units'],
    sql: `SELECT _fid, _pos, valid_from, valid_to FROM ${v('units')} WHERE valid_to < valid_from`,
    message: (r) => `valid_to ${r.valid_to} is before valid_from ${r.valid_from}`,
  },
  {
    rule: 'cycle',
    column: 'parent_code',
    needs: ['units'],
    sql: `SELECT _fid, _pos, unit_code AS code, parent_code AS parent FROM ${v('units')} WHERE unit_code IS NOT NULL`,
    select: unitsInCycles,
    message: (r) => `parent_code makes a cycle (${r.path}); a unit's parents must end at a unit without parent_code`,
  },
  {
    rule: 'completed_before_assigned',
    column: 'completed_on',
    needs: ['tasks'],
    sql: `SELECT _fid, _pos, assigned_on, completed_on FROM ${v('tasks')} WHERE completed_on < assigned_on`,
    message: (r) => `completed_on ${r.completed_on} is before assigned_on ${r.assigned_on}`,
  },
  {
    rule: 'cancelled_completed',
    column: 'cancelled_on',
    needs: ['tasks'],
    sql: `SELECT _fid, _pos, cancelled_on, completed_on FROM ${v('tasks')} WHERE cancelled_on IS NOT NULL AND completed_on IS NOT NULL`,
    message: (r) => `the task is both cancelled (${r.cancelled_on}) and completed (${r.completed_on}); keep one`,
  },
  {
    rule: 'max_points',
    column: 'max_points',
    needs: ['criteria'],
    sql: `SELECT _fid, _pos, max_points FROM ${v('criteria')} WHERE max_points <= 0`,
    message: (r) => `max_points ${r.max_points} must be greater than 0`,
  },
  {
    rule: 'criterion',
    column: 'criterion_code',
    needs: ['criteria_results', 'criteria'],
    sql: `SELECT x._fid, x._pos, x.year, x.criterion_code AS code FROM ${v('criteria_results')} x
          ANTI JOIN ${v('criteria')} c ON x.year = c.year AND x.criterion_code = c.criterion_code
          WHERE x.year IS NOT NULL AND x.criterion_code IS NOT NULL`,
    message: (r) => `criterion_code ${show(r.code)} is not in criteria for year ${r.year}`,
  },
  {
    rule: 'points_range',
    column: 'points',
    needs: ['criteria_results', 'criteria'],
    sql: `SELECT x._fid, x._pos, x.points, c.max_points FROM ${v('criteria_results')} x
          JOIN (SELECT year, criterion_code, max(max_points) AS max_points FROM ${v('criteria')} GROUP BY ALL) c
            ON x.year = c.year AND x.criterion_code = c.criterion_code
          WHERE x.points < 0 OR x.points > c.max_points`,
    message: (r) => `points ${r.points} is outside 0..${r.max_points} (max_points of the criterion)`,
  },
  ...(['received', 'received_online', 'resolved', 'resolved_on_time'] as const).map(
    (col): Rule => ({
      rule: 'negative',
      column: col,
      needs: ['dossier_stats'],
      sql: `SELECT _fid, _pos, ${q(col)} AS n FROM ${v('dossier_stats')} WHERE ${q(col)} < 0`,
      message: (r) => `${col} ${r.n} is negative; counts are 0 or more`,
    }),
  ),
  {
    rule: 'online_le_received',
    column: 'received_online',
    needs: ['dossier_stats'],
    sql: `SELECT _fid, _pos, received, received_online FROM ${v('dossier_stats')} WHERE received_online > received`,
    message: (r) => `received_online ${r.received_online} is more than received ${r.received}`,
  },
  {
    rule: 'on_time_le_resolved',
    column: 'resolved_on_time',
    needs: ['dossier_stats'],
    sql: `SELECT _fid, _pos, resolved, resolved_on_time FROM ${v('dossier_stats')} WHERE resolved_on_time > resolved`,
    message: (r) => `resolved_on_time ${r.resolved_on_time} is more than resolved ${r.resolved}`,
  },
  {
    rule: 'double_count',
    column: 'month',
    needs: ['dossier_stats', 'dossiers'],
    sql: `WITH d AS (
        SELECT unit_code, strftime(received_on, '%Y-%m') AS month FROM ${v('dossiers')} WHERE unit_code IN (SELECT unit_code FROM ${v('dossier_stats')})
        UNION SELECT unit_code, strftime(resolved_on, '%Y-%m') FROM ${v('dossiers')} WHERE resolved_on IS NOT NULL AND unit_code IN (SELECT unit_code FROM ${v('dossier_stats')}))
      SELECT s._fid, s._pos, s.unit_code AS unit, s.month FROM ${v('dossier_stats')} s SEMI JOIN d ON s.unit_code = d.unit_code AND s.month = d.month`,
    message: (r) => `${r.unit} ${r.month} is also in dossiers (dossiers received or resolved that month); report a unit-month in one of the two tables only`,
  },
  {
    rule: 'period_form',
    column: 'period',
    needs: ['index_scores'],
    sql: `WITH c AS (SELECT index_code, count(*) FILTER (WHERE length(period) = 4) AS y, count(*) FILTER (WHERE length(period) = 7) AS m
                     FROM ${v('index_scores')} WHERE period IS NOT NULL AND index_code IS NOT NULL GROUP BY ALL HAVING y > 0 AND m > 0)
          SELECT s._fid, s._pos, s.index_code AS idx, s.period, c.y, c.m FROM ${v('index_scores')} s JOIN c USING (index_code)
          WHERE s.period IS NOT NULL AND (length(s.period) = 4) = (c.y < c.m)`,
    message: (r) => {
      const yearly = Number(r.y) >= Number(r.m);
      return `${r.idx} uses ${yearly ? 'YYYY' : 'YYYY-MM'} periods in ${yearly ? r.y : r.m} rows but ${show(r.period)} here; one index uses one period form`;
    },
  },
];

export function allRules(): Rule[] {
  const tables = Object.keys(TABLES) as TableName[];
  return [
    ...tables.map(cellRule),
    ...tables.map(uniqueRule),
    ...UNIT_REFS.map(unitRefRule),
    ...CROSS_RULES,
  ];
}

/** Runs every rule whose tables are present; at most MAX_PER_RULE rows each, plus a note when cut. */
export async function runRules(db: Db, present: Set<TableName>, ctx: Omit<RuleContext, 'unitCodes'>): Promise<{ found: Found[]; cut: Rule[] }> {
  const unitCodes = present.has('units')
    ? (await db.all<{ c: string }>(`SELECT DISTINCT unit_code AS c FROM ${v('units')} WHERE unit_code IS NOT NULL`)).map((r) => r.c)
    : [];
  const full: RuleContext = { ...ctx, unitCodes };
  const found: Found[] = [];
  const cut: Rule[] = [];
  for (const rule of allRules()) {
    if (!rule.needs.every((t) => present.has(t))) continue;
    if (rule.precheck && (await db.all(rule.precheck)).length === 0) continue;
    const sql = `SELECT * FROM (${rule.sql}) ORDER BY _fid, _pos`;
    const rows = rule.select ? rule.select(await db.all<Row>(sql)) : await db.all<Row>(`${sql} LIMIT ${MAX_PER_RULE + 1}`);
    if (rows.length > MAX_PER_RULE) cut.push(rule);
    for (const r of rows.slice(0, MAX_PER_RULE)) {
      const column = typeof r._column === 'string' ? r._column : rule.column;
      const id = typeof r._rule === 'string' ? r._rule : rule.rule;
      found.push({ fid: Number(r._fid), pos: Number(r._pos), column, rule: id, message: rule.message(r, full) });
    }
  }
  return { found, cut };
}
