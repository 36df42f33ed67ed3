/**
 * The confidence of a proposed row: an estimate of the chance that its (lead, deadline) is the one
 * a reader draws up, from a logistic model fitted on the readings by a person
 * (`test/extract-calibrate.ts`, which writes `confidence-weights.ts`). docs/extract.md, "Reasons
 * and confidence", lists the signals and the measured reliability.
 */
import { fold } from '../text.ts';
import { SECTORS } from './central.ts';
import type { NamedWhy } from './match.ts';
import { ACTION, FINDING, words, type LeadSource, type Proposal } from './tasks.ts';
import { BIAS, WEIGHTS } from './confidence-weights.ts';

export type LeadKind = 'unit' | 'expanded' | 'central' | 'kept' | 'group' | 'higher' | 'invalid' | 'none';
export type DeadlineSignal = 'date' | 'inherited' | 'year' | 'several' | 'conditional' | 'ongoing' | 'none';

/** What a row already says about how it was read. */
export interface Signals {
  source: LeadSource;
  lead: LeadKind;
  deadline: DeadlineSignal;
  /** The deadline falls before the notice's own date. */
  beforeNotice: boolean;
  nested: boolean;
  noAction: boolean;
  addresseeUnread: boolean;
  /** Words in the row's title. */
  words: number;
  /** Assignment verbs ("giao", "đề nghị", "yêu cầu", "chủ trì") in the title. */
  verbs: number;
  split: boolean;
  /** Words in a lead kept as written (0 for a unit of the table). */
  nameWords: number;
  /** A lead kept as written holds an action word outside its sector's name ("Công ty … Khảo sát"). */
  verbInName: boolean;
  /** A lead kept as written joins two names with "/" ("Bộ Chỉ huy Quân sự tỉnh/Ban Chỉ huy …"). */
  slashInName: boolean;
  /** The row's heading reports findings ("Kết quả …", "Tình hình …", "… ước đạt …"). */
  findingsHeading: boolean;
}

/**
 * The model's inputs, each 0 or 1 (or a clipped count). A category's first value (explicit lead,
 * a unit of the table, a dated deadline) has no input: its weight is the bias. `lower: true` marks
 * the signals that can only lower the confidence — the fit keeps their weights at or below zero,
 * so too few rows of a kind cannot make, say, a unit not valid on the date look safer.
 */
export const FEATURES = [
  { name: 'subject', lower: false, of: (s: Signals) => +(s.source === 'subject') },
  { name: 'heading', lower: false, of: (s: Signals) => +(s.source === 'heading') },
  { name: 'mention', lower: false, of: (s: Signals) => +(s.source === 'mention') },
  { name: 'no_lead', lower: true, of: (s: Signals) => +(s.source === 'none') },
  { name: 'expanded', lower: false, of: (s: Signals) => +(s.lead === 'expanded') },
  { name: 'central', lower: false, of: (s: Signals) => +(s.lead === 'central') },
  { name: 'kept', lower: false, of: (s: Signals) => +(s.lead === 'kept') },
  { name: 'group', lower: false, of: (s: Signals) => +(s.lead === 'group') },
  { name: 'higher', lower: true, of: (s: Signals) => +(s.lead === 'higher') },
  { name: 'invalid', lower: true, of: (s: Signals) => +(s.lead === 'invalid') },
  { name: 'nested', lower: true, of: (s: Signals) => +s.nested },
  { name: 'no_action', lower: true, of: (s: Signals) => +s.noAction },
  { name: 'addressee_unread', lower: true, of: (s: Signals) => +s.addresseeUnread },
  { name: 'due_inherited', lower: false, of: (s: Signals) => +(s.deadline === 'inherited') },
  { name: 'due_year', lower: false, of: (s: Signals) => +(s.deadline === 'year') },
  { name: 'due_several', lower: true, of: (s: Signals) => +(s.deadline === 'several') },
  { name: 'due_conditional', lower: false, of: (s: Signals) => +(s.deadline === 'conditional') },
  { name: 'due_ongoing', lower: false, of: (s: Signals) => +(s.deadline === 'ongoing') },
  { name: 'due_none', lower: false, of: (s: Signals) => +(s.deadline === 'none') },
  { name: 'due_before_notice', lower: true, of: (s: Signals) => +s.beforeNotice },
  { name: 'short', lower: false, of: (s: Signals) => +(s.words < 10) },
  { name: 'long', lower: false, of: (s: Signals) => +(s.words > 60) },
  { name: 'several_verbs', lower: false, of: (s: Signals) => +(s.verbs >= 2) },
  { name: 'split', lower: false, of: (s: Signals) => +s.split },
  { name: 'long_name', lower: true, of: (s: Signals) => +(s.nameWords > 10) },
  { name: 'verb_in_name', lower: true, of: (s: Signals) => +s.verbInName },
  { name: 'slash_in_name', lower: true, of: (s: Signals) => +s.slashInName },
  { name: 'findings_heading', lower: true, of: (s: Signals) => +s.findingsHeading },
] as const;

export type FeatureName = (typeof FEATURES)[number]['name'];

export function vector(s: Signals): number[] {
  return FEATURES.map((f) => f.of(s));
}

export const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** σ(w·x + b), to two decimals. */
export function confidence(s: Signals, weights: Record<FeatureName, number> = WEIGHTS, bias = BIAS): number {
  const z = FEATURES.reduce((sum, f) => sum + weights[f.name] * f.of(s), bias);
  return Math.round(sigmoid(z) * 100) / 100;
}

/** The lead of one row as review() sees it. */
interface RowLead {
  code: string;
  known: boolean;
  group: string | null;
  why: NamedWhy | null;
}

const SECTOR_WORDS = new RegExp(
  `\\b(${SECTORS.map((s) => fold(s).replace(/[-,]/g, ' ').replace(/\s+/g, '\\s+')).join('|')})\\b`,
  'g',
);
const ASSIGNING = /\b(giao|de nghi|yeu cau|chu tri)\b/g;
const FINDINGS_HEADING = /\b(ket qua|tinh hinh|danh gia|nhan xet|uu diem|khuyet diem)\b/;

export function signals(p: Proposal, lead: RowLead, valid: boolean, day: string | null): Signals {
  const d = p.deadline;
  const deadline: DeadlineSignal =
    d.kind !== 'date'
      ? d.kind
      : d.inherited
        ? 'inherited'
        : d.yearInferred
          ? 'year'
          : d.others.length > 0
            ? 'several'
            : 'date';
  const kind: LeadKind = !lead.code
    ? 'none'
    : !lead.known
      ? lead.why === 'central' || lead.why === 'higher' || lead.why === 'group'
        ? lead.why
        : 'kept'
      : !valid
        ? 'invalid'
        : lead.group
          ? 'expanded'
          : 'unit';
  const title = fold(p.title);
  const name = lead.known ? '' : fold(lead.code).replace(/[-,]/g, ' ');
  const heading = p.heading ? fold(p.heading) : '';
  return {
    source: p.source,
    lead: kind,
    deadline,
    beforeNotice: !!(d.due && day && d.due < day),
    nested: p.nested,
    noAction: p.noAction,
    addresseeUnread: p.ownAddresseeUnread,
    words: words(p.title),
    verbs: title.match(ASSIGNING)?.length ?? 0,
    split: p.split,
    nameWords: name ? name.split(/\s+/).filter(Boolean).length : 0,
    verbInName: !!name && ACTION.test(name.replace(SECTOR_WORDS, ' ')),
    slashInName: !lead.known && lead.code.includes('/'),
    findingsHeading: FINDINGS_HEADING.test(heading) || FINDING.test(heading),
  };
}
