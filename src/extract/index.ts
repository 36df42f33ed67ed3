/**
 * `cchc extract`: a conclusion notice's text → proposed `documents` and `tasks` rows for a person
 * to review. Nothing is guessed silently: every row says where it came from and how sure it is.
 */
import { CliError } from '../errors.ts';
import { toBlocks } from './blocks.ts';
import { fold } from '../text.ts';
import { parseHeader, type Header } from './header.ts';
import { Matcher } from './match.ts';
import { TaskReader, type Proposal } from './tasks.ts';
import { validOn, type Unit } from './units.ts';

export const TASK_COLUMNS = ['task_id', 'doc_no', 'lead_unit', 'support_units', 'title', 'area', 'index_code', 'assigned_on', 'due_on', 'completed_on', 'cancelled_on'] as const;
export const DOCUMENT_COLUMNS = ['doc_no', 'doc_type', 'issued_on', 'meeting_on', 'issuer_code', 'signer', 'title'] as const;
export const REVIEW_COLUMNS = ['task_id', 'source_lines', 'confidence', 'check', 'lead_name', 'review'] as const;

export type TaskRow = Record<(typeof TASK_COLUMNS)[number], string>;
export type DocumentRow = Record<(typeof DOCUMENT_COLUMNS)[number], string>;

export interface ReviewedRow {
  task: TaskRow;
  source_lines: string;
  confidence: number;
  /** The row needs a person's eye: low confidence, unknown unit, or no deadline found. */
  check: boolean;
  /** The most serious reason to check, for the XLSX fill colour. */
  severity: 'unit' | 'confidence' | 'deadline' | null;
  lead_name: string;
  review: string;
}

export interface Extraction {
  header: Header;
  document: DocumentRow;
  rows: ReviewedRow[];
  /** Notice-level problems (no number, no date, assumed scope). */
  warnings: string[];
  scope: string;
}

export interface ExtractOptions {
  units: Unit[];
  /** unit_code of the province or district the notice is from; found from the text when absent. */
  scope?: string;
  docNo?: string;
  assignedOn?: string;
}

/** Rows below this confidence are highlighted for review. */
export const CHECK_BELOW = 0.8;

const BASE: Record<Proposal['source'], number> = { explicit: 0.95, subject: 0.9, heading: 0.85, mention: 0.65, none: 0.1 };

function chooseScope(units: Unit[], text: string, header: Header, wanted: string | undefined, warnings: string[]): Unit {
  if (wanted) {
    const u = units.find((x) => x.code === wanted);
    if (!u) throw new CliError(`--scope ${wanted} is not a unit_code in the units table`);
    return u;
  }
  const title = fold(header.title ?? text.slice(0, 2000));
  const district = /\b(ubnd|uy ban nhan dan|uy ban nhan) huyen\b/.test(title) && !/\b(ubnd|uy ban nhan dan) tinh\b/.test(title);
  const hasChildren = (u: Unit) => units.some((c) => c.parent === u.code && c.kind === 'department');
  if (district) {
    const all = units.filter((u) => u.kind === 'district');
    const named = all.filter((u) => u.short_name && new RegExp(`\\bhuyen ${fold(u.short_name)}\\b`).test(fold(text)));
    if (named.length === 1) return named[0]!;
    const withOffices = all.filter(hasChildren);
    if (withOffices.length === 1) {
      warnings.push(`the notice is from a district it does not name; read as ${withOffices[0]!.code} (${withOffices[0]!.name}), the one district with offices in the units table — give --scope CODE if it is another`);
      return withOffices[0]!;
    }
    throw new CliError('the notice is from a district it does not name; give --scope with the district\'s unit_code');
  }
  const provinces = units.filter((u) => u.kind === 'province' && units.some((c) => c.parent === u.code));
  if (provinces.length === 1) return provinces[0]!;
  // Several (two old provinces beside the merged one): of those that stood on the notice's date, the
  // one whose name the notice uses most ("An Giang, ngày …", "tỉnh An Giang").
  const day = header.issued_on;
  const stood = (u: Unit) => !day || ((!u.valid_from || u.valid_from <= day) && (!u.valid_to || u.valid_to >= day));
  const folded = fold(text);
  const mentions = (u: Unit) => (u.short_name ? (folded.match(new RegExp(`\\b${fold(u.short_name)}\\b`, 'g')) ?? []).length : 0);
  const ranked = provinces.filter(stood).map((u) => ({ u, n: mentions(u) })).sort((a, b) => b.n - a.n);
  if (ranked[0] && ranked[0].n > 0 && (ranked[1]?.n ?? 0) < ranked[0].n) return ranked[0].u;
  throw new CliError(`cannot tell which province the notice is from (${provinces.length} provinces have child units); give --scope CODE`);
}

export function parseDay(value: string, flag: string): string {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const dmy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  const [y, m, d] = iso ? [iso[1]!, iso[2]!, iso[3]!] : dmy ? [dmy[3]!, dmy[2]!.padStart(2, '0'), dmy[1]!.padStart(2, '0')] : [];
  const t = y ? new Date(Date.UTC(+y, +m! - 1, +d!)) : null;
  if (!t || t.getUTCMonth() !== +m! - 1 || t.getUTCDate() !== +d!) throw new CliError(`${flag} "${value}" is not a date; use YYYY-MM-DD or DD/MM/YYYY`);
  return `${y}-${m}-${d}`;
}

function issuerCode(docNo: string | null, scope: Unit, units: Unit[]): string {
  if (!docNo) return '';
  if (/-VPUBND$/i.test(docNo)) return units.find((u) => u.parent === scope.code && /^van phong/.test(fold(u.name)))?.code ?? '';
  if (/\/[A-ZĐ]+-UBND$/i.test(docNo)) return scope.code;
  return '';
}

export function extractNotice(input: string, options: ExtractOptions): Extraction {
  const text = input.normalize('NFC').replace(/\r\n?/g, '\n');
  const header = parseHeader(text);
  const warnings: string[] = [];
  const docNo = options.docNo ?? header.doc_no;
  if (!docNo) warnings.push('no document number (Số: …/TB-…) found; doc_no is empty — give --doc-no');
  let assignedOn = options.assignedOn ?? header.issued_on;
  if (!assignedOn && header.meeting_on) {
    assignedOn = header.meeting_on;
    warnings.push(`no issue date (place-date line) found; assigned_on = the meeting date ${header.meeting_on} — give --assigned-on if the notice was issued later`);
  }
  if (!assignedOn) warnings.push('no issue or meeting date found; assigned_on is empty — give --assigned-on');
  const scope = chooseScope(options.units, text, header, options.scope, warnings);
  const matcher = new Matcher(options.units, scope, assignedOn ?? null);
  const proposals = new TaskReader(matcher).read(toBlocks(text));
  if (proposals.length === 0) warnings.push('no tasks found; is this a conclusion notice (Thông báo kết luận)?');

  const idBase = docNo ?? `TB-${assignedOn ?? 'undated'}`;
  const rows: ReviewedRow[] = [];
  for (const p of proposals) {
    const leads = p.leads.flatMap((l): Target[] =>
      l.type === 'group'
        ? matcher.expand(l.group).map((code) => ({ code, known: true, group: l.text }))
        : l.type === 'unit'
          ? [{ code: l.code, known: true, group: null }]
          : [{ code: l.text, known: false, group: null }],
    );
    const unique: Target[] = leads.length > 0 ? [...new Map(leads.map((l) => [l.code, l])).values()] : [{ code: '', known: false, group: null }];
    for (const lead of unique) rows.push(review(p, lead, matcher, assignedOn ?? null));
  }
  const width = String(rows.length).length;
  rows.forEach((r, i) => {
    r.task.task_id = `${idBase}-${String(i + 1).padStart(width, '0')}`;
    r.task.doc_no = docNo ?? '';
    r.task.assigned_on = assignedOn ?? '';
  });
  const document: DocumentRow = {
    doc_no: docNo ?? '',
    doc_type: header.doc_type ?? (docNo ? (/\/([^-]+)/.exec(docNo)?.[1] ?? '') : ''),
    issued_on: header.issued_on ?? assignedOn ?? '',
    meeting_on: header.meeting_on ?? '',
    issuer_code: issuerCode(docNo, scope, options.units),
    signer: header.signer ?? '',
    title: (header.title ?? '').replace(/[.\s]+$/, ''),
  };
  return { header, document, rows, warnings, scope: scope.code };
}

/** One row's lead: a unit_code, or the name as written when the units table lacks it. */
interface Target {
  code: string;
  known: boolean;
  group: string | null;
}

function review(p: Proposal, lead: Target, m: Matcher, day: string | null): ReviewedRow {
  const notes: string[] = [];
  let conf = BASE[p.source];
  const unit = lead.known ? m.unit(lead.code) : undefined;
  if (!lead.code) notes.push('no lead agency found: fill lead_unit');
  else if (!lead.known) {
    conf = Math.min(conf, 0.3);
    notes.push(`"${lead.code}" is not in the units table: replace it with a unit_code (or add the unit)`);
  } else if (unit && !validOn(unit, day)) {
    conf -= 0.3;
    notes.push(`${unit.code} does not exist on ${day} (valid ${unit.valid_from ?? '…'}–${unit.valid_to ?? '…'}); use its successor`);
  }
  if (lead.group) {
    conf -= 0.05;
    notes.push(`one of the units addressed as "${lead.group}"`);
  }
  if (p.source === 'heading' || p.source === 'mention') notes.push(`lead from "${short(p.from ?? '')}"`);
  const d = p.deadline;
  if (d.kind === 'none') {
    conf -= 0.1;
    notes.push('no deadline found: due_on empty (ongoing)');
  } else if (d.kind === 'conditional') {
    conf -= 0.1;
    notes.push(`deadline depends on an event ("${d.phrase}"): due_on empty`);
  } else if (d.kind === 'ongoing') notes.push(`recurring ("${d.phrase}"): due_on empty`);
  else if (d.yearInferred) {
    conf -= 0.05;
    notes.push(`"${d.phrase}" has no year; read as ${d.due}`);
  } else if (d.others.length > 0) {
    conf -= 0.2;
    notes.push(`several deadlines (${[d.due, ...d.others].join(', ')}); took "${d.phrase}"`);
  }
  conf = Math.max(0, Math.min(1, Math.round(conf * 100) / 100));
  const severity = !lead.known || (unit && !validOn(unit, day)) ? 'unit' : conf < CHECK_BELOW ? 'confidence' : d.kind === 'none' || d.kind === 'conditional' ? 'deadline' : null;
  return {
    task: {
      task_id: '',
      doc_no: '',
      lead_unit: lead.code,
      support_units: p.support.join(';'),
      title: p.title,
      area: p.area,
      index_code: p.index_code ?? '',
      assigned_on: '',
      due_on: d.due ?? '',
      completed_on: '',
      cancelled_on: '',
    },
    source_lines: p.firstLine === p.lastLine ? String(p.firstLine) : `${p.firstLine}-${p.lastLine}`,
    confidence: conf,
    check: severity !== null,
    severity,
    lead_name: unit?.name ?? '',
    review: notes.join('; '),
  };
}

const short = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}…` : s);
