import { addDays, toDays } from './dates.ts';
import { DOCUMENTS, type DocumentSpec, type Group, type TaskSpec } from './notices.ts';
import { rng, type Rng } from './rng.ts';
import {
  COMMUNE_CODES,
  DISTRICT_CODES,
  KG_DISTRICT_CODES,
  MERGED_PROVINCE,
  PROVINCE_END,
  unitOn,
  type LineageRow,
  type Unit,
} from './units.ts';

/** The last day the sample describes: nothing is completed or cancelled after it. */
export const HORIZON = '2026-11-30';
/**
 * Outcomes of the old provinces' tasks were first drawn up to their last day; those still open then
 * may be finished by the successor afterwards (a second, separate draw, so old figures stay as they were).
 */
const OLD_HORIZON = PROVINCE_END;

/**
 * Members of the provincial steering committee named in seed 002 (line 27). "Các sở, ban, ngành"
 * expands to these rather than to every department: they are the agencies the committee follows
 * such group tasks through, and a row per department for every exhortation would drown the named tasks.
 */
const STEERING_MEMBERS = ['AG.SNV', 'AG.STTTT', 'AG.STC', 'AG.VP', 'AG.SKHDT', 'AG.STP', 'AG.SKHCN'];
const KG_STEERING_MEMBERS = STEERING_MEMBERS.map((c) => c.replace(/^AG\./, 'KG.'));
/** The new province's departments that receive dossiers, the usual addressees of "các sở, ban, ngành". */
const NEW_DEPARTMENTS = ['VP', 'SNV', 'STP', 'STC', 'SNNMT', 'SXD', 'SYT', 'SGDDT', 'SCT', 'SKHCN', 'SVHTTDL'].map(
  (s) => `${MERGED_PROVINCE}.${s}`,
);

export interface TaskRow {
  task_id: string;
  doc_no: string;
  lead_unit: string;
  support_units: string | null;
  title: string;
  area: string;
  index_code: string | null;
  assigned_on: string;
  due_on: string | null;
  completed_on: string | null;
  cancelled_on: string | null;
  /** Provenance for data/README.md; not a column of tasks.csv. */
  seed: string | null;
  line: number | null;
}

/** How a notice's tasks turned out, for those without a hand-set outcome. */
interface Policy {
  onTime: number;
  late: number;
  /** Share of tasks without a deadline that were reported done. */
  doneWithoutDue: number;
}
const POLICIES: Record<string, Policy> = {
  // 2018: long closed; every task with a deadline was done, a quarter of them late.
  '270': { onTime: 0.72, late: 0.28, doneWithoutDue: 0.55 },
  BCD18: { onTime: 0.72, late: 0.28, doneWithoutDue: 0.55 },
  // The district's year-end push: most on time, some late, a few still open a year on.
  CT23: { onTime: 0.6, late: 0.3, doneWithoutDue: 0.5 },
  '317': { onTime: 0.6, late: 0.3, doneWithoutDue: 0.4 },
  GL01: { onTime: 0.65, late: 0.27, doneWithoutDue: 0.4 },
  '208': { onTime: 0.5, late: 0.2, doneWithoutDue: 0.3 },
  // Synthetic: the Kiên Giang review of 2024, and the new province's notices.
  GLKG: { onTime: 0.45, late: 0.25, doneWithoutDue: 0.3 },
  GL02: { onTime: 0.55, late: 0.3, doneWithoutDue: 0.5 },
  GL03: { onTime: 0.6, late: 0.25, doneWithoutDue: 0.4 },
  GL04: { onTime: 0.55, late: 0.2, doneWithoutDue: 0.3 },
};
/** Share of an old province's tasks open on 30/6/2025 that its successor later finished. */
const INHERITED_DONE = 0.55;

function expand(group: Group, date: string, lineage: readonly LineageRow[], units: readonly Unit[]): string[] {
  const current = (codes: readonly string[]) => [...new Set(codes.map((c) => unitOn(lineage, c, date)))];
  const newCommunes = () =>
    units.filter((u) => u.kind === 'commune' && u.parent_code === MERGED_PROVINCE).map((u) => u.unit_code);
  switch (group) {
    case 'districts':
      return [...DISTRICT_CODES];
    case 'steering_members':
      return current(STEERING_MEMBERS);
    case 'departments+districts':
      return [...current(STEERING_MEMBERS), ...DISTRICT_CODES];
    case 'communes':
      return [...COMMUNE_CODES];
    case 'kg_departments+districts':
      return [...current(KG_STEERING_MEMBERS), ...KG_DISTRICT_CODES];
    case 'new_departments':
      return [...NEW_DEPARTMENTS];
    case 'new_communes':
      return newCommunes();
    case 'new_departments+communes':
      return [...NEW_DEPARTMENTS, ...newCommunes()];
  }
}

function drawOutcome(
  r: Rng,
  p: Policy,
  assigned: string,
  due: string | null,
  horizon: string,
): Pick<TaskRow, 'completed_on' | 'cancelled_on'> {
  let completed: string | null = null;
  const u = r.next();
  if (due) {
    const slack = Math.max(0, toDays(due) - toDays(assigned) - 1);
    if (u < p.onTime) completed = addDays(due, -r.int(0, Math.min(10, slack)));
    else if (u < p.onTime + p.late) completed = addDays(due, r.int(2, 45));
  } else if (u < p.doneWithoutDue) {
    completed = addDays(assigned, r.int(20, 160));
  }
  return { completed_on: completed && completed <= horizon ? completed : null, cancelled_on: null };
}

function outcomeOf(spec: TaskSpec, doc: DocumentSpec, taskId: string): Pick<TaskRow, 'completed_on' | 'cancelled_on'> {
  const o = spec.outcome;
  if (o === 'open') return { completed_on: null, cancelled_on: null };
  if (o && 'completed' in o) return { completed_on: o.completed, cancelled_on: null };
  if (o && 'cancelled' in o) return { completed_on: null, cancelled_on: o.cancelled };
  const old = doc.issued_on <= OLD_HORIZON;
  const first = drawOutcome(
    rng(`task:${taskId}`),
    POLICIES[doc.key]!,
    doc.issued_on,
    spec.due ?? null,
    old ? OLD_HORIZON : HORIZON,
  );
  if (!old || first.completed_on) return first;
  const r = rng(`task-inherited:${taskId}`);
  return r.chance(INHERITED_DONE) ? { completed_on: addDays(OLD_HORIZON, r.int(20, 420)), cancelled_on: null } : first;
}

/** One row per task and lead unit; ids `T<doc>-<nn>` with the lead's last code segment when a task has several. */
export function buildTasks(units: readonly Unit[], lineage: readonly LineageRow[]): TaskRow[] {
  const rows: TaskRow[] = [];
  for (const doc of DOCUMENTS) {
    doc.tasks.forEach((spec, i) => {
      const leads =
        typeof spec.leads === 'string' ? expand(spec.leads, doc.issued_on, lineage, units) : [...spec.leads];
      const base = `T${doc.key}-${String(i + 1).padStart(2, '0')}`;
      for (const lead of leads) {
        const taskId = leads.length === 1 ? base : `${base}-${lead.split('.').pop()}`;
        rows.push({
          task_id: taskId,
          doc_no: doc.doc_no,
          lead_unit: lead,
          support_units: spec.support?.filter((s) => s !== lead).join(';') || null,
          title: spec.title,
          area: spec.area,
          index_code: spec.index ?? null,
          assigned_on: doc.issued_on,
          due_on: spec.due ?? null,
          ...outcomeOf(spec, doc, taskId),
          seed: spec.seed,
          line: spec.line,
        });
      }
    });
  }
  return rows;
}

export function buildDocuments(): Record<string, string | null>[] {
  return DOCUMENTS.map(({ doc_no, doc_type, issued_on, meeting_on, issuer_code, signer, title }) => ({
    doc_no,
    doc_type,
    issued_on,
    meeting_on,
    issuer_code,
    signer,
    title,
  }));
}
