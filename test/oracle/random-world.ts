/**
 * Seeded random merged provinces, for the oracle to check the engine on worlds nobody wrote by hand:
 * two or three old provinces end on 30/06/2025 and become N; departments merge, a department is
 * renamed before the merger, districts are abolished into N or divided among its communes, old
 * communes merge, divide (some across into the neighbouring province Q) or are forgotten in the
 * lineage; units start mid-year. Tasks, dossiers (with monthly stats on other units), targets,
 * index scores and criteria are spread over 2023–2026 on units while they exist. Everything is a
 * function of the seed, written as CSV so both sides read it like any data folder.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';

const END = '2025-06-30';
const START = '2025-07-01';
const FIRST = '2023-01-01';
const LAST = '2026-11-30';

interface Unit {
  code: string;
  kind: 'province' | 'department' | 'district' | 'commune';
  parent: string;
  from: string;
  to: string;
  successor: string;
}

/** mulberry32: small, fast, and the same on every machine. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const chance = (p: number) => next() < p;
  return { next, int, pick, chance };
}

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
const iso = (d: number) => new Date(d * 86_400_000).toISOString().slice(0, 10);

export function randomWorld(seed: number): Record<string, string> {
  const r = rng(seed);
  const units: Unit[] = [];
  const lineage: [string, string, string, string][] = [];
  const add = (u: Partial<Unit> & Pick<Unit, 'code' | 'kind'>) =>
    units.push({ parent: '', from: '', to: '', successor: '', ...u });

  add({ code: 'N', kind: 'province', from: START });
  const newDepts = Array.from({ length: r.int(1, 3) }, (_, i) => `N.D${i + 1}`);
  newDepts.forEach((code) => add({ code, kind: 'department', parent: 'N', from: START }));
  // A department the new province creates later, with rows only from then on.
  if (r.chance(0.5)) add({ code: 'N.DL', kind: 'department', parent: 'N', from: '2026-04-01' });
  const newCommunes = Array.from({ length: r.int(2, 5) }, (_, i) => `N.X${i + 1}`);
  newCommunes.forEach((code) => add({ code, kind: 'commune', parent: 'N', from: START }));
  add({ code: 'Q', kind: 'province' });
  add({ code: 'Q.X0', kind: 'commune', parent: 'Q' });
  add({ code: 'Q.X1', kind: 'commune', parent: 'Q', from: START });

  const olds = Array.from({ length: r.int(2, 3) }, (_, i) => `P${i + 1}`);
  for (const p of olds) {
    add({ code: p, kind: 'province', to: END, successor: 'N' });
    const depts = r.int(1, 3);
    for (let d = 1; d <= depts; d++) {
      const code = `${p}.D${d}`;
      if (d === 1 && r.chance(0.4)) {
        // Renamed on 1 March 2025, then merged: a chain of two steps.
        add({ code, kind: 'department', parent: p, to: '2025-02-28' });
        add({ code: `${code}R`, kind: 'department', parent: p, from: '2025-03-01', to: END });
        lineage.push([code, `${code}R`, '2025-03-01', 'renamed']);
        lineage.push([`${code}R`, r.pick(newDepts), START, 'merged']);
      } else {
        add({ code, kind: 'department', parent: p, from: r.chance(0.2) ? '2024-07-01' : '', to: END });
        lineage.push([code, r.pick(newDepts), START, 'merged']);
      }
    }
    const communesOf = (parent: string, n: number) => {
      for (let x = 1; x <= n; x++) {
        const code = `${parent}.X${x}`;
        const roll = r.next();
        if (roll < 0.1) {
          add({ code, kind: 'commune', parent, to: END }); // forgotten in the lineage
        } else if (roll < 0.3) {
          const [a, b] = [r.pick(newCommunes), r.chance(0.3) ? 'Q.X1' : r.pick(newCommunes)];
          add({ code, kind: 'commune', parent, to: END });
          for (const to of new Set([a, b])) lineage.push([code, to, START, a === b ? 'merged' : 'divided']);
        } else {
          add({ code, kind: 'commune', parent, to: END });
          lineage.push([code, r.pick(newCommunes), START, 'merged']);
        }
      }
    };
    const districts = r.int(1, 2);
    for (let h = 1; h <= districts; h++) {
      const code = `${p}.H${h}`;
      if (r.chance(0.5)) add({ code, kind: 'district', parent: p, to: END, successor: 'N' });
      else {
        add({ code, kind: 'district', parent: p, to: END });
        const onto = new Set([r.pick(newCommunes), r.pick(newCommunes)]);
        for (const to of onto) lineage.push([code, to, START, onto.size > 1 ? 'divided' : 'merged']);
      }
      communesOf(code, r.int(1, 3));
    }
    communesOf(p, r.int(0, 2));
  }

  // A unit's days within the data's span.
  const span = (u: Unit): [number, number] => [
    Math.max(day(FIRST), u.from ? day(u.from) : -Infinity),
    Math.min(day(LAST), u.to ? day(u.to) : Infinity),
  ];
  const dateIn = (u: Unit) => {
    const [a, b] = span(u);
    return iso(r.int(a, b));
  };
  const later = (d: string, max: number) => iso(day(d) + r.int(0, max));

  const tasks: string[] = [];
  for (let i = 1; i <= 80; i++) {
    const u = r.pick(units);
    const assigned = dateIn(u);
    const due = r.chance(0.1) ? '' : later(assigned, 200);
    const end = r.next();
    const completed = end < 0.5 ? later(assigned, 300) : '';
    const cancelled = end > 0.95 ? later(assigned, 100) : '';
    const area = r.pick(['direction', 'procedures', 'digital_government']);
    tasks.push(`T${i},,${u.code},,Task ${i},${area},,${assigned},${due},${completed},${cancelled}`);
  }

  // Units with dossiers and units with monthly stats are kept apart (no month counted twice).
  const statsUnits = new Set(units.filter(() => r.chance(0.25)).map((u) => u.code));
  const dossierUnits = units.filter((u) => !statsUnits.has(u.code));
  const dossiers: string[] = [];
  for (let i = 1; i <= 500; i++) {
    const u = r.pick(dossierUnits);
    const received = dateIn(u);
    const channel = r.pick(['online', 'online', 'direct', 'postal'] as const);
    const eligible = channel === 'online' || r.chance(0.6);
    const due = r.chance(0.2) ? '' : later(received, 20);
    const resolved = r.chance(0.15) ? '' : later(received, 25);
    const paid = r.chance(0.2) ? '' : String(r.chance(0.5));
    const fully = r.chance(0.2) ? '' : String(channel === 'online' && r.chance(0.6));
    dossiers.push(`D${i},${u.code},,${channel},${eligible},${received},${due},${resolved},${paid},${fully}`);
  }
  const stats: string[] = [];
  for (const code of statsUnits) {
    const u = units.find((x) => x.code === code)!;
    const [a, b] = span(u);
    const months = new Set<string>();
    for (let k = 0; k < 6; k++) months.add(iso(r.int(a, b)).slice(0, 7));
    for (const m of months) {
      const received = r.int(0, 40);
      const online = r.int(0, received);
      const resolved = r.int(0, received + 5);
      const fully = r.chance(0.3) ? '' : String(r.int(0, online));
      stats.push(`${code},${m},${received},${online},${resolved},${r.int(0, resolved)},${fully}`);
    }
  }

  const targets = ['online_ratio,2026,N,0.85', 'online_ratio,2026,,0.8', 'online_ratio,2024,,0.5'];
  if (r.chance(0.5)) targets.push(`online_ratio,2025,,0.7`);

  const scores: string[] = [];
  const score = () => (r.int(7000, 9500) / 100).toFixed(2);
  for (const year of [2022, 2023, 2024]) {
    for (const p of olds) scores.push(`PAR_INDEX,${year},${p},TOTAL,${score()},100,${r.int(1, 63)},63`);
    scores.push(`PAR_INDEX,${year},Q,TOTAL,${score()},100,${r.int(1, 63)},63`);
  }
  for (const year of [2025]) {
    scores.push(`PAR_INDEX,${year},N,TOTAL,${score()},100,${r.int(1, 34)},34`);
    scores.push(`PAR_INDEX,${year},Q,TOTAL,${score()},100,${r.int(1, 34)},34`);
  }

  const criteria: string[] = [];
  const results: string[] = [];
  for (const year of [2024, 2025, 2026]) {
    const codes = Array.from({ length: r.int(2, 4) }, (_, i) => `${i + 1}.1`);
    const max = new Map(codes.map((c) => [c, r.pick([1, 1.5, 2, 3])]));
    for (const c of codes) {
      const area = r.pick(['direction', 'procedures', 'digital_government']);
      criteria.push(
        `${year},${c},${area},Tiêu chí ${c},${max.get(c)},,${r.chance(0.3) ? '' : `${year}-${r.pick(['03-31', '06-30', '11-30'])}`}`,
      );
    }
    const standing = units.filter((u) => {
      const [a, b] = span(u);
      return a <= day(`${year}-12-31`) && b >= day(`${year}-01-01`);
    });
    const seen = new Set<string>();
    for (let k = 0; k < 12; k++) {
      const u = r.pick(standing);
      const c = r.pick(codes);
      const [a, b] = span(u);
      const on = iso(r.int(Math.max(a, day(`${year}-01-01`)), Math.min(b, day(`${year}-12-31`))));
      if (seen.has(`${u.code}|${c}|${on}`)) continue;
      seen.add(`${u.code}|${c}|${on}`);
      const status = r.pick(['achieved', 'not_achieved', 'in_progress', 'not_due'] as const);
      const points = status === 'in_progress' || status === 'not_due' ? '' : String(r.int(0, max.get(c)! * 2) / 2);
      results.push(`${year},${u.code},${c},${status},${points},${on}`);
    }
  }

  const csv = (header: string, rows: string[]) => [header, ...rows].join('\n') + '\n';
  return {
    'units.csv': csv(
      'unit_code,name,short_name,kind,parent_code,valid_from,valid_to,successor_code',
      units.map((u) => `${u.code},Đơn vị ${u.code},${u.code},${u.kind},${u.parent},${u.from},${u.to},${u.successor}`),
    ),
    'unit_lineage.csv': csv(
      'from_code,to_code,effective_on,kind',
      lineage.map((l) => l.join(',')),
    ),
    'tasks.csv': csv(
      'task_id,doc_no,lead_unit,support_units,title,area,index_code,assigned_on,due_on,completed_on,cancelled_on',
      tasks,
    ),
    'dossiers.csv': csv(
      'dossier_id,unit_code,procedure_code,channel,online_eligible,received_on,due_on,resolved_on,paid_online,fully_online',
      dossiers,
    ),
    'dossier_stats.csv': csv(
      'unit_code,month,received,received_online,resolved,resolved_on_time,received_fully_online',
      stats,
    ),
    'targets.csv': csv('metric,year,unit_code,target', targets),
    'index_scores.csv': csv('index_code,period,unit_code,component,score,max_score,rank,rank_of', scores),
    'criteria.csv': csv('year,criterion_code,area,title,max_points,lead_unit,due_on', criteria),
    'criteria_results.csv': csv('year,unit_code,criterion_code,status,points,assessed_on', results),
  };
}

/**
 * The cases asked of a world: the default scope and N over periods of every form, old provinces
 * and old units before the merger, new units after it, and some that must be refused.
 */
export function randomCases(seed: number, files: Record<string, string>): [string, string | undefined][] {
  const r = rng(seed ^ 0x5eed);
  const codes = files['units.csv']!.trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(',')[0]!);
  const newUnits = codes.filter((c) => c.startsWith('N.'));
  const oldUnits = codes.filter((c) => /^P\d/.test(c));
  const form = (year: number) =>
    r.pick([
      `${year}`,
      `${year}-Q${r.int(1, 4)}`,
      `${year}-${String(r.int(1, 12)).padStart(2, '0')}`,
      `${year}-9M`,
      `${year}-H${r.int(1, 2)}`,
    ]);
  const cases: [string, string | undefined][] = [];
  for (let k = 0; k < 3; k++) cases.push([form(r.pick([2025, 2026])), 'N']);
  cases.push([form(2026), undefined]);
  cases.push([form(2024), r.pick(codes.filter((c) => /^P\d$/.test(c)))]);
  cases.push([`2025-Q${r.int(1, 2)}`, r.pick(oldUnits)]);
  cases.push([form(2026), r.pick(newUnits)]);
  cases.push([form(r.pick([2024, 2025, 2026])), r.pick(codes)]);
  return cases;
}

export function writeRandomWorld(dir: string, files: Record<string, string>): string {
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}
