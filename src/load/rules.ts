/**
 * Every rule of the data contract as SQL over the staged views `v_<table>`. Each rule selects the
 * offending rows (`_fid`, `_pos` and what the message needs); cross-table rules point at the
 * referencing row. A rule only runs when every table it reads was read cleanly.
 */
import type { Db } from '../db.ts';
import { ident, literal } from '../db.ts';
import { NAMED } from './unit-names.ts';
import { TABLES, type TableName } from '../schema.ts';
import { closest, didYouMean, foldName } from './names.ts';
import { ENUMS, TYPE_RULES, isParsed } from './values.ts';
import { ONGOING_COLUMNS, deadlineHint } from './forms.ts';
import { addDays } from '../dates.ts';

/** One offending row: file id and position resolve to file and line later. */
export interface Found {
  fid: number;
  pos: number;
  column: string | null;
  rule: string;
  message: string;
  /** A warning is reported but leaves the data valid. */
  warning: boolean;
}

/** A scalar from DuckDB as Db.all returns it, typed so messages cannot print `[object Object]`. */
type Row = Record<string, string | number | boolean | null> & { _fid: number; _pos: number };

export interface Rule {
  /** Rule id, unless the rows carry their own in `_rule` (and column in `_column`). */
  rule: string;
  column: string | null;
  /** Tables that must be present (read without errors) for the rule to run. */
  needs: TableName[];
  /**
   * Optional tables the rule reads when they are given; it still runs when they are absent (read
   * as empty), and not when one was given but could not be read cleanly.
   */
  uses?: TableName[];
  /** SQL, or SQL built knowing which tables of `uses` are present. */
  sql: string | ((has: (t: TableName) => boolean) => string);
  /** Reported in the warnings: worth a look, but the data is valid. */
  warning?: boolean;
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
  for (const r of rows)
    if (!parent.has(String(r.code))) parent.set(String(r.code), r.parent === null ? null : String(r.parent));
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
  return rows
    .filter((r) => cycleOf.has(String(r.code)))
    .map((r) => ({ ...r, path: cycleOf.get(String(r.code))!.join(' → ') }));
}

/**
 * Lineage rows in a cycle (A → B → … → A), each with the cycle as `path`: the rows whose two ends
 * share a strongly connected component. A row from a unit to itself is rule lineage_self instead.
 */
function lineageInCycles(rows: Row[]): Row[] {
  const next = new Map<string, Set<string>>();
  for (const r of rows) {
    const [a, b] = [String(r.from_code), String(r.to_code)];
    if (a === b) continue;
    if (!next.has(a)) next.set(a, new Set());
    next.get(a)!.add(b);
  }
  const comp = components(next);
  const pathFrom = (start: string, goal: string): string[] => {
    // Breadth first inside the component, so the path shown is a shortest one.
    const prev = new Map<string, string>([[start, start]]);
    for (const queue = [start]; queue.length && !prev.has(goal);) {
      const cur = queue.shift()!;
      for (const n of next.get(cur) ?? []) {
        if (prev.has(n) || comp.get(n) !== comp.get(start)) continue;
        prev.set(n, cur);
        queue.push(n);
      }
    }
    const path = [goal];
    while (path[0] !== start) path.unshift(prev.get(path[0]!)!);
    return path;
  };
  return rows
    .filter(
      (r) =>
        r.from_code !== r.to_code &&
        comp.get(String(r.from_code)) !== undefined &&
        comp.get(String(r.from_code)) === comp.get(String(r.to_code)),
    )
    .map((r) => ({
      ...r,
      path: [String(r.from_code), ...pathFrom(String(r.to_code), String(r.from_code))].join(' → '),
    }));
}

/** Strongly connected components of more than one unit (Tarjan, iterative: chains may be deep). */
function components(next: Map<string, Set<string>>): Map<string, number> {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const comp = new Map<string, number>();
  let counter = 0;
  for (const root of next.keys()) {
    if (index.has(root)) continue;
    const work: { node: string; it: Iterator<string> }[] = [];
    const enter = (n: string) => {
      index.set(n, counter);
      low.set(n, counter++);
      stack.push(n);
      onStack.add(n);
      work.push({ node: n, it: (next.get(n) ?? new Set<string>()).values() });
    };
    enter(root);
    while (work.length) {
      const top = work.at(-1)!;
      const step = top.it.next();
      if (!step.done) {
        const n = step.value;
        if (!index.has(n)) enter(n);
        else if (onStack.has(n)) low.set(top.node, Math.min(low.get(top.node)!, index.get(n)!));
        continue;
      }
      work.pop();
      if (work.length) low.set(work.at(-1)!.node, Math.min(low.get(work.at(-1)!.node)!, low.get(top.node)!));
      if (low.get(top.node) !== index.get(top.node)) continue;
      const members: string[] = [];
      for (let m = stack.pop()!; ; m = stack.pop()!) {
        onStack.delete(m);
        members.push(m);
        if (m === top.node) break;
      }
      if (members.length > 1) for (const m of members) comp.set(m, index.get(top.node)!);
    }
  }
  return comp;
}

/**
 * Units that end (valid_to) without lineage below an ancestor that has lineage: their rows follow
 * no successor, which is valid but nearly always a unit forgotten in the lineage file.
 */
function forgottenInLineage(rows: Row[]): Row[] {
  const byCode = new Map<string, Row>();
  for (const r of rows) if (!byCode.has(String(r.code))) byCode.set(String(r.code), r);
  const found: Row[] = [];
  for (const r of byCode.values()) {
    if (r.valid_to === null || r.successors !== null) continue;
    const seen = new Set<string>([String(r.code)]);
    for (let p = r.parent; p !== null && p !== undefined && !seen.has(String(p)); p = byCode.get(String(p))?.parent) {
      seen.add(String(p));
      const a = byCode.get(String(p));
      if (a?.successors) {
        found.push({ ...r, ancestor: a.code ?? null, ancestor_successors: a.successors });
        break;
      }
    }
  }
  return found;
}

export interface RuleContext {
  /** "file:line" of a row, for messages that point at a second row. */
  where: (fid: number, pos: number) => string;
  /** The line of a row in its file. */
  line: (fid: number, pos: number) => number;
  unitCodes: string[];
  units: { unit_code: string; name: string }[];
}

/** Past this many rows per rule, listing more does not help anyone fix the file. */
export const MAX_PER_RULE = 1000;

const v = (t: TableName) => ident(`v_${t}`);
const q = ident;
const show = (x: unknown) => `"${String(x).length > 60 ? String(x).slice(0, 57) + '…' : String(x)}"`;

/** How lists of tasks name many units at once: "Các sở, ban, ngành", "UBND các xã, phường", "toàn tỉnh". */
const GROUP_OF_UNITS = /^((ubnd|uy ban nhan dan) )?(cac|toan|tat ca)\b/;

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
  ['unit_lineage', 'from_code'],
  ['unit_lineage', 'to_code'],
];

/**
 * Every lineage row with the row it comes from: unit_lineage's rows, and the one row each
 * successor_code stands for, (unit, successor, valid_to + 1 day). `_column` is where to point.
 */
const lineageRows = (has: (t: TableName) => boolean) =>
  [
    ...(has('unit_lineage')
      ? [
          `SELECT _fid, _pos, 'to_code' AS _column, from_code, to_code, effective_on, 'unit_lineage' AS src FROM ${v('unit_lineage')}
          WHERE from_code IS NOT NULL AND to_code IS NOT NULL AND effective_on IS NOT NULL`,
        ]
      : []),
    // A unit with rows in unit_lineage is checked against them by successor_lineage instead.
    `SELECT _fid, _pos, 'successor_code' AS _column, unit_code AS from_code, successor_code AS to_code, valid_to + 1 AS effective_on,
       'units' AS src FROM ${v('units')}
     WHERE unit_code IS NOT NULL AND successor_code IS NOT NULL AND valid_to IS NOT NULL
     ${has('unit_lineage') ? `AND unit_code NOT IN (SELECT from_code FROM ${v('unit_lineage')} WHERE from_code IS NOT NULL)` : ''}`,
  ].join(' UNION ALL ');

/** One row per unit_code (its first), so a duplicated code (rule unique) does not double messages. */
const firstUnits = `(SELECT * FROM ${v('units')} WHERE unit_code IS NOT NULL QUALIFY row_number() OVER (PARTITION BY unit_code ORDER BY _fid, _pos) = 1)`;

const LINEAGE_RULES: Rule[] = [
  {
    rule: 'lineage_self',
    column: null,
    needs: ['units'],
    uses: ['unit_lineage'],
    sql: (has) => `SELECT * FROM (${lineageRows(has)}) WHERE from_code = to_code`,
    message: (r) =>
      r.src === 'units'
        ? `successor_code ${show(r.to_code)} is the unit itself; name the unit that took it over, or leave successor_code empty`
        : `from_code and to_code are both ${show(r.to_code)}; a lineage row goes from an old unit to another, new one`,
  },
  {
    rule: 'lineage_cycle',
    column: null,
    needs: ['units'],
    uses: ['unit_lineage'],
    sql: lineageRows,
    select: lineageInCycles,
    message: (r) =>
      `the lineage goes round in a circle (${r.path}); a unit cannot take over a unit that took it over — remove or correct one of these rows`,
  },
  {
    rule: 'lineage_date',
    column: 'effective_on',
    needs: ['units', 'unit_lineage'],
    sql: `SELECT l._fid, l._pos, l.from_code, l.effective_on, u.valid_from, u.valid_to, u._fid AS ufid, u._pos AS upos
          FROM ${v('unit_lineage')} l JOIN ${firstUnits} u ON u.unit_code = l.from_code
          WHERE l.effective_on <= u.valid_from OR l.effective_on <> u.valid_to + 1`,
    message: (r, ctx) => {
      const unit = `${show(r.from_code)} (${ctx.where(Number(r.ufid), Number(r.upos))})`;
      if (r.valid_to !== null && r.effective_on !== addDays(String(r.valid_to), 1)) {
        return `effective_on ${r.effective_on} should be ${addDays(String(r.valid_to), 1)}, the day after valid_to ${r.valid_to} of ${unit}; correct one of the two dates`;
      }
      return `effective_on ${r.effective_on} is not after valid_from ${r.valid_from} of ${unit}: a unit is taken over after it began; correct one of the two dates`;
    },
  },
  {
    rule: 'lineage_target',
    column: null,
    needs: ['units'],
    uses: ['unit_lineage'],
    sql: (has) => `SELECT l.*, u.valid_from, u.valid_to, u._fid AS ufid, u._pos AS upos
          FROM (${lineageRows(has)}) l JOIN ${firstUnits} u ON u.unit_code = l.to_code
          WHERE l.from_code <> l.to_code AND (u.valid_from > l.effective_on OR u.valid_to < l.effective_on)`,
    message: (r, ctx) => {
      const col = r.src === 'units' ? 'successor_code' : 'to_code';
      const span =
        r.valid_from !== null && String(r.valid_from) > String(r.effective_on)
          ? `it begins on ${r.valid_from}`
          : `it ended on ${r.valid_to}`;
      const when =
        r.src === 'units' ? `on ${r.effective_on}, the day after valid_to` : `on effective_on ${r.effective_on}`;
      return `${col} ${show(r.to_code)} does not exist ${when}: ${span} (${ctx.where(Number(r.ufid), Number(r.upos))}); name the unit that stood on that day, or correct its dates`;
    },
  },
  {
    rule: 'successor_without_end',
    column: 'successor_code',
    needs: ['units'],
    sql: `SELECT _fid, _pos, unit_code, successor_code FROM ${v('units')} WHERE successor_code IS NOT NULL AND valid_to IS NULL`,
    message: (r) =>
      `${show(r.unit_code)} has successor_code ${show(r.successor_code)} but no valid_to; give valid_to, the last day it existed (the successor takes over the next day), or leave successor_code empty`,
  },
  {
    rule: 'successor_lineage',
    column: 'successor_code',
    needs: ['units', 'unit_lineage'],
    sql: `SELECT u._fid, u._pos, u.unit_code, u.successor_code, u.valid_to + 1 AS effective_on, l.n, l.tos, l.ffid, l.fpos
          FROM ${v('units')} u JOIN (
            SELECT from_code, count(*) AS n, string_agg(to_code, ', ' ORDER BY to_code) AS tos, list_sort(list(to_code)) AS codes,
                   arg_min(_fid, (_fid, _pos)) AS ffid, arg_min(_pos, (_fid, _pos)) AS fpos
            FROM ${v('unit_lineage')} WHERE from_code IS NOT NULL GROUP BY from_code) l ON l.from_code = u.unit_code
          WHERE u.successor_code IS NOT NULL AND u.valid_to IS NOT NULL AND (l.n <> 1 OR l.codes[1] IS DISTINCT FROM u.successor_code)`,
    message: (r, ctx) =>
      `successor_code ${show(r.successor_code)} stands for the one lineage row (${r.unit_code}, ${r.successor_code}, ${r.effective_on}), ` +
      `but unit_lineage has ${r.n} row${Number(r.n) === 1 ? '' : 's'} from ${r.unit_code} (to ${r.tos}; first at ${ctx.where(Number(r.ffid), Number(r.fpos))}); ` +
      `keep the lineage in unit_lineage and leave successor_code empty, or make the two agree`,
  },
  {
    rule: 'lineage_forgotten',
    column: 'valid_to',
    needs: ['units'],
    uses: ['unit_lineage'],
    warning: true,
    sql: (
      has,
    ) => `WITH s AS (SELECT from_code, string_agg(DISTINCT to_code, ', ' ORDER BY to_code) AS successors FROM (${lineageRows(has)}) GROUP BY from_code)
          SELECT u._fid, u._pos, u.unit_code AS code, u.name, u.parent_code AS parent, u.valid_to, s.successors
          FROM ${v('units')} u LEFT JOIN s ON s.from_code = u.unit_code WHERE u.unit_code IS NOT NULL`,
    select: forgottenInLineage,
    message: (r) =>
      `${r.code} (${r.name}) ends on ${r.valid_to} and has no lineage, though ${r.ancestor} above it is taken over by ${r.ancestor_successors}: ` +
      `its rows reach no brief of the successor; add a unit_lineage row from ${r.code} (or its successor_code) if it was merged or divided`,
  },
  {
    rule: 'fully_online',
    column: 'fully_online',
    needs: ['dossiers'],
    sql: `SELECT _fid, _pos, channel FROM ${v('dossiers')} WHERE fully_online AND channel <> 'online'`,
    message: (r) =>
      `fully_online is true but channel is ${show(r.channel)}; a dossier handled online end to end was received online — set channel to online or fully_online to false`,
  },
  {
    rule: 'fully_online_le_online',
    column: 'received_fully_online',
    needs: ['dossier_stats'],
    sql: `SELECT _fid, _pos, received_online, received_fully_online FROM ${v('dossier_stats')} WHERE received_fully_online > received_online`,
    message: (r) =>
      `received_fully_online ${r.received_fully_online} is more than received_online ${r.received_online}; dossiers handled online end to end are part of those received online`,
  },
];

/** Required values, types and code lists, found while staging (`_bad`); here they become messages. */
function cellRule(t: TableName): Rule {
  const typeOf = new Map(TABLES[t].columns.map((c) => [c.name, c.type]));
  return {
    rule: 'cells',
    column: null,
    needs: [t],
    sql: `SELECT _fid, _pos, b.c AS _column, b.r AS _rule, b.v AS raw FROM (SELECT _fid, _pos, unnest(_bad) AS b FROM ${v(t)} WHERE _bad IS NOT NULL) WHERE b.r <> 'due_ongoing'`,
    message: (r) => {
      const col = String(r._column);
      if (r._rule === 'required') return `${col} is empty; every row needs a value`;
      const values = ENUMS[t]?.[col];
      if (r._rule === 'enum' && values)
        return `${col} ${show(r.raw)} is not one of ${values.join(', ')}${didYouMean(r.raw, values)}`;
      const type = typeOf.get(col)!;
      const deadline = r._rule === 'date' && col === 'due_on' ? deadlineHint(String(r.raw)) : undefined;
      if (deadline) return `${col} ${show(r.raw)} ${deadline}`;
      return `${col} ${show(r.raw)} ${isParsed(type) ? TYPE_RULES[type].expected : 'is not valid'}`;
    },
  };
}

/** Rows (and distinct words) a due_ongoing warning names before "and N more". */
const ONGOING_SHOWN = 5;

/**
 * Words for an ongoing task in a due-date column, read as no due date (values.ts): one warning per
 * file and column, with the row count and the first rows, as a list of ongoing tasks is common.
 */
function ongoingRule(t: TableName): Rule {
  return {
    rule: 'due_ongoing',
    column: null,
    needs: [t],
    warning: true,
    // The words in the order they first appear, as the officer reads the sheet.
    sql: `WITH o AS (
        SELECT _fid, _pos, b.c AS col, b.v AS word FROM (SELECT _fid, _pos, unnest(_bad) AS b FROM ${v(t)} WHERE _bad IS NOT NULL)
        WHERE b.r = 'due_ongoing'),
      w AS (SELECT _fid, col, word, min(_pos) AS first FROM o GROUP BY ALL),
      rows AS (SELECT _fid, col, min(_pos) AS _pos, count(*) AS n,
        to_json(list(_pos ORDER BY _pos)[1:${ONGOING_SHOWN}])::VARCHAR AS positions FROM o GROUP BY ALL),
      words AS (SELECT _fid, col, count(*) AS n_words,
        to_json(list(word ORDER BY first)[1:${ONGOING_SHOWN}])::VARCHAR AS words FROM w GROUP BY ALL)
      SELECT _fid, _pos, col AS _column, n, positions, words, n_words FROM rows JOIN words USING (_fid, col)`,
    message: (r, ctx) => {
      const n = Number(r.n);
      const col = String(r._column);
      const words = (JSON.parse(String(r.words)) as string[]).map(show);
      if (Number(r.n_words) > words.length) words.push('…');
      if (n === 1) return `${col} ${words[0]} read as no due date: an ongoing task (thường xuyên), never overdue`;
      const lines = (JSON.parse(String(r.positions)) as number[]).map((p) => ctx.line(Number(r._fid), p));
      const more = n > lines.length ? ` and ${n - lines.length} more` : '';
      return `${col} ${words.join(', ')} read as no due date in ${n} rows (lines ${lines.join(', ')}${more}): ongoing tasks (thường xuyên), never overdue`;
    },
  };
}

function uniqueRule(t: TableName): Rule {
  const key = TABLES[t].key;
  const cols = key.map(q);
  const required = TABLES[t].columns
    .filter((c) => key.includes(c.name) && c.required)
    .map((c) => `${q(c.name)} IS NOT NULL`);
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

/** Values of a column that name a unit, which src/load/unit-names.ts reports on itself. */
const named = (t: TableName, col: string) => `SELECT v FROM ${NAMED} WHERE t = ${literal(t)} AND c = ${literal(col)}`;

/** "did you mean" over codes, and over names when the value looks like a name. */
function nearest(value: string, ctx: RuleContext): string {
  // Edit distances cost length × length: a runaway cell (a broken quote) is no near miss of a name.
  if (value.length > 120) return '';
  // Among codes as close as each other, one of the same length is the likelier slip ("AGN" → "AGM").
  const code =
    closest(
      value,
      ctx.unitCodes.filter((c) => c.length === value.length),
    ) ?? closest(value, ctx.unitCodes);
  if (code && !/\s/.test(value)) return `; did you mean "${code}"?`;
  const name = closest(
    value,
    ctx.units.map((u) => u.name),
  );
  const u = ctx.units.find((x) => x.name === name);
  if (u) return `; did you mean "${u.name}" (${u.unit_code})?`;
  return code ? `; did you mean "${code}"?` : '';
}

function unitRefRule([t, col]: [TableName, string]): Rule {
  return {
    rule: 'fk',
    column: col,
    needs: [t, 'units'],
    // A million dossiers name a few hundred units: the distinct codes say whether any is unknown.
    precheck: `SELECT 1 FROM (SELECT DISTINCT ${q(col)} AS code FROM ${v(t)}) x ANTI JOIN ${v('units')} u ON x.code = u.unit_code
      WHERE x.code IS NOT NULL AND x.code NOT IN (${named(t, col)}) LIMIT 1`,
    sql: `SELECT x._fid, x._pos, x.${q(col)} AS code FROM ${v(t)} x ANTI JOIN ${v('units')} u ON x.${q(col)} = u.unit_code
      WHERE x.${q(col)} IS NOT NULL AND x.${q(col)} NOT IN (${named(t, col)})`,
    message: (r, ctx) =>
      GROUP_OF_UNITS.test(foldName(String(r.code)))
        ? `${col} ${show(r.code)} is a group of units, not one unit; write a row for each unit it means`
        : `${col} ${show(r.code)} is not a unit_code in units, nor the name of a unit${nearest(String(r.code), ctx)}`,
  };
}

const CROSS_RULES: Rule[] = [
  {
    rule: 'fk',
    column: 'support_units',
    needs: ['tasks', 'units'],
    sql: `SELECT x._fid, x._pos, x.code FROM (SELECT _fid, _pos, trim(unnest(string_split(support_units, ';'))) AS code FROM ${v('tasks')}) x
          ANTI JOIN ${v('units')} u ON x.code = u.unit_code
          WHERE x.code <> '' AND (x._fid, x._pos) NOT IN (SELECT (_fid, _pos) FROM ${v('tasks')} WHERE support_units IN (${named('tasks', 'support_units')}))`,
    message: (r, ctx) =>
      GROUP_OF_UNITS.test(foldName(String(r.code)))
        ? `support_units has ${show(r.code)}, a group of units, not a unit; list the units it means (names or codes, separated by ";"), or leave support_units empty`
        : `support_units has ${show(r.code)}, which is not a unit_code in units${String(r.code).includes(',') ? '; separate codes with ";"' : didYouMean(r.code, ctx.unitCodes)}`,
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
  ...(['received', 'received_online', 'resolved', 'resolved_on_time', 'received_fully_online'] as const).map(
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
    message: (r) =>
      `${r.unit} ${r.month} is also in dossiers (dossiers received or resolved that month); report a unit-month in one of the two tables only`,
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
    ...tables.filter((t) => ONGOING_COLUMNS[t]).map(ongoingRule),
    ...tables.map(uniqueRule),
    ...UNIT_REFS.map(unitRefRule),
    ...CROSS_RULES,
    ...LINEAGE_RULES,
  ];
}

/**
 * Runs every rule whose tables are present (and whose optional tables are present or absent, not
 * broken); at most MAX_PER_RULE rows each, plus a note when cut.
 */
export async function runRules(
  db: Db,
  present: Set<TableName>,
  ctx: Omit<RuleContext, 'unitCodes' | 'units'>,
  absent: Set<TableName> = new Set(),
): Promise<{ found: Found[]; cut: Rule[] }> {
  const units = present.has('units')
    ? await db.all<{ unit_code: string; name: string }>(
        `SELECT unit_code, any_value(name) AS name FROM ${v('units')} WHERE unit_code IS NOT NULL GROUP BY 1 ORDER BY 1`,
      )
    : [];
  const full: RuleContext = {
    ...ctx,
    unitCodes: units.map((u) => u.unit_code),
    units: units.filter((u) => u.name !== null),
  };
  const found: Found[] = [];
  const cut: Rule[] = [];
  const has = (t: TableName) => present.has(t);
  for (const rule of allRules()) {
    if (!rule.needs.every(has) || !(rule.uses ?? []).every((t) => has(t) || absent.has(t))) continue;
    if (rule.precheck && (await db.all(rule.precheck)).length === 0) continue;
    const sql = `SELECT * FROM (${typeof rule.sql === 'string' ? rule.sql : rule.sql(has)}) ORDER BY _fid, _pos`;
    const rows = rule.select
      ? rule.select(await db.all<Row>(sql))
      : await db.all<Row>(`${sql} LIMIT ${MAX_PER_RULE + 1}`);
    if (rows.length > MAX_PER_RULE) cut.push(rule);
    for (const r of rows.slice(0, MAX_PER_RULE)) {
      const column = typeof r._column === 'string' ? r._column : rule.column;
      const id = typeof r._rule === 'string' ? r._rule : rule.rule;
      found.push({
        fid: Number(r._fid),
        pos: Number(r._pos),
        column,
        rule: id,
        message: rule.message(r, full),
        warning: rule.warning === true,
      });
    }
  }
  return { found, cut };
}
