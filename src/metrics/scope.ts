import { editDistance, fold } from '../text.ts';
import { CliError, EXIT } from '../errors.ts';
import { firstPeriodEndingFrom } from './period.ts';
import { runQuery, type Queryable } from './queries.ts';
import type { RowOf } from './rows.ts';
import type { Period } from './types.ts';

/** A unit as metrics.json `scope` names it, with the root province at the period's end. */
export type Scope = RowOf<'root_province'> & {
  /** The root province at the period's end (queries/root_province.sql), null when not exactly one. */
  root_code?: string | null;
};

/**
 * The unit a brief is about at the period's end: `unit` when given, else the root province
 * (queries/root_province.sql). `root_code` is that root province, or null when there is not
 * exactly one.
 */
export async function resolveScope(db: Queryable, period: Period, unit?: string): Promise<Scope> {
  const end = period.end;
  const [units, roots] = await Promise.all([runQuery(db, 'units_all', {}), rootProvinces(db, end)]);
  const root_code = roots.length === 1 ? roots[0]!.unit_code : null;
  if (unit === undefined) return { ...defaultScope(roots, end), root_code };
  const code = unit.trim();
  const found = units.find((u) => u.unit_code === code);
  if (found) {
    await refuseIfNotStanding(db, code, period);
    return { ...pick(found), root_code };
  }
  const close = suggestions(code, units);
  const hint = close.length
    ? `; did you mean ${close.map((u) => `${u.unit_code} (${u.name})`).join(', ')}?`
    : '; see the unit_code column of units';
  throw new CliError(`unknown unit "${unit}"${hint}`, EXIT.usage);
}

/**
 * Why unit `code` does not stand on the end E of `period` (queries/unit_at.sql), or null when it
 * does: it starts after E, or lineage effective on or before E took it over. `reason` says what
 * happened ("AG ended on 30/06/2025; its successor is AGM"), `message` adds the --unit or --period
 * to use instead.
 */
export async function notStanding(
  db: Queryable,
  code: string,
  period: Period,
): Promise<{ reason: string; message: string } | null> {
  const [at] = await runQuery(db, 'unit_at', { unit: code, end: period.end });
  if (!at) return null;
  const units = (codes: string[]) => codes.map((c) => `--unit ${c}`).join(' or ');
  if (!at.started) {
    const reason = `${code} starts on ${at.starts_on}`;
    const from = firstPeriodEndingFrom(period, at.valid_from!).id;
    const before = at.predecessors?.length ? `for ${period.id} use ${units(at.predecessors)}; ` : '';
    return {
      reason,
      message: `${reason}, after ${period.id} ends — ${before}for ${code} use --period ${from} or a later period`,
    };
  }
  if (!at.carried) return null;
  const whom =
    at.successors.length === 1
      ? `its successor is ${at.successors[0]}`
      : `its successors are ${at.successors.join(', ')}`;
  const reason = `${code} ended on ${at.ended_on}; ${whom}`;
  return { reason, message: `${reason} — use ${units(at.successors)}, or a period that ends by ${at.ended_on}` };
}

/** A scope must stand on the period's end: otherwise a usage error that says which --unit or --period to use. */
async function refuseIfNotStanding(db: Queryable, code: string, period: Period): Promise<void> {
  const absent = await notStanding(db, code, period);
  if (absent) throw new CliError(absent.message, EXIT.usage);
}

/** The province units with child units that exist on `end` (queries/root_province.sql). */
export function rootProvinces(db: Queryable, end: string): Promise<Scope[]> {
  return runQuery(db, 'root_province', { end });
}

function defaultScope(roots: Scope[], end: string): Scope {
  if (roots.length === 1) return pick(roots[0]!);
  if (roots.length === 0)
    throw new CliError(
      `no province unit with child units exists on ${end}; choose a scope with --unit CODE`,
      EXIT.usage,
    );
  throw new CliError(
    `several province units with child units exist on ${end} (${roots.map((u) => u.unit_code).join(', ')}); choose one with --unit CODE`,
    EXIT.usage,
  );
}

function pick(u: RowOf<'root_province'>): Scope {
  return { unit_code: u.unit_code, name: u.name, short_name: u.short_name, kind: u.kind, parent_code: u.parent_code };
}

/** Close matches by code (edit distance, case-insensitive) and by name or short name (diacritics-insensitive). */
export function suggestions<U extends { unit_code: string; name: string; short_name: string | null }>(
  input: string,
  units: U[],
  max = 5,
): U[] {
  const q = foldQuery(input);
  if (!q) return [];
  const scored = units
    .map((u) => ({ u, score: matchScore(q, u) }))
    .filter((x) => x.score < Infinity)
    .sort((a, b) => a.score - b.score || a.u.unit_code.localeCompare(b.u.unit_code));
  return scored.slice(0, max).map((x) => x.u);
}

function matchScore(q: string, u: { unit_code: string; name: string; short_name: string | null }): number {
  const code = foldQuery(u.unit_code);
  const distance = editDistance(q, code);
  if (distance <= Math.max(1, Math.floor(code.length / 3))) return distance;
  const names = [foldQuery(u.name), foldQuery(u.short_name ?? '')].filter(Boolean);
  if (names.some((n) => n === q)) return 0.5;
  if (q.length >= 3 && names.some((n) => n.includes(q))) return 3;
  if (q.length >= 2 && code.startsWith(q)) return 4;
  return Infinity;
}

/** Lower case without Vietnamese diacritics: "Châu Thành" and "chau thanh" compare equal. */
function foldQuery(s: string): string {
  return fold(s).replace(/\s+/g, ' ').trim();
}
