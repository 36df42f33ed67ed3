/**
 * Labelled fields. A plan (Kế hoạch) often writes each task as an item followed by fields instead of a
 * sentence naming the body:
 *   1. Rà soát, sửa đổi quy chế …
 *   - Cơ quan chủ trì: Sở Khoa học và Công nghệ.
 *   - Cơ quan phối hợp: Sở Tư pháp, UBND các xã, phường.
 *   - Thời gian thực hiện: Quý IV năm 2025.
 *   - Sản phẩm: Quyết định của UBND tỉnh.
 * or inline ("… Cơ quan chủ trì: Sở X; thời gian: tháng 12/2025"). Such an item is one task per body
 * its lead field names, its deadline from its time field, its support from its coordinating field and
 * its title from its own text; the field lines are no tasks of their own. The labels are the task
 * table's column labels (`columnRole`), and the fields are read as its cells are.
 */
import type { Block } from './blocks.ts';
import { classify } from './classify.ts';
import { fold } from '../text.ts';
import type { Lead, Matcher } from './match.ts';
import { bodiesIn, columnRole, deadlineOf, supportIn } from './table.ts';
import { ACTION, type Proposal } from './tasks.ts';

/** The reading tree of tasks.ts, as far as fields need it. */
export interface FieldNode {
  block: Block | null;
  parts: FieldPart[];
}
export type FieldPart = { para: Block } | { item: FieldNode };

/** A row read from an item's fields, with the label its lead was read from (for the review note). */
export interface FieldProposal extends Proposal {
  field: { label: string };
}

export const isFieldProposal = (p: Proposal): p is FieldProposal => 'field' in p;

type FieldRole = 'lead' | 'support' | 'due' | 'progress' | 'other';

interface Field {
  role: FieldRole;
  label: string;
  value: string;
}

/**
 * A field's label, whole: a plan's own labels, so that "Chủ trì, phối hợp với các Bộ: …" or "Sở Tư
 * pháp chủ trì: …" stays a sentence with its addressee, not a field.
 */
const LABEL = new RegExp(
  '^(?:(?:co quan|don vi)(?: don vi)?(?: chu tri| phoi hop)?(?: tham muu)?(?: thuc hien| phu trach)?' +
    '|chu tri(?: thuc hien)?|trach nhiem thuc hien|thoi gian(?: thuc hien| hoan thanh)?|thoi han(?: hoan thanh)?' +
    '|tien do(?: thuc hien| hoan thanh)?|moc thoi gian|san pham(?: du kien)?|noi dung(?: thuc hien)?' +
    '|ket qua(?: du kien)?|kinh phi(?: thuc hien)?)$',
);

/** A label starts a text or follows ". " or "; ", and runs to its colon. */
const LABEL_AT = /(?:^|(?<=[.;])\s+)([^.;:]{2,60}?)\s*:\s*/gu;

const labelKey = (s: string) =>
  fold(s)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

function roleOf(label: string): FieldRole | null {
  if (!LABEL.test(labelKey(label))) return null;
  const role = columnRole(label);
  if (role === null || role === 'index') return null;
  return role === 'lead' || role === 'support' || role === 'due' || role === 'progress' ? role : 'other';
}

/** A text's own words before its first field, and its fields. */
export function fieldsIn(text: string): { head: string; fields: Field[] } {
  const found: { at: number; from: number; role: FieldRole; label: string }[] = [];
  for (const m of text.matchAll(LABEL_AT)) {
    const role = roleOf(m[1]!);
    if (role) found.push({ at: m.index, from: m.index + m[0].length, role, label: m[1]!.trim() });
  }
  const fields = found.map((f, k) => ({
    role: f.role,
    label: f.label,
    value: text
      .slice(f.from, k + 1 < found.length ? found[k + 1]!.at : text.length)
      .replace(/[\s.;,]+$/, '')
      .trim(),
  }));
  return { head: text.slice(0, found[0]?.at ?? text.length).trim(), fields };
}

/** A block that is nothing but fields ("Cơ quan chủ trì: Sở X."). */
function fieldBlock(b: Block): Field[] {
  const { head, fields } = fieldsIn(b.text);
  return head === '' ? fields : [];
}

/** What a part adds as fields to the item it sits in; an item's own sub-items go with it. */
function partFields(p: FieldPart): Field[] {
  return fieldBlock('para' in p ? p.para : p.item.block!);
}

function blocksOf(node: FieldNode): Block[] {
  return [
    ...(node.block ? [node.block] : []),
    ...node.parts.flatMap((p) => ('para' in p ? [p.para] : blocksOf(p.item))),
  ];
}

/** The fields of an item: inline in its own text, and its parts that are fields. */
function itemFields(node: FieldNode): { head: string; fields: Field[] } {
  const own = fieldsIn(node.block!.text);
  return { head: own.head, fields: [...own.fields, ...node.parts.flatMap(partFields)] };
}

/**
 * Bodies a lead field names. A field that is a list of names is read as a table's lead cell; one
 * written as sentences ("Sở Khoa học và Công nghệ tiến hành rà soát …; các sở, ngành liên quan và Ủy
 * ban nhân dân các xã, phường rà soát …") names the body that opens each of its sentences.
 */
function leadsOf(m: Matcher, value: string): Lead[] {
  const parts = value.split(/;\s*|(?<=\.)\s+/).map((part) => {
    const span = m.leadSpan(part, m.tokens(part), 0, true);
    return { leads: span.leads, sentence: span.leads.length > 0 && ACTION.test(fold(part.slice(span.end))) };
  });
  if (!parts.some((p) => p.sentence)) return bodiesIn(m, value);
  const leads = parts.flatMap((p) => p.leads);
  const key = (l: Lead) => (l.type === 'unit' ? l.code : l.type === 'named' ? l.name : l.text);
  return [...new Map(leads.map((l) => [key(l), l])).values()];
}

/** The fields of an item as one task's lead, support and deadline; null when no lead field names a body. */
function reading(m: Matcher, fields: Field[]) {
  const lead = fields.filter((f) => f.role === 'lead');
  const leads = lead.flatMap((f) => leadsOf(m, f.value));
  if (leads.length === 0) return null;
  const support = supportIn(
    m,
    fields.filter((f) => f.role === 'support').map((f) => f.value),
    leads,
  );
  // "Tiến độ" is the time only of an item that has no "Thời gian/Thời hạn", as in a table.
  const time = fields.find((f) => f.role === 'due') ?? fields.find((f) => f.role === 'progress');
  return {
    leads,
    support,
    time: time?.value ?? '',
    label: lead[0]!.label,
    content: fields.find((f) => f.role === 'other'),
  };
}

function fielded(m: Matcher, node: FieldNode): ReturnType<typeof reading> {
  return node.block ? reading(m, itemFields(node).fields) : null;
}

/**
 * An item whose sub-items are such tasks is their heading: it gives no row of its own ("1. Rà soát,
 * kiện toàn đội ngũ …" over dashes that carry fields).
 */
export function headsFields(node: FieldNode, m: Matcher): boolean {
  if (fielded(m, node)) return false;
  return node.parts.some((p) => 'item' in p && (fielded(m, p.item) !== null || headsFields(p.item, m)));
}

/**
 * The tasks of the parts of one item (or of the body) that carry fields, by the index of the part they
 * replace: a covered part maps to no rows. Items before a fielded item, of its kind and with nothing
 * under them, share its fields ("- … - … - Đơn vị thực hiện: …": one block of fields after two dashes
 * is both dashes').
 */
export function readFields(parts: FieldPart[], m: Matcher, headings: string[]): Map<number, Proposal[]> {
  const out = new Map<number, Proposal[]>();
  parts.forEach((p, i) => {
    const node: FieldNode = 'para' in p ? { block: p.para, parts: [] } : p.item;
    const r = fielded(m, node);
    if (!r) return;
    const shared: number[] = [];
    for (let j = i - 1; j >= 0 && !out.has(j); j--) {
      const q = parts[j]!;
      if (!('item' in q) || q.item.parts.length > 0 || q.item.block!.kind !== node.block!.kind) break;
      if (fieldsIn(q.item.block!.text).fields.length > 0) break;
      shared.unshift(j);
    }
    for (const j of shared) {
      const b = (parts[j] as { item: FieldNode }).item.block!;
      out.set(j, [proposal(m, r, b.text, [b], headings)]);
    }
    const head = itemFields(node).head || r.content?.value || '';
    out.set(i, [proposal(m, r, head, blocksOf(node), headings)]);
  });
  return out;
}

function proposal(
  m: Matcher,
  r: NonNullable<ReturnType<typeof reading>>,
  text: string,
  blocks: Block[],
  headings: string[],
): FieldProposal {
  const title = text.replace(/[\s,;:]+$/, '');
  const { area, index_code } = classify(title, headings);
  return {
    leads: r.leads,
    source: 'explicit',
    from: null,
    support: r.support,
    title,
    firstLine: blocks[0]!.firstLine,
    lastLine: blocks[blocks.length - 1]!.lastLine,
    deadline: deadlineOf(r.time, title, m.day),
    area,
    index_code,
    ownAddresseeUnread: false,
    noAction: !ACTION.test(fold(title)),
    nested: false,
    heading: headings[0] ?? null,
    split: false,
    field: { label: r.label },
  };
}
