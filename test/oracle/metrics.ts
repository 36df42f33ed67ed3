/**
 * A second implementation of docs/metrics.md, written from the rules and nothing else: plain
 * TypeScript loops over the rows test/oracle/read.ts reads from the data folder, no SQL and no code
 * from src/metrics or queries/. test/oracle/oracle.test.ts compares it with computeMetrics figure
 * by figure; where they differ, one of the two misreads the rules.
 */
import type { Criterion, CriterionResult, Dossier, DossierStat, Score, Tables, Task, Unit } from './read.ts';

export class OracleUsageError extends Error {}

// ——— dates (ISO strings compare as dates) ———

const utc = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10));
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const DAY = 86_400_000;
const addDays = (d: string, n: number) => iso(utc(d) + n * DAY);
const daysBetween = (from: string, to: string) => Math.round((utc(to) - utc(from)) / DAY);
const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) =>
  `${year}-${pad(month)}-${pad(new Date(Date.UTC(year, month, 0)).getUTCDate())}`;
const within = (d: string | null, start: string, end: string) => d !== null && d >= start && d <= end;
const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export interface OraclePeriod {
  id: string;
  year: number;
  start: string;
  end: string;
  months: string[];
}

/** `2024-11`, `2024-Q4`, `2024-H1`, `2024-9M`, `2024`: first and last month of the year they cover. */
export function period(id: string): OraclePeriod {
  const m = /^(\d{4})(?:-(?:(\d{2})|Q([1-4])|H([12])|([369])M))?$/.exec(id);
  if (!m) throw new Error(`oracle: period ${id}`);
  const year = +m[1]!;
  const [first, last] = m[2]
    ? [+m[2], +m[2]]
    : m[3]
      ? [3 * +m[3] - 2, 3 * +m[3]]
      : m[4]
        ? [6 * +m[4] - 5, 6 * +m[4]]
        : m[5]
          ? [1, +m[5]]
          : [1, 12];
  const months = Array.from({ length: last - first + 1 }, (_, i) => `${year}-${pad(first + i)}`);
  return { id, year, start: `${year}-${pad(first)}-01`, end: lastDay(year, last), months };
}

const sameOneYearEarlier = (p: OraclePeriod) => period(p.id.replace(/^\d{4}/, String(p.year - 1)));

// ——— units, lineage, scope ———

class Territory {
  readonly units = new Map<string, Unit>();
  /** from_code → its lineage rows (unit_lineage plus successor_code as valid_to + 1 day). */
  private readonly lineage = new Map<string, { to: string; on: string }[]>();
  private readonly memo = new Map<string, string[]>();

  constructor(
    t: Tables,
    readonly E: string,
  ) {
    for (const u of t.units) this.units.set(u.unit_code, u);
    const add = (from: string, to: string, on: string) => {
      const rows = this.lineage.get(from) ?? [];
      if (!rows.some((r) => r.to === to)) rows.push({ to, on });
      this.lineage.set(from, rows);
    };
    for (const l of t.unit_lineage ?? []) add(l.from_code, l.to_code, l.effective_on);
    for (const u of t.units)
      if (u.successor_code && u.valid_to) add(u.unit_code, u.successor_code, addDays(u.valid_to, 1));
  }

  /** succ(u, E), sorted. */
  succ(u: string): string[] {
    const hit = this.memo.get(u);
    if (hit) return hit;
    const rows = (this.lineage.get(u) ?? []).filter((r) => r.on <= this.E);
    const out = rows.length ? [...new Set(rows.flatMap((r) => this.succ(r.to)))].sort(byCode) : [u];
    this.memo.set(u, out);
    return out;
  }

  hasLineageBy(u: string): boolean {
    return (this.lineage.get(u) ?? []).some((r) => r.on <= this.E);
  }

  /** x is s or below s through parent_code. */
  below(x: string, s: string): boolean {
    const seen = new Set<string>();
    for (let at: string | null | undefined = x; at && !seen.has(at); at = this.units.get(at)?.parent_code) {
      if (at === s) return true;
      seen.add(at);
    }
    return false;
  }

  /** 'in' when every unit of succ(u, E) is s or below it, 'split' when some are, else 'out'. */
  membership(u: string, s: string): 'in' | 'split' | 'out' {
    const succ = this.succ(u);
    const n = succ.filter((x) => this.below(x, s)).length;
    return n === succ.length ? 'in' : n > 0 ? 'split' : 'out';
  }
}

/** Where a unit's rows go in a scope: out of it, or into a by_unit row (a child, the scope itself, or null). */
type Place = { in: false } | { in: true; row: string | null };

interface Scope {
  code: string;
  name: string;
  children: string[];
  place(u: string): Place;
  splitUnits: string[];
  carried: { from_code: string; to_codes: string[] }[];
  inScope(u: string): boolean;
}

function scopeOf(t: Tables, terr: Territory, requested: string | undefined): Scope {
  const E = terr.E;
  const code = requested ?? defaultScope(t, E);
  const unit = terr.units.get(code);
  if (!unit) throw new OracleUsageError(`unknown unit ${code}`);
  if (unit.valid_from && unit.valid_from > E) throw new OracleUsageError(`${code} starts on ${unit.valid_from}`);
  if (terr.hasLineageBy(code)) throw new OracleUsageError(`${code} ended; successors ${terr.succ(code).join(', ')}`);
  const children = t.units
    .filter((c) => c.parent_code === code && (!c.valid_from || c.valid_from <= E))
    .map((c) => c.unit_code)
    .filter((c) => terr.succ(c).length === 1 && terr.succ(c)[0] === c)
    .sort(byCode);
  const cache = new Map<string, Place>();
  const place = (u: string): Place => {
    let p = cache.get(u);
    if (p) return p;
    const succ = terr.succ(u);
    if (terr.membership(u, code) !== 'in') p = { in: false };
    else if (succ.length === 1 && succ[0] === code) p = { in: true, row: code };
    else p = { in: true, row: children.find((c) => succ.every((x) => terr.below(x, c))) ?? null };
    cache.set(u, p);
    return p;
  };
  const all = t.units.map((u) => u.unit_code).sort(byCode);
  return {
    code,
    name: unit.name,
    children,
    place,
    inScope: (u) => place(u).in,
    splitUnits: all.filter((u) => terr.membership(u, code) === 'split'),
    carried: all
      .filter((u) => place(u).in && !(terr.succ(u).length === 1 && terr.succ(u)[0] === u))
      .map((u) => ({ from_code: u, to_codes: terr.succ(u) })),
  };
}

function defaultScope(t: Tables, E: string): string {
  const parents = new Set(t.units.map((u) => u.parent_code));
  const roots = t.units.filter(
    (u) =>
      u.kind === 'province' &&
      parents.has(u.unit_code) &&
      (!u.valid_from || u.valid_from <= E) &&
      (!u.valid_to || u.valid_to >= E),
  );
  if (roots.length !== 1) throw new OracleUsageError(`${roots.length} province units with child units on ${E}`);
  return roots[0]!.unit_code;
}

/** by_unit order: the children and the scope by unit_code, the null row last. */
function byUnitRows<T>(
  scope: Scope,
  buckets: Map<string | null, T>,
  present: (code: string | null) => boolean,
  empty: () => T,
) {
  const codes = [...new Set([...scope.children, ...(present(scope.code) ? [scope.code] : [])])].sort(byCode);
  const rows: ({ unit_code: string | null } & T)[] = codes.map((c) => ({
    unit_code: c,
    ...(buckets.get(c) ?? empty()),
  }));
  if (present(null)) rows.push({ unit_code: null, ...buckets.get(null)! });
  return rows;
}

const ratio = (num: number, den: number) => (den === 0 ? null : num / den);

// ——— tasks ———

interface TaskCounts {
  total: number;
  done_on_time: number;
  done_late: number;
  in_progress: number;
  overdue: number;
  due_soon: number;
  assigned: number;
  completed: number;
}
const zeroTasks = (): TaskCounts => ({
  total: 0,
  done_on_time: 0,
  done_late: 0,
  in_progress: 0,
  overdue: 0,
  due_soon: 0,
  assigned: 0,
  completed: 0,
});

const withRates = (c: TaskCounts) => ({
  total: c.total,
  done_on_time: c.done_on_time,
  done_late: c.done_late,
  in_progress: c.in_progress,
  overdue: c.overdue,
  completion_rate: ratio(c.done_on_time + c.done_late, c.total),
  on_time_rate: ratio(c.done_on_time, c.done_on_time + c.done_late),
  overdue_rate: ratio(c.overdue, c.total),
  due_soon: c.due_soon,
  assigned: c.assigned,
  completed: c.completed,
});

type TaskState = 'done_on_time' | 'done_late' | 'overdue' | 'in_progress';

function taskState(t: Task, D: string): TaskState {
  if (t.completed_on !== null && t.completed_on <= D)
    return t.due_on === null || t.completed_on <= t.due_on ? 'done_on_time' : 'done_late';
  return t.due_on !== null && t.due_on < D ? 'overdue' : 'in_progress';
}

function tasksFigures(tasks: Task[], scope: Scope, p: OraclePeriod) {
  const D = p.end;
  const soon = addDays(D, 14);
  const total = zeroTasks();
  const buckets = new Map<string | null, TaskCounts>();
  const overdue: {
    task_id: string;
    doc_no: string | null;
    lead_unit: string;
    title: string;
    due_on: string;
    days_overdue: number;
  }[] = [];
  for (const t of tasks) {
    const where = scope.place(t.lead_unit);
    if (!where.in || t.assigned_on > D || (t.cancelled_on !== null && t.cancelled_on <= D)) continue;
    const bucket = buckets.get(where.row) ?? zeroTasks();
    buckets.set(where.row, bucket);
    const state = taskState(t, D);
    for (const c of [total, bucket]) {
      c.total++;
      c[state]++;
      if (state === 'in_progress' && t.due_on !== null && t.due_on > D && t.due_on <= soon) c.due_soon++;
      if (within(t.assigned_on, p.start, p.end)) c.assigned++;
      if (within(t.completed_on, p.start, p.end)) c.completed++;
    }
    if (state === 'overdue') {
      overdue.push({
        task_id: t.task_id,
        doc_no: t.doc_no,
        lead_unit: t.lead_unit,
        title: t.title,
        due_on: t.due_on!,
        days_overdue: daysBetween(t.due_on!, D),
      });
    }
  }
  overdue.sort((a, b) => b.days_overdue - a.days_overdue || byCode(a.task_id, b.task_id));
  const by_unit = byUnitRows(scope, buckets, (c) => buckets.has(c), zeroTasks).map(({ unit_code, ...c }) => ({
    unit_code,
    ...withRates(c),
  }));
  return { ...withRates(total), by_unit, overdue_list: overdue };
}

// ——— online ———

class OnlineSum {
  received = 0;
  received_online = 0;
  eligible = 0;
  eligible_online = 0;
  resolved = 0;
  resolved_on_time = 0;
  resolved_records = 0;
  paid_online = 0;
  /** Calendar days from received_on to resolved_on, added up over the dossiers resolved. */
  resolution_days = 0;
  fully_num = 0;
  fully_den = 0;
  fully_rows = 0;
  rows = 0;

  figures() {
    return {
      received: this.received,
      received_online: this.received_online,
      online_ratio: ratio(this.received_online, this.received),
      online_ratio_eligible: ratio(this.eligible_online, this.eligible),
      resolved: this.resolved,
      resolved_on_time: this.resolved_on_time,
      on_time_rate: ratio(this.resolved_on_time, this.resolved),
      online_payment_ratio: ratio(this.paid_online, this.resolved_records),
      full_online_ratio: this.fully_rows ? ratio(this.fully_num, this.fully_den) : null,
      avg_resolution_days: ratio(this.resolution_days, this.resolved_records),
    };
  }
}

function addDossier(s: OnlineSum, d: Dossier, p: { start: string; end: string }) {
  const received = within(d.received_on, p.start, p.end);
  const resolved = within(d.resolved_on, p.start, p.end);
  if (!received && !resolved) return false;
  s.rows++;
  if (received) {
    s.received++;
    if (d.channel === 'online') s.received_online++;
    if (d.online_eligible) {
      s.eligible++;
      if (d.channel === 'online') s.eligible_online++;
    }
    if (d.fully_online !== null) {
      s.fully_rows++;
      s.fully_den++;
      if (d.fully_online) s.fully_num++;
    }
  }
  if (resolved) {
    s.resolved++;
    s.resolved_records++;
    if (d.due_on === null || d.resolved_on! <= d.due_on) s.resolved_on_time++;
    if (d.paid_online === true) s.paid_online++;
    s.resolution_days += daysBetween(d.received_on, d.resolved_on!);
  }
  return true;
}

function addStat(s: OnlineSum, r: DossierStat) {
  s.rows++;
  s.received += r.received;
  s.received_online += r.received_online;
  s.resolved += r.resolved;
  s.resolved_on_time += r.resolved_on_time;
  if (r.received_fully_online !== null) {
    s.fully_rows++;
    s.fully_num += r.received_fully_online;
    s.fully_den += r.received;
  }
}

/** The figures whose change against cùng kỳ metrics.json carries (`online.delta`). */
const DELTAS = [
  'online_ratio',
  'online_ratio_eligible',
  'on_time_rate',
  'online_payment_ratio',
  'full_online_ratio',
  'avg_resolution_days',
] as const;

function onlineFigures(t: Tables, scope: Scope, p: OraclePeriod, ancestorsOf: (u: string) => string[]) {
  if (!t.dossiers && !t.dossier_stats) return null;
  const prev = sameOneYearEarlier(p);
  const total = new OnlineSum();
  const previous = new OnlineSum();
  const buckets = new Map<string | null, OnlineSum>();
  const monthly = new Map(p.months.map((m) => [m, new OnlineSum()]));
  for (const d of t.dossiers ?? []) {
    const where = scope.place(d.unit_code);
    if (!where.in) continue;
    addDossier(previous, d, prev);
    if (!addDossier(total, d, p)) continue;
    const bucket = buckets.get(where.row) ?? new OnlineSum();
    buckets.set(where.row, bucket);
    addDossier(bucket, d, p);
    for (const m of new Set([d.received_on.slice(0, 7), d.resolved_on?.slice(0, 7)])) {
      const month = m && monthly.get(m);
      if (month) addDossier(month, d, { start: `${m}-01`, end: lastDay(+m.slice(0, 4), +m.slice(5, 7)) });
    }
  }
  for (const r of t.dossier_stats ?? []) {
    const where = scope.place(r.unit_code);
    if (!where.in) continue;
    if (prev.months.includes(r.month)) addStat(previous, r);
    const month = monthly.get(r.month);
    if (!month) continue;
    addStat(total, r);
    addStat(month, r);
    const bucket = buckets.get(where.row) ?? new OnlineSum();
    buckets.set(where.row, bucket);
    addStat(bucket, r);
  }
  const now = total.figures();
  const before = previous.figures();
  const delta = Object.fromEntries(
    DELTAS.map((k) => [k, now[k] === null || before[k] === null ? null : now[k] - before[k]]),
  );
  const byUnit = byUnitRows(
    scope,
    buckets,
    (c) => (buckets.get(c)?.rows ?? 0) > 0,
    () => new OnlineSum(),
  );
  const target = onlineTarget(t, scope.code, p.end.slice(0, 4), ancestorsOf);
  return {
    ...now,
    previous: before,
    delta,
    by_unit: byUnit.map(({ unit_code, ...s }) => ({ unit_code, ...Object.assign(new OnlineSum(), s).figures() })),
    monthly: [...monthly].map(([month, s]) => ({ month, ...s.figures() })),
    target: { online_ratio: target },
  };
}

function onlineTarget(t: Tables, unit: string, year: string, ancestorsOf: (u: string) => string[]): number | null {
  const rows = (t.targets ?? []).filter((r) => r.metric === 'online_ratio' && String(r.year) === year);
  for (const u of [unit, ...ancestorsOf(unit)]) {
    const own = rows.find((r) => r.unit_code === u);
    if (own) return own.target;
  }
  return rows.find((r) => r.unit_code === null)?.target ?? null;
}

// ——— indices ———

const periodDate = (p: string) => (p.length === 4 ? `${p}-12-31` : lastDay(+p.slice(0, 4), +p.slice(5, 7)));

function indicesFigures(t: Tables, terr: Territory, scope: Scope) {
  const E = terr.E;
  const kindOf = (u: string) => terr.units.get(u)?.kind;
  const groups = new Map<string, Score[]>();
  for (const s of t.index_scores ?? []) {
    const key = [s.index_code, s.period, s.component, kindOf(s.unit_code)].join('\u0000');
    const g = groups.get(key) ?? [];
    g.push(s);
    groups.set(key, g);
  }
  /** The published rank, or 1 + how many of the same kind scored higher, out of all of them. */
  const ranked = (s: Score) => {
    if (s.rank !== null) return { rank: s.rank, rank_of: s.rank_of, rank_computed: false };
    const g = groups.get([s.index_code, s.period, s.component, kindOf(s.unit_code)].join('\u0000'))!;
    return { rank: 1 + g.filter((o) => o.score > s.score).length, rank_of: g.length, rank_computed: true };
  };
  const series = new Map<string, Score[]>();
  for (const s of t.index_scores ?? []) {
    if (!scope.inScope(s.unit_code) || periodDate(s.period) > E) continue;
    const key = [s.unit_code, s.index_code, s.component].join('\u0000');
    const list = series.get(key) ?? [];
    list.push(s);
    series.set(key, list);
  }
  const out = [...series.values()].map((list) => {
    list.sort((a, b) => byCode(periodDate(a.period), periodDate(b.period)));
    const cur = list.at(-1)!;
    const prev = list.at(-2) ?? null;
    const r = ranked(cur);
    const pr = prev && ranked(prev);
    return {
      index_code: cur.index_code,
      component: cur.component,
      unit_code: cur.unit_code,
      period: cur.period,
      score: cur.score,
      max_score: cur.max_score,
      rank: r.rank,
      rank_of: r.rank_of,
      rank_computed: r.rank_computed,
      prev_period: prev?.period ?? null,
      prev_score: prev?.score ?? null,
      prev_rank: pr?.rank ?? null,
      delta: prev ? cur.score - prev.score : null,
      rank_delta: pr && pr.rank_of === r.rank_of ? pr.rank - r.rank : null,
      improved: prev ? cur.score - prev.score > 0 : null,
      series: list.map((s) => ({ period: s.period, score: s.score, rank: ranked(s).rank, rank_of: ranked(s).rank_of })),
    };
  });
  return out.sort(
    (a, b) =>
      byCode(a.unit_code, b.unit_code) || byCode(a.index_code, b.index_code) || byCode(a.component, b.component),
  );
}

// ——— criteria ———

/** Sums of decimal points differ in the last bits with the order of addition: closer than this is a tie. */
const POINTS_EPSILON = 1e-9;

interface CriteriaCounts {
  total: number;
  achieved: number;
  not_achieved: number;
  in_progress: number;
  not_due: number;
  points: number;
  max_points: number;
  points_at_risk: number;
  points_lost: number;
}
const zeroCriteria = (): CriteriaCounts => ({
  total: 0,
  achieved: 0,
  not_achieved: 0,
  in_progress: 0,
  not_due: 0,
  points: 0,
  max_points: 0,
  points_at_risk: 0,
  points_lost: 0,
});

function criteriaFigures(t: Tables, scope: Scope, D: string) {
  const year = +D.slice(0, 4);
  const set = (t.criteria ?? []).filter((c) => c.year === year);
  const latest = new Map<string, CriterionResult>();
  for (const r of t.criteria_results ?? []) {
    if (r.year !== year || r.assessed_on > D || !scope.inScope(r.unit_code)) continue;
    const key = `${r.unit_code}\u0000${r.criterion_code}`;
    const had = latest.get(key);
    if (!had || r.assessed_on > had.assessed_on) latest.set(key, r);
  }
  const assessed = [...new Set([...latest.values()].map((r) => r.unit_code))].sort(byCode);
  const entries = assessed.map((unit_code) => {
    const all = zeroCriteria();
    const areas = new Map<string, CriteriaCounts>();
    for (const c of set) {
      const r = latest.get(`${unit_code}\u0000${c.criterion_code}`);
      const status = r ? r.status : c.due_on !== null && c.due_on > D ? 'not_due' : 'in_progress';
      const points = r?.points ?? 0;
      const area = areas.get(c.area) ?? zeroCriteria();
      areas.set(c.area, area);
      for (const k of [all, area]) count(k, c, status, points);
    }
    const by_area = [...areas].sort(([a], [b]) => byCode(a, b)).map(([area, k]) => ({ area, ...k }));
    return { year, unit_code, ...all, by_area };
  });
  return entries.map((e) => ({ ...e, rank: 1 + entries.filter((o) => o.points > e.points + POINTS_EPSILON).length }));
}

function count(k: CriteriaCounts, c: Criterion, status: string, points: number) {
  k.total++;
  k[status as 'achieved' | 'not_achieved' | 'in_progress' | 'not_due']++;
  k.points += points;
  k.max_points += c.max_points;
  if (status === 'in_progress' || status === 'not_due') k.points_at_risk += c.max_points;
  else k.points_lost += c.max_points - points;
}

// ——— metrics.json ———

export function oracleMetrics(t: Tables, periodId: string, unit?: string) {
  const p = period(periodId);
  const terr = new Territory(t, p.end);
  const scope = scopeOf(t, terr, unit);
  const ancestorsOf = (u: string) => {
    const out: string[] = [];
    for (let at = terr.units.get(u)?.parent_code; at && !out.includes(at); at = terr.units.get(at)?.parent_code)
      out.push(at);
    return out;
  };
  return {
    period: { id: p.id, start: p.start, end: p.end, as_of: p.end },
    scope: { unit_code: scope.code, name: scope.name },
    tasks: tasksFigures(t.tasks, scope, p),
    online: onlineFigures(t, scope, p, ancestorsOf),
    indices: indicesFigures(t, terr, scope),
    criteria: criteriaFigures(t, scope, p.end),
    lineage: { as_of: p.end, split_units: scope.splitUnits, carried: scope.carried },
  };
}
