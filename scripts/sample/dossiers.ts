import { addDays, daysInMonth, monthsBetween, toDays } from './dates.ts';
import { rng, type Rng } from './rng.ts';
import {
  MERGED_PROVINCE,
  NEW_START,
  OLD_KIEN_GIANG,
  PROVINCE_END,
  STATS_COMMUNES,
  newCommunes,
  unitOn,
  type LineageRow,
} from './units.ts';

/** Dossiers are resolved up to the day the sample ends; later ones are still open. */
export const CUTOFF = '2026-11-30';
/**
 * The old provinces' dossiers were first drawn with the sample ending on their last day. Those
 * still open then keep every draw (so figures up to 30/6/2025 stay as reviewed) and are resolved
 * by the successor afterwards, paid offline.
 */
const OLD_CUTOFF = PROVINCE_END;

/**
 * The three bodies of dossiers: old An Giang and old Kiên Giang until 30/6/2025, the new province
 * from 1/7/2025. Each is calibrated on its own, so adding one never moves another's figures.
 */
export type Province = 'AG' | typeof OLD_KIEN_GIANG | typeof MERGED_PROVINCE;
export const MONTHS: Record<Province, [first: string, last: string]> = {
  AG: ['2023-01', '2025-06'],
  KG: ['2023-01', '2025-06'],
  AGM: ['2025-07', '2026-11'],
};

/**
 * Online ratio per province and year (received online / received, dossiers and dossier_stats
 * together). AG 2024 is the figure of seed 003 ("chỉ đạt 43%"); every other value is synthetic and
 * tells the trend around it: Kiên Giang a little ahead, the new province climbing towards the targets.
 */
export const TARGET_ONLINE_RATIO: Record<Province, Record<number, number>> = {
  AG: { 2023: 0.3, 2024: 0.43, 2025: 0.6 },
  KG: { 2023: 0.34, 2024: 0.47, 2025: 0.62 },
  AGM: { 2025: 0.68, 2026: 0.77 },
};
/** Share of online dossiers handled online end to end (toàn trình), by year; the new province only. */
const FULLY_ONLINE: Record<number, number> = { 2025: 0.42, 2026: 0.55 };

/**
 * A receiving unit: monthly volume, its lean towards online filing (a logit offset: business
 * registration near-all online, remote rural districts far behind), and its share of late decisions.
 */
interface Line {
  code: string;
  volume: number;
  bias: number;
  late: number;
  pool: 'district' | 'commune' | 'department' | 'new-commune';
}

const AG_LINES: Line[] = [
  { code: 'AG.LX', volume: 950, bias: 0.55, late: 0.03, pool: 'district' },
  { code: 'AG.CD', volume: 520, bias: 0.35, late: 0.04, pool: 'district' },
  { code: 'AG.TC', volume: 470, bias: -0.1, late: 0.05, pool: 'district' },
  { code: 'AG.TB', volume: 430, bias: -0.45, late: 0.06, pool: 'district' },
  { code: 'AG.AP', volume: 380, bias: -1.05, late: 0.08, pool: 'district' },
  { code: 'AG.CP', volume: 620, bias: -0.35, late: 0.05, pool: 'district' },
  { code: 'AG.CT', volume: 450, bias: 0.0, late: 0.05, pool: 'district' },
  { code: 'AG.CM', volume: 780, bias: -0.2, late: 0.04, pool: 'district' },
  { code: 'AG.PT', volume: 460, bias: -0.6, late: 0.06, pool: 'district' },
  { code: 'AG.TS', volume: 520, bias: -0.15, late: 0.04, pool: 'district' },
  { code: 'AG.TT', volume: 400, bias: -1.2, late: 0.09, pool: 'district' },
  { code: 'AG.CT.XAC', volume: 180, bias: -0.4, late: 0.03, pool: 'commune' },
  { code: 'AG.CT.XBH', volume: 120, bias: -0.9, late: 0.04, pool: 'commune' },
  { code: 'AG.CT.XCD', volume: 110, bias: -1.1, late: 0.05, pool: 'commune' },
  { code: 'AG.CT.XVH', volume: 100, bias: -0.8, late: 0.04, pool: 'commune' },
  { code: 'AG.CT.XVB', volume: 110, bias: -1.0, late: 0.04, pool: 'commune' },
  { code: 'AG.CT.XHBT', volume: 95, bias: -1.3, late: 0.05, pool: 'commune' },
  { code: 'AG.SKHDT', volume: 650, bias: 2.2, late: 0.01, pool: 'department' },
  { code: 'AG.STP', volume: 520, bias: 0.7, late: 0.02, pool: 'department' },
  { code: 'AG.STNMT', volume: 700, bias: -0.3, late: 0.09, pool: 'department' },
  { code: 'AG.SGTVT', volume: 600, bias: 0.2, late: 0.02, pool: 'department' },
  { code: 'AG.SXD', volume: 140, bias: 0.6, late: 0.05, pool: 'department' },
  { code: 'AG.SYT', volume: 180, bias: 0.9, late: 0.03, pool: 'department' },
  { code: 'AG.SGDDT', volume: 120, bias: 1.0, late: 0.02, pool: 'department' },
  { code: 'AG.SLDTBXH', volume: 260, bias: 0.3, late: 0.04, pool: 'department' },
  { code: 'AG.SCT', volume: 130, bias: 1.4, late: 0.02, pool: 'department' },
  { code: 'AG.SNNPTNT', volume: 110, bias: 0.5, late: 0.03, pool: 'department' },
  { code: 'AG.SNV', volume: 60, bias: 0.8, late: 0.03, pool: 'department' },
  { code: 'AG.STTTT', volume: 40, bias: 1.8, late: 0.01, pool: 'department' },
  { code: 'AG.SKHCN', volume: 30, bias: 1.5, late: 0.02, pool: 'department' },
];

/** Kiên Giang: district-level reception and its departments (synthetic volumes). */
const KG_LINES: Line[] = [
  { code: 'KG.RG', volume: 620, bias: 0.5, late: 0.03, pool: 'district' },
  { code: 'KG.PQ', volume: 540, bias: 0.7, late: 0.04, pool: 'district' },
  { code: 'KG.HT', volume: 190, bias: 0.1, late: 0.04, pool: 'district' },
  { code: 'KG.KL', volume: 220, bias: -0.4, late: 0.05, pool: 'district' },
  { code: 'KG.HD', volume: 300, bias: -0.5, late: 0.06, pool: 'district' },
  { code: 'KG.TH', volume: 230, bias: -0.2, late: 0.04, pool: 'district' },
  { code: 'KG.CT', volume: 260, bias: -0.1, late: 0.05, pool: 'district' },
  { code: 'KG.GR', volume: 310, bias: -0.7, late: 0.07, pool: 'district' },
  { code: 'KG.GQ', volume: 240, bias: -0.8, late: 0.06, pool: 'district' },
  { code: 'KG.AB', volume: 220, bias: -0.9, late: 0.07, pool: 'district' },
  { code: 'KG.AM', volume: 200, bias: -1.0, late: 0.08, pool: 'district' },
  { code: 'KG.VT', volume: 170, bias: -0.9, late: 0.06, pool: 'district' },
  { code: 'KG.KH', volume: 60, bias: -1.3, late: 0.09, pool: 'district' },
  { code: 'KG.UMT', volume: 150, bias: -1.1, late: 0.07, pool: 'district' },
  { code: 'KG.GT', volume: 110, bias: -1.2, late: 0.08, pool: 'district' },
  { code: 'KG.SKHDT', volume: 420, bias: 2.0, late: 0.01, pool: 'department' },
  { code: 'KG.STP', volume: 330, bias: 0.8, late: 0.02, pool: 'department' },
  { code: 'KG.STNMT', volume: 480, bias: -0.2, late: 0.08, pool: 'department' },
  { code: 'KG.SGTVT', volume: 380, bias: 0.3, late: 0.03, pool: 'department' },
  { code: 'KG.SXD', volume: 110, bias: 0.5, late: 0.05, pool: 'department' },
  { code: 'KG.SYT', volume: 130, bias: 0.9, late: 0.03, pool: 'department' },
  { code: 'KG.SLDTBXH', volume: 170, bias: 0.4, late: 0.04, pool: 'department' },
  { code: 'KG.SCT', volume: 90, bias: 1.3, late: 0.02, pool: 'department' },
];

/** Communes of the new province that report only monthly totals: the two island đặc khu. */
export const NEW_STATS_COMMUNES = ['AGM.31105', 'AGM.31108'];

/**
 * The new province: its departments, and every commune, phường and đặc khu receiving what districts
 * and communes used to (volumes and leanings synthetic, drawn per commune; phường busier and more online).
 */
function agmLines(): Line[] {
  const departments: Line[] = [
    { code: 'AGM.STC', volume: 1050, bias: 2.0, late: 0.01, pool: 'department' },
    { code: 'AGM.STP', volume: 820, bias: 0.9, late: 0.02, pool: 'department' },
    { code: 'AGM.SNNMT', volume: 1150, bias: -0.1, late: 0.07, pool: 'department' },
    { code: 'AGM.SXD', volume: 950, bias: 0.4, late: 0.03, pool: 'department' },
    { code: 'AGM.SYT', volume: 300, bias: 1.0, late: 0.03, pool: 'department' },
    { code: 'AGM.SGDDT', volume: 130, bias: 1.1, late: 0.02, pool: 'department' },
    { code: 'AGM.SNV', volume: 420, bias: 0.6, late: 0.03, pool: 'department' },
    { code: 'AGM.SCT', volume: 210, bias: 1.4, late: 0.02, pool: 'department' },
    { code: 'AGM.SKHCN', volume: 90, bias: 1.6, late: 0.02, pool: 'department' },
    { code: 'AGM.SVHTTDL', volume: 60, bias: 0.8, late: 0.03, pool: 'department' },
  ];
  const communes = newCommunes().map(({ code, type }): Line => {
    const r = rng(`line:${code}`);
    const [lo, hi, b] = type === 'Phường' ? [110, 220, 0.5] : type === 'Đặc khu' ? [40, 90, 0.0] : [45, 110, -0.4];
    const volume = code === 'AGM.31078' ? 420 : r.int(lo, hi); // Đặc khu Phú Quốc: the old city's whole caseload
    return { code, volume, bias: b + (r.next() - 0.5) * 1.6, late: 0.02 + r.next() * 0.06, pool: 'new-commune' };
  });
  return [...departments, ...communes];
}

/** Volume by month: the Tết dip (late January 2023 and 2025, February 2024) and the year-end rush. */
const SEASON: Record<string, number> = {
  '01': 1.0,
  '02': 0.9,
  '03': 1.02,
  '04': 0.97,
  '05': 1.0,
  '06': 1.02,
  '07': 1.0,
  '08': 1.03,
  '09': 0.98,
  '10': 1.02,
  '11': 1.05,
  '12': 1.12,
};
const TET: Record<string, number> = {
  '2023-01': 0.78,
  '2024-02': 0.76,
  '2025-01': 0.85,
  '2025-02': 0.88,
  '2026-02': 0.8,
};
const GROWTH: Record<number, number> = { 2023: 1.0, 2024: 1.06, 2025: 1.1, 2026: 1.14 };
const PAID_ONLINE: Record<number, number> = { 2023: 0.22, 2024: 0.38, 2025: 0.55, 2026: 0.66 };

interface Procedure {
  code: string;
  days: number;
  fee: boolean;
}

/** A fixed set of procedures per kind of unit, with codes shaped like the national catalogue's. */
function procedures(pool: Line['pool']): Procedure[] {
  const r = rng(`procedures:${pool}`);
  const days = [1, 2, 3, 5, 7, 10, 15, 20, 30];
  return Array.from({ length: pool === 'commune' ? 10 : pool === 'new-commune' ? 20 : 16 }, () => ({
    code: `${r.pick(['1', '2'])}.00${r.int(1000, 9999)}`,
    days: r.pick(days),
    fee: r.chance(0.55),
  }));
}

interface Cell {
  province: Province;
  line: Line;
  month: string;
  year: number;
  n: number;
  /** Online lean before the year's calibration shift. */
  logit: number;
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

function cells(province: Province, lines: readonly Line[]): Cell[] {
  const months = monthsBetween(...MONTHS[province]);
  return months.flatMap((month) => {
    const year = Number(month.slice(0, 4));
    const mi = Number(month.slice(5)) - 1;
    return lines.map((line) => {
      const r = rng(`cell:${line.code}:${month}`);
      const n = Math.round(
        line.volume * SEASON[month.slice(5)]! * (TET[month] ?? 1) * GROWTH[year]! * (0.92 + r.next() * 0.16),
      );
      // Online filing climbs through each year (campaigns, the 766 targets) and jitters month to month.
      const logit = line.bias + (mi - 5.5) * 0.045 + (r.next() - 0.5) * 0.3;
      return { province, line, month, year, n, logit };
    });
  });
}

/** The shift per year that brings the volume-weighted online share to its target (bisection). */
function calibrate(all: Cell[], targets: Record<number, number>): Map<number, number> {
  const shifts = new Map<number, number>();
  for (const [y, target] of Object.entries(targets)) {
    const yc = all.filter((c) => c.year === Number(y));
    const total = yc.reduce((s, c) => s + c.n, 0);
    let lo = -6;
    let hi = 6;
    for (let i = 0; i < 60; i++) {
      const mid = (lo + hi) / 2;
      const share = yc.reduce((s, c) => s + c.n * sigmoid(c.logit + mid), 0) / total;
      if (share < target) lo = mid;
      else hi = mid;
    }
    shifts.set(Number(y), (lo + hi) / 2);
  }
  return shifts;
}

export interface DossierPlan {
  cells: (Cell & { online: number })[];
}

/** Volumes and online counts for every unit-month; exact counts, so the yearly ratio is hit to rounding. */
export function planDossiers(): DossierPlan {
  const bodies: [Province, Line[]][] = [
    ['AG', AG_LINES],
    [OLD_KIEN_GIANG, KG_LINES],
    [MERGED_PROVINCE, agmLines()],
  ];
  return {
    cells: bodies.flatMap(([province, lines]) => {
      const all = cells(province, lines);
      const shifts = calibrate(all, TARGET_ONLINE_RATIO[province]);
      return all.map((c) => ({ ...c, online: Math.round(c.n * sigmoid(c.logit + shifts.get(c.year)!)) }));
    }),
  };
}

const reportsTotals = (code: string) => STATS_COMMUNES.includes(code) || NEW_STATS_COMMUNES.includes(code);

function shuffle<T>(r: Rng, xs: T[]): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(r.next() * (i + 1));
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
  return xs;
}

function weekday(iso: string): number {
  return new Date(iso + 'T00:00:00Z').getUTCDay();
}

/** Calendar days for `workdays` working days, skipping weekends (public holidays are ignored). */
function addWorkdays(iso: string, workdays: number): string {
  let d = iso;
  let left = workdays;
  while (left > 0) {
    d = addDays(d, 1);
    const w = weekday(d);
    if (w !== 0 && w !== 6) left--;
  }
  return d;
}

export interface DossierRow {
  dossier_id: string;
  unit_code: string;
  procedure_code: string;
  channel: 'online' | 'direct' | 'postal';
  online_eligible: boolean;
  received_on: string;
  due_on: string;
  resolved_on: string | null;
  paid_online: boolean;
  /** Known for the new province only: the old systems did not record it. */
  fully_online: boolean | null;
}

/** Record-level dossiers of one year, in a stable order. */
export function dossiersOfYear(plan: DossierPlan, year: number, lineage: readonly LineageRow[]): DossierRow[] {
  const rows: DossierRow[] = [];
  const seq = new Map<string, number>();
  const pools = {
    district: procedures('district'),
    commune: procedures('commune'),
    department: procedures('department'),
    'new-commune': procedures('new-commune'),
  };
  for (const c of plan.cells) {
    if (c.year !== year || reportsTotals(c.line.code)) continue;
    const r = rng(`dossiers:${c.line.code}:${c.month}`);
    // Some procedures are not offered online; every online dossier is of one that is.
    const eligibleOffline = Math.round((c.n - c.online) * (0.35 + 0.1 * (year - 2023) + r.next() * 0.1));
    const kinds = shuffle(r, [
      ...Array<'online'>(c.online).fill('online'),
      ...Array<'eligible'>(eligibleOffline).fill('eligible'),
      ...Array<'offline'>(c.n - c.online - eligibleOffline).fill('offline'),
    ]);
    const [y, m] = c.month.split('-').map(Number) as [number, number];
    const lateRate = c.line.late * (1.15 - 0.15 * (year - 2023));
    for (const kind of kinds) {
      const proc = r.pick(pools[c.line.pool]);
      let received: string;
      do received = `${c.month}-${String(r.int(1, daysInMonth(y, m))).padStart(2, '0')}`;
      while (kind !== 'online' && [0, 6].includes(weekday(received)));
      const due = addWorkdays(received, proc.days);
      const late = r.chance(lateRate);
      const stuck = r.chance(0.004);
      const resolvedAt = late ? addDays(due, r.int(1, 25)) : addDays(received, r.int(0, dayDiff(received, due)));
      const drawnCutoff = received < NEW_START ? OLD_CUTOFF : CUTOFF;
      const resolvedInDraw = stuck || resolvedAt > drawnCutoff ? null : resolvedAt;
      const resolved = stuck || resolvedAt > CUTOFF ? null : resolvedAt;
      const online = kind === 'online';
      const unit = unitOn(lineage, c.line.code, received);
      const key = `${unit}-${c.month.replace('-', '')}`;
      const n = (seq.get(key) ?? 0) + 1;
      seq.set(key, n);
      rows.push({
        dossier_id: `${key}-${String(n).padStart(5, '0')}`,
        unit_code: unit,
        procedure_code: proc.code,
        channel: online ? 'online' : r.chance(0.04) ? 'postal' : 'direct',
        online_eligible: kind !== 'offline',
        received_on: received,
        due_on: due,
        resolved_on: resolved,
        paid_online: resolvedInDraw !== null && proc.fee && r.chance(online ? PAID_ONLINE[year]! : 0.06),
        // Drawn last, so the old provinces' streams (and their reviewed figures) are as before.
        fully_online: received < NEW_START ? null : online && r.chance(FULLY_ONLINE[year]! + c.line.bias * 0.05),
      });
    }
  }
  return rows;
}

/** Monthly totals of the communes that report only totals. */
export function dossierStats(plan: DossierPlan): Record<string, string | number | null>[] {
  return plan.cells
    .filter((c) => reportsTotals(c.line.code))
    .map((c) => {
      const r = rng(`stats:${c.line.code}:${c.month}`);
      const resolved = Math.round(c.n * (0.94 + r.next() * 0.05));
      return {
        unit_code: c.line.code,
        month: c.month,
        received: c.n,
        received_online: c.online,
        resolved,
        resolved_on_time: Math.round(resolved * (1 - c.line.late * (1 + r.next()))),
        received_fully_online: c.province === MERGED_PROVINCE ? Math.round(c.online * FULLY_ONLINE[c.year]!) : null,
      };
    })
    .sort((a, b) => (a.unit_code === b.unit_code ? (a.month < b.month ? -1 : 1) : a.unit_code < b.unit_code ? -1 : 1));
}

function dayDiff(a: string, b: string): number {
  return toDays(b) - toDays(a);
}
