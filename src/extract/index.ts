/**
 * `cchc extract`: a conclusion notice's text → proposed `documents` and `tasks` rows for a person
 * to review. Nothing is guessed silently: every row says where it came from and how sure it is.
 */
import { CliError } from '../errors.ts';
import { toBlocks } from './blocks.ts';
import { fold } from '../text.ts';
import { issuerBlock, parseHeader, type Header } from './header.ts';
import { Matcher, normalName, type NamedWhy, type ProvinceNamed } from './match.ts';
import { TaskReader, type Proposal } from './tasks.ts';
import { agencyOf } from './titles.ts';
import { noticeOrigin, type Origin } from './origin.ts';
import { nameKey } from './fold.ts';
import { placeName, tableProvinces, validOn, type Unit } from './units.ts';
import { parseIsoOrDmy } from '../dates.ts';
import { confidence, signals, type Signals } from './confidence.ts';
import { isFieldProposal } from './fields.ts';
import { findTables, inLineOrder, isTableProposal, readTables, withoutTables } from './table.ts';

export const TASK_COLUMNS = [
  'task_id',
  'doc_no',
  'lead_unit',
  'support_units',
  'title',
  'area',
  'index_code',
  'assigned_on',
  'due_on',
  'completed_on',
  'cancelled_on',
] as const;
export const DOCUMENT_COLUMNS = [
  'doc_no',
  'doc_type',
  'issued_on',
  'meeting_on',
  'issuer_code',
  'signer',
  'title',
] as const;
export const REVIEW_COLUMNS = ['task_id', 'source_lines', 'confidence', 'check', 'lead_name', 'review'] as const;

export type TaskRow = Record<(typeof TASK_COLUMNS)[number], string>;
export type DocumentRow = Record<(typeof DOCUMENT_COLUMNS)[number], string>;

export interface ReviewedRow {
  task: TaskRow;
  source_lines: string;
  confidence: number;
  /** What the confidence was estimated from (the scorer fits the model on them). */
  signals: Signals;
  /** The row needs a person's eye: low confidence, unknown unit, or no deadline found. */
  check: boolean;
  /** The most serious reason to check, for the XLSX fill colour. */
  severity: 'unit' | 'confidence' | 'deadline' | null;
  lead_name: string;
  review: string;
  /**
   * The lead as the notice wrote it, when the notice is not the table's province's but the name said which of
   * its provinces it is of ("Ủy ban nhân dân tỉnh An Giang" in a central letter) and was matched to that unit.
   */
  written?: string;
}

export interface Extraction {
  header: Header;
  document: DocumentRow;
  rows: ReviewedRow[];
  /** Notice-level problems (no number, no date, assumed scope). */
  warnings: string[];
  /** unit_code whose names the notice uses; empty when its leads are kept as written. */
  scope: string;
  origin: Origin;
}

export interface ExtractOptions {
  units: Unit[];
  /** unit_code of the province or district the notice is from; found from the text when absent. */
  scope?: string;
  docNo?: string;
  assignedOn?: string;
  /** The text was read by OCR from a scan: its names, numbers and dates may be misread. */
  scanned?: boolean;
}

/** The bodies a central notice speaks for or reports to; never the lead of one of its tasks. */
const ABOVE_CENTRAL = new Set(['Bộ Chính trị', 'Ban Bí thư', 'Chính phủ', 'Thủ tướng Chính phủ']);
/** Rows below this confidence are highlighted for review. */
export const CHECK_BELOW = 0.8;

/**
 * The unit whose names the notice uses: the province (or district) it belongs to, or null when it
 * is another province's or a central body's notice, or does not say whose it is.
 */
function chooseScope(
  units: Unit[],
  text: string,
  header: Header,
  wanted: string | undefined,
  day: string | null,
  warnings: string[],
): { scope: Unit | null; origin: Origin } {
  if (wanted) {
    const u = units.find((x) => x.code === wanted);
    if (!u) throw new CliError(`--scope ${wanted} is not a unit_code in the units table`);
    return { scope: u, origin: { kind: 'own', place: u.name, why: `--scope ${wanted}` } };
  }
  let provinces = tableProvinces(units);
  // A merged province replaces the old ones on a date: the notice's date picks among them.
  if (provinces.length > 1 && day) provinces = provinces.filter((u) => validOn(u, day));
  const parentOf = (u: Unit) => units.find((x) => x.code === u.parent);
  const inProvince = (u: Unit) => provinces.some((p) => p.code === u.parent || parentOf(u)?.parent === p.code);
  const places = units
    .filter((u) => (u.kind === 'district' || u.kind === 'commune') && u.short_name && inProvince(u))
    .map((u) => u.short_name!);
  const origin = noticeOrigin(text, header, provinces, places);
  if (origin.kind === 'other') {
    const whose = origin.who === 'a central body' ? "a central body's" : `from ${origin.who}`;
    warnings.push(
      `the notice is ${whose} (${origin.why}), not the units table's province: every lead is kept as written and flagged`,
    );
    return { scope: null, origin };
  }
  if (origin.kind === 'unknown') {
    const codes = provinces.map((p) => p.code).join(' or ') || 'CODE';
    warnings.push(
      `the notice does not say which province it is from (${origin.why}): leads are kept as written — give --scope ${codes} (or a district's code) to match them to the units table`,
    );
    return { scope: null, origin };
  }
  const same = (a: string, b: string) => nameKey(a).join(' ') === nameKey(b).join(' ');
  const province =
    provinces.find((p) => same(placeName(p), origin.place)) ?? (provinces.length === 1 ? provinces[0]! : undefined);
  const title = fold(header.title ?? text.slice(0, 2000));
  const folded = fold(text);
  const districts = units.filter((u) => u.kind === 'district' && inProvince(u) && validOn(u, day));
  // A district's notice: its place-date line, or "UBND huyện" in the title with the district named.
  const byPlace = districts.filter((u) => u.short_name && same(u.short_name, origin.place));
  if (byPlace.length === 1) return { scope: byPlace[0]!, origin };
  if (/\b(ubnd|uy ban nhan dan|uy ban nhan) huyen\b/.test(title) && !/\b(ubnd|uy ban nhan dan) tinh\b/.test(title)) {
    const named = districts.filter((u) => u.short_name && new RegExp(`\\bhuyen ${fold(u.short_name)}\\b`).test(folded));
    if (named.length === 1) return { scope: named[0]!, origin };
    throw new CliError("the notice is from a district it does not name; give --scope with the district's unit_code");
  }
  if (province) return { scope: province, origin };
  throw new CliError(
    `cannot tell which province the notice is from (${provinces.length} provinces have child units); give --scope CODE`,
  );
}

export function parseDay(value: string, flag: string): string {
  const day = parseIsoOrDmy(value);
  if (!day) throw new CliError(`${flag} "${value}" is not a date; use YYYY-MM-DD or DD/MM/YYYY`);
  return day;
}

function issuerCode(docNo: string | null, scope: Unit | null, units: Unit[]): string {
  if (!docNo || !scope) return '';
  if (/-VPUBND$/i.test(docNo))
    return units.find((u) => u.parent === scope.code && /^van phong/.test(fold(u.name)))?.code ?? '';
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
    warnings.push(
      `no issue date (place-date line) found; assigned_on = the meeting date ${header.meeting_on} — give --assigned-on if the notice was issued later`,
    );
  }
  if (!assignedOn) warnings.push('no issue or meeting date found; assigned_on is empty — give --assigned-on');
  const { scope, origin } = chooseScope(options.units, text, header, options.scope, assignedOn ?? null, warnings);
  const matcher = new Matcher(options.units, scope, assignedOn ?? null, issuerBlock(text));
  const reader = new TaskReader(matcher);
  // Task tables are read row by row; their lines are emptied for the prose reader, which would run the cells together.
  const tables = findTables(text);
  const prose = reader.read(toBlocks(withoutTables(text, tables), { isHeading: (line) => reader.isHeading(line) }));
  const proposals = inLineOrder(prose, readTables(tables, matcher));
  if (proposals.length === 0) warnings.push('no tasks found; is this a conclusion notice (Thông báo kết luận)?');

  const idBase = docNo ?? `TB-${assignedOn ?? 'undated'}`;
  const rows: ReviewedRow[] = [];
  // A central notice conveys the Government's conclusions: a sentence that the Politburo, the Secretariat, the
  // Government or the Prime Minister opens frames or reports ("Chính phủ, Thủ tướng Chính phủ chủ động chỉ đạo
  // từ sớm …"); it assigns them nothing.
  const central = origin.kind === 'other' && origin.who === 'a central body';
  for (const p of proposals) {
    if (central && p.leads.length > 0 && p.leads.every((l) => l.type === 'named' && ABOVE_CENTRAL.has(l.name)))
      continue;
    const leads = p.leads.flatMap((l): Target[] => {
      if (l.type === 'unit') return [{ code: l.code, known: true, group: null, why: null }];
      if (l.type === 'named') {
        // In another's notice a name may still say it is one of the table's provinces' (docs/extract.md, 1).
        const written = kept(l.name, l.why);
        const said = matcher.provinceNamed(l);
        if (!said) return [written];
        const noted = { ...said, written: written.code };
        return [
          said.code
            ? { code: said.code, known: true, group: null, why: null, said: noted }
            : { ...written, said: noted },
        ];
      }
      const codes = matcher.expand(l.group);
      // Expanded only into units the table has for this notice's province; otherwise one row, as written.
      if (codes.length === 0) return [kept(normalName(l.text), 'group')];
      return codes.map((code) => ({ code, known: true, group: l.text, why: null }));
    });
    const none: Target = { code: '', known: false, group: null, why: null };
    const unique: Target[] = leads.length > 0 ? [...new Map(leads.map((l) => [l.code, l])).values()] : [none];
    for (const lead of unique) {
      const row = review(p, lead, matcher, assignedOn ?? null, origin);
      rows.push(options.scanned ? readFromScan(row) : row);
    }
  }
  if (options.scanned && rows.length > 0)
    warnings.push(
      'read by OCR from a scan: every row is marked to check its names, numbers and dates against the scan',
    );
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
  return { header, document, rows, warnings, scope: scope?.code ?? '', origin };
}

/** One row's lead: a unit_code, or the name as written when the units table lacks it. */
interface Target {
  code: string;
  known: boolean;
  /** The plural addressee a unit was expanded from. */
  group: string | null;
  /** Why a name is kept as written. */
  why: NamedWhy | null;
  /** The name as the notice wrote it, when its heads' titles were read as the bodies they head. */
  titled?: string;
  /** The name said which of the table's provinces it is of: the place it named, and the lead as written. */
  said?: ProvinceNamed & { written: string };
}

/** A name kept as written, given as the bodies its titles stand for ("Bộ trưởng, …" → "các bộ, …"). */
function kept(name: string, why: NamedWhy): Target {
  const code = agencyOf(name);
  return { code, known: false, group: null, why, ...(code !== name ? { titled: name } : {}) };
}

const SOURCE_REASON: Record<Proposal['source'], string> = {
  explicit: 'named after the assignment verb',
  subject: 'opens the sentence',
  heading: 'addressed by the lead-in',
  mention: 'the only agency the heading names',
  none: 'no agency found',
};

const KEPT_REASON: Record<NamedWhy, string> = {
  central: 'a central body (kept as written, not a unit of the table)',
  higher: 'a body above the issuer: a request, not an assignment — keep it only if the committee tracks requests',
  group: 'a plural addressee the units table cannot expand for this notice (kept as written)',
  other: 'not in the units table for this notice (kept as written)',
};

/**
 * OCR misreads letters and digits ("15/3" as "1§/3", "Sở Tài chính" as "Sở Tài chỉnh") in ways the
 * confidence, fitted on typed text, cannot see: every row of a scan is checked, highlighted at least
 * as a low-confidence row.
 */
function readFromScan(row: ReviewedRow): ReviewedRow {
  const note = 'read by OCR from a scan: check the names, numbers and dates against it';
  return {
    ...row,
    check: true,
    severity: row.severity ?? 'confidence',
    review: row.review ? `${note}; ${row.review}` : note,
  };
}

function review(p: Proposal, lead: Target, m: Matcher, day: string | null, origin: Origin): ReviewedRow {
  const notes: string[] = [];
  const unit = lead.known ? m.unit(lead.code) : undefined;
  const valid = !unit || validOn(unit, day);
  const sig = signals(p, lead, valid, day);
  const where = p.from ? ` "${short(p.from)}"` : '';
  const how = isTableProposal(p)
    ? `in the table's "${p.table.column}" column`
    : isFieldProposal(p)
      ? `in the item's "${p.field.label}" field`
      : SOURCE_REASON[p.source];
  if (!lead.code) notes.push('lead: none found — fill lead_unit');
  else if (unit)
    notes.push(
      `lead: ${unit.code} (${unit.name}) ${how}${p.source === 'heading' || p.source === 'mention' ? where : ''}`,
    );
  else
    notes.push(
      `lead: "${lead.code}" ${how}${p.source === 'heading' ? where : ''}; ${KEPT_REASON[lead.why ?? 'other']}`,
    );
  const said = lead.said;
  if (said?.code) {
    notes.push(
      `written "${said.written}": the name says "${said.place}", so it is that province's unit${day ? ` on ${day}` : ''}, though the notice is not the table's province's (${origin.why})`,
    );
  } else if (said?.code === null) notes.push(`the name says "${said.place}", but ${said.why}`);
  if (lead.titled) notes.push(`written "${lead.titled}": the titles stand for the bodies their holders head`);
  if (lead.code && !lead.known) {
    // A known body's name is certain; a name cut out of a sentence by its head noun may be cut wrong.
    notes.push(
      origin.kind === 'own'
        ? 'replace it with a unit_code (or add the unit) before loading'
        : `the notice is not the table's province's (${origin.why})`,
    );
  } else if (!valid) {
    notes.push(
      `${unit.code} does not exist on ${day} (valid ${unit.valid_from ?? '…'}–${unit.valid_to ?? '…'}); use its successor`,
    );
  }
  if (p.ownAddresseeUnread) {
    notes.push('the text opens on an assignment verb whose addressee was not read: check the lead');
  }
  if (p.nested) {
    notes.push('a point inside another task, with its addressee: perhaps detail of that task');
  }
  if (p.noAction) {
    notes.push('no action word: perhaps a description or a quoted provision, not a task');
  }
  if (isTableProposal(p) && p.table.done) {
    notes.push(`the table reports it done ("${p.table.done}"): keep it only if the committee tracks finished tasks`);
  }
  if (lead.group) {
    notes.push(`one of the units addressed as "${lead.group}"`);
  }
  const d = p.deadline;
  if (d.kind === 'none') notes.push('deadline: no phrase that sets one — due_on empty (ongoing)');
  else if (d.kind === 'conditional') {
    notes.push(`deadline: depends on an event ("${d.phrase}") — due_on empty`);
  } else if (d.kind === 'ongoing') notes.push(`deadline: recurring ("${d.phrase}") — due_on empty`);
  else if (d.inherited) {
    notes.push(
      `deadline: "${d.phrase}" ${d.afterItems ? 'written once after the items it covers' : 'of the item that introduces this point'}`,
    );
  } else if (d.yearInferred) {
    notes.push(`deadline: "${d.phrase}" has no year; read as ${d.due}`);
  } else if (d.others.length > 0) {
    notes.push(`deadline: several (${[d.due, ...d.others].join(', ')}); took "${d.phrase}"`);
  } else notes.push(`deadline: "${d.phrase}"`);
  if (sig.beforeNotice) {
    notes.push(`the deadline ${d.due} is before the notice's date ${day}`);
  }
  const conf = confidence(sig);
  const severity =
    !lead.known || !valid
      ? 'unit'
      : conf < CHECK_BELOW
        ? 'confidence'
        : d.kind === 'none' || d.kind === 'conditional'
          ? 'deadline'
          : null;
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
    signals: sig,
    check: severity !== null,
    severity,
    lead_name: unit?.name ?? '',
    review: notes.join('; '),
    ...(said?.code ? { written: said.written } : {}),
  };
}

const short = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}…` : s);
