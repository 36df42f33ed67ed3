import type { CriteriaCounts, IndexMetric, Metrics } from '../metrics/types.ts';
import type { UnitNames } from './context.ts';
import { int, num, pct, pctTarget, periodName, ppText, sameTimeLastYear, score } from './format.ts';
import { fullOnline, isUnit } from './view-units.ts';
import { INDEX_ORDER, areaName, indexShort } from './vocab.ts';

/**
 * Sentences of section I and section VI, each built from figures that exist; a sentence whose
 * figures are missing is left out, so no brief ever prints "null" or "NaN".
 */
export function findings(m: Metrics, names: UnitNames): string[] {
  return [
    taskCompletion(m),
    overdueTasks(m, names),
    onlineRatio(m),
    ...headlineIndices(m).slice(0, 2).map(indexFinding),
    criteriaFinding(m, names),
  ].filter((s): s is string => s !== null);
}

function taskCompletion(m: Metrics): string | null {
  const t = m.tasks;
  if (t.total === 0 || t.completion_rate === null) return null;
  const done = t.done_on_time + t.done_late;
  const onTime = t.on_time_rate === null ? '' : `, trong đó ${pct(t.on_time_rate)} hoàn thành đúng hạn`;
  return `Tỷ lệ hoàn thành nhiệm vụ đạt ${pct(t.completion_rate)} (${int(done)}/${int(t.total)} nhiệm vụ)${onTime}.`;
}

function overdueTasks(m: Metrics, names: UnitNames): string | null {
  const t = m.tasks;
  if (t.total === 0) return null;
  if (t.overdue === 0) return 'Không có nhiệm vụ quá hạn.';
  const late = worstOverdue(m);
  let where = '';
  // Naming units only makes sense when the scope has more than one; "nhiều nhất" only when one stands out.
  if (!scopeIsOneUnit(m) && late.length > 0) {
    const named = (u: { unit_code: string; overdue: number }) => `${names.name(u.unit_code)} (${int(u.overdue)})`;
    if (late[0]!.overdue > 1) where = `, nhiều nhất tại ${joinVi(late.slice(0, 2).map(named))}`;
    else
      where =
        late.length <= 3
          ? `, tại ${joinVi(late.map((u) => names.name(u.unit_code)))}`
          : `, tại ${int(late.length)} cơ quan, đơn vị`;
  }
  return `Còn ${int(t.overdue)} nhiệm vụ quá hạn${where}.`;
}

/**
 * A brief of one unit (a commune, a department): every row that names a unit names the scope
 * itself, so sentences must not name it or count it as if it stood among several.
 */
export function scopeIsOneUnit(m: Metrics): boolean {
  const rows = [...m.tasks.by_unit.filter(isUnit), ...(m.online?.by_unit.filter(isUnit) ?? []), ...m.criteria];
  return rows.every((u) => u.unit_code === m.scope.unit_code);
}

/**
 * Units with overdue tasks, most first (ties by code, so the text is stable); the split row
 * (unit_code null) is no unit that could be named or asked to act.
 */
export function worstOverdue(m: Metrics) {
  return m.tasks.by_unit
    .filter(isUnit)
    .filter((u) => u.overdue > 0)
    .sort((a, b) => b.overdue - a.overdue || a.unit_code.localeCompare(b.unit_code));
}

function onlineRatio(m: Metrics): string | null {
  const o = m.online;
  if (!o || o.online_ratio === null) return null;
  const parts = [`Tỷ lệ hồ sơ tiếp nhận trực tuyến đạt ${pct(o.online_ratio)}`];
  const d = o.delta.online_ratio;
  let trend = 0;
  if (d !== null) {
    trend = Math.sign(round1pp(d));
    const since = sameTimeLastYear(m.period.id);
    parts.push(trend === 0 ? `, bằng ${since}` : `, ${trend > 0 ? 'tăng' : 'giảm'} ${ppText(d)} so với ${since}`);
  }
  const target = o.target?.online_ratio ?? null;
  if (target !== null) {
    const gap = o.online_ratio - target;
    const side = Math.sign(round1pp(gap));
    // "nhưng" when the trend and the position against the target pull in opposite directions.
    const link = d === null ? ',' : trend !== 0 && side !== 0 && trend !== side ? ' nhưng' : ' và';
    parts.push(
      side === 0
        ? `${link} đạt chỉ tiêu ${pctTarget(target)}`
        : `${link} ${side < 0 ? 'thấp hơn' : 'vượt'} chỉ tiêu ${pctTarget(target)} ${side < 0 ? 'là ' : ''}${ppText(gap)}`,
    );
  }
  const full = fullOnline(o);
  if (full !== null) {
    const prev = fullOnline(o.previous);
    const change = prev === null ? 0 : Math.sign(round1pp(full - prev));
    parts.push(
      `; tỷ lệ hồ sơ trực tuyến toàn trình đạt ${pct(full)}${prev === null ? '' : change === 0 ? ', bằng cùng kỳ' : `, ${change > 0 ? 'tăng' : 'giảm'} ${ppText(full - prev)}`}`,
    );
  }
  return parts.join('') + '.';
}

/** The differences are printed to 0.1 point; a trend that rounds to 0 reads as "bằng". */
function round1pp(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/**
 * The rank change to state, or null: metrics.md makes rank_delta null across different
 * denominators (63 provinces before 1 July 2025, 34 after); a series that shows the two
 * denominators differ is not compared either, whatever rank_delta says.
 */
export function rankChange(i: IndexMetric): number | null {
  const prev = i.series.length > 1 ? i.series[i.series.length - 2]! : null;
  if (prev && prev.period === i.prev_period && prev.rank_of !== null && prev.rank_of !== i.rank_of) return null;
  return i.rank_delta;
}

/** The scope's own TOTAL scores, in the order of section III. */
export function headlineIndices(m: Metrics): IndexMetric[] {
  return m.indices
    .filter((i) => i.unit_code === m.scope.unit_code && i.component === 'TOTAL')
    .sort((a, b) => indexRank(a.index_code) - indexRank(b.index_code) || a.index_code.localeCompare(b.index_code));
}

function indexRank(code: string): number {
  const i = INDEX_ORDER.indexOf(code);
  return i < 0 ? INDEX_ORDER.length : i;
}

/** `Chỉ số PAPI`, and `Chỉ số 766` rather than "Chỉ số Chỉ số 766". */
const indexNamed = (code: string) =>
  indexShort(code).startsWith('Chỉ số') ? indexShort(code) : `Chỉ số ${indexShort(code)}`;

function indexFinding(i: IndexMetric): string {
  let s = `${indexNamed(i.index_code)} ${periodName(i.period)} đạt ${score(i.score)} điểm`;
  if (i.delta !== null && i.prev_period !== null) {
    const d = Math.round(i.delta * 100) / 100;
    s +=
      d === 0
        ? `, bằng ${periodName(i.prev_period)}`
        : `, ${d > 0 ? 'tăng' : 'giảm'} ${score(Math.abs(d))} điểm so với ${periodName(i.prev_period)}`;
  }
  if (i.rank !== null && i.rank_of !== null) {
    s += `; xếp hạng ${int(i.rank)}/${int(i.rank_of)}`;
    const r = rankChange(i);
    if (r !== null) s += r === 0 ? ', giữ nguyên thứ hạng' : `, ${r > 0 ? 'tăng' : 'giảm'} ${int(Math.abs(r))} bậc`;
  }
  return s + '.';
}

function criteriaFinding(m: Metrics, names: UnitNames): string | null {
  const own = m.criteria.find((c) => c.unit_code === m.scope.unit_code);
  if (own) return `Bộ chỉ số CCHC năm ${own.year}: ${criteriaSummary(own)}.`;
  if (m.criteria.length === 0) return null;
  const sorted = [...m.criteria].sort((a, b) => a.rank - b.rank || a.unit_code.localeCompare(b.unit_code));
  const best = sorted[0]!;
  const worst = sorted[sorted.length - 1]!;
  let s = `Bộ chỉ số CCHC năm ${best.year}: ${int(m.criteria.length)} đơn vị đã tự đánh giá; cao nhất ${names.name(best.unit_code)} (${num(best.points)}/${num(best.max_points)} điểm)`;
  if (worst !== best)
    s += `, thấp nhất ${names.name(worst.unit_code)} (${num(worst.points)}/${num(worst.max_points)} điểm)`;
  const risk = riskPerUnit(m);
  if (risk) s += `; ${risk}`;
  return s + '.';
}

/**
 * `bình quân mỗi đơn vị 35,37/60 điểm có nguy cơ không đạt` over several units (a sum over units
 * of their own 60 points reads as no figure), `15,5/60 điểm …` for one; null when nothing is at
 * risk or metrics.json predates `points_at_risk_per_unit`.
 */
function riskPerUnit(m: Metrics): string | null {
  const t = m.criteria_totals;
  const entry = m.criteria[0];
  if (!t || !entry || t.points_at_risk <= 0 || t.points_at_risk_per_unit === undefined) return null;
  const points = `${num(t.points_at_risk_per_unit)}/${num(entry.max_points)} điểm có nguy cơ không đạt`;
  return t.units === 1 ? points : `bình quân mỗi đơn vị ${points}`;
}

/** `đạt 27/42 tiêu chí (39,67/60 điểm); 12 tiêu chí đang thực hiện, 15,5 điểm có nguy cơ không đạt`. */
export function criteriaSummary(c: CriteriaCounts): string {
  const s = `đạt ${int(c.achieved)}/${int(c.total)} tiêu chí (${num(c.points)}/${num(c.max_points)} điểm)`;
  const pending = [
    c.in_progress > 0 ? `${int(c.in_progress)} tiêu chí đang thực hiện` : null,
    c.not_due > 0 ? `${int(c.not_due)} tiêu chí chưa đến hạn` : null,
    c.points_at_risk > 0 ? `${num(c.points_at_risk)} điểm có nguy cơ không đạt` : null,
  ].filter(Boolean);
  return pending.length ? `${s}; ${pending.join(', ')}` : s;
}

/** The look-ahead of `due_soon`: metrics.json says it (`tasks.due_soon_days`); older files meant 14. */
export function dueSoonDays(m: Metrics): number {
  const d = m.tasks.due_soon_days;
  return typeof d === 'number' ? d : 14;
}

/** Section VI: what the figures ask of whom. */
export function recommendations(m: Metrics, names: UnitNames): string[] {
  const out: string[] = [];
  const late = worstOverdue(m);
  if (late.length > 0) {
    const one = scopeIsOneUnit(m);
    const shown = late
      .slice(0, 5)
      .map((u) => (one ? names.name(u.unit_code) : `${names.name(u.unit_code)} (${int(u.overdue)})`));
    const who = andOthers(shown, late.length, 'đơn vị');
    out.push(
      `Đề nghị ${who} khẩn trương hoàn thành ${int(m.tasks.overdue)} nhiệm vụ quá hạn, báo cáo rõ nguyên nhân chậm trễ và thời hạn hoàn thành.`,
    );
  }
  if (m.tasks.due_soon > 0) {
    out.push(
      `Các cơ quan, đơn vị chủ động hoàn thành đúng hạn ${int(m.tasks.due_soon)} nhiệm vụ đến hạn trong ${int(dueSoonDays(m))} ngày tới.`,
    );
  }
  const gap = onlineGap(m, names);
  if (gap) out.push(gap);
  const risk = criteriaRisk(m);
  if (risk) out.push(risk);
  for (const i of headlineIndices(m).filter((x) => x.improved === false || (rankChange(x) ?? 0) < 0)) {
    out.push(
      `Sở Nội vụ chủ trì, phối hợp các cơ quan liên quan phân tích nguyên nhân ${
        i.delta !== null && i.delta < 0 ? 'giảm điểm' : 'giảm thứ hạng'
      } ${indexNamed(i.index_code)} ${periodName(i.period)}, đề xuất giải pháp cải thiện các chỉ số thành phần.`,
    );
  }
  if (out.length === 0) out.push('Các cơ quan, đơn vị tiếp tục duy trì và nâng cao kết quả đạt được.');
  return out;
}

function onlineGap(m: Metrics, names: UnitNames): string | null {
  const o = m.online;
  const target = o?.target?.online_ratio ?? null;
  if (!o || o.online_ratio === null || target === null || o.online_ratio >= target) return null;
  const lowest = o.by_unit
    .filter(isUnit)
    .filter((u) => u.online_ratio !== null && u.online_ratio < target && u.received > 0)
    .sort((a, b) => a.online_ratio! - b.online_ratio! || a.unit_code.localeCompare(b.unit_code))
    .slice(0, 3)
    .map((u) => `${names.name(u.unit_code)} (${pct(u.online_ratio!)})`);
  const first = lowest.length > 0 && !scopeIsOneUnit(m) ? `, trước hết tại ${joinVi(lowest)}` : '';
  return `Đẩy mạnh tiếp nhận hồ sơ trực tuyến để đạt chỉ tiêu ${pctTarget(target)} (hiện đạt ${pct(o.online_ratio)})${first}.`;
}

/** From metrics.json `criteria_totals` (added up in SQL); an older file without it gets no such line. */
function criteriaRisk(m: Metrics): string | null {
  const totals = m.criteria_totals;
  const risk = riskPerUnit(m);
  if (!totals || !risk) return null;
  const top = totals.by_area
    .filter((a) => a.points_at_risk > 0)
    .sort((a, b) => b.points_at_risk - a.points_at_risk || a.area.localeCompare(b.area))
    .slice(0, 2);
  const areas = top.length
    ? `, nhất là ${joinVi(top.map((a) => areaName(a.area).replace(/^./, (c) => c.toLowerCase())))}`
    : '';
  return `Tập trung thực hiện các tiêu chí đang thực hiện và chưa đến hạn của Bộ chỉ số CCHC (${risk})${areas}.`;
}

/** `A`, `A và B`, `A, B và C`. */
export function joinVi(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} và ${items[items.length - 1]}`;
}

/** `A, B, C và 100 đơn vị khác`: the `shown` first of `total`, the rest as a count of `noun`. */
export function andOthers(shown: string[], total: number, noun: string): string {
  if (total <= shown.length) return joinVi(shown);
  return `${shown.join(', ')} và ${int(total - shown.length)} ${noun} khác`;
}
