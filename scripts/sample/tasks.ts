import { addDays, toDays } from './dates.ts';
import { DOCUMENTS, type DocumentSpec, type Group, type TaskSpec } from './notices.ts';
import { rng, type Rng } from './rng.ts';
import { COMMUNE_CODES, DISTRICT_CODES, unitOn, type Unit } from './units.ts';

/** The last day the sample describes: nothing is completed or cancelled after it. */
export const HORIZON = '2025-06-30';

/**
 * Members of the provincial steering committee named in seed 002 (line 27). "Các sở, ban, ngành"
 * expands to these rather than to every department: they are the agencies the committee follows
 * such group tasks through, and a row per department for every exhortation would drown the named tasks.
 */
const STEERING_MEMBERS = ['AG.SNV', 'AG.STTTT', 'AG.STC', 'AG.VP', 'AG.SKHDT', 'AG.STP', 'AG.SKHCN'];

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
};

function expand(group: Group, date: string, units: readonly Unit[]): string[] {
  const current = (codes: readonly string[]) => [...new Set(codes.map((c) => unitOn(units, c, date)))];
  switch (group) {
    case 'districts':
      return [...DISTRICT_CODES];
    case 'steering_members':
      return current(STEERING_MEMBERS);
    case 'departments+districts':
      return [...current(STEERING_MEMBERS), ...DISTRICT_CODES];
    case 'communes':
      return [...COMMUNE_CODES];
  }
}

function drawOutcome(r: Rng, p: Policy, assigned: string, due: string | null): Pick<TaskRow, 'completed_on' | 'cancelled_on'> {
  let completed: string | null = null;
  const u = r.next();
  if (due) {
    const slack = Math.max(0, toDays(due) - toDays(assigned) - 1);
    if (u < p.onTime) completed = addDays(due, -r.int(0, Math.min(10, slack)));
    else if (u < p.onTime + p.late) completed = addDays(due, r.int(2, 45));
  } else if (u < p.doneWithoutDue) {
    completed = addDays(assigned, r.int(20, 160));
  }
  return { completed_on: completed && completed <= HORIZON ? completed : null, cancelled_on: null };
}

function outcomeOf(spec: TaskSpec, doc: DocumentSpec, taskId: string): Pick<TaskRow, 'completed_on' | 'cancelled_on'> {
  const o = spec.outcome;
  if (o === 'open') return { completed_on: null, cancelled_on: null };
  if (o && 'completed' in o) return { completed_on: o.completed, cancelled_on: null };
  if (o && 'cancelled' in o) return { completed_on: null, cancelled_on: o.cancelled };
  return drawOutcome(rng(`task:${taskId}`), POLICIES[doc.key]!, doc.issued_on, spec.due ?? null);
}

/** One row per task and lead unit; ids `T<doc>-<nn>` with the lead's last code segment when a task has several. */
export function buildTasks(units: readonly Unit[]): TaskRow[] {
  const rows: TaskRow[] = [];
  for (const doc of DOCUMENTS) {
    doc.tasks.forEach((spec, i) => {
      const leads = typeof spec.leads === 'string' ? expand(spec.leads, doc.issued_on, units) : [...spec.leads];
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
