/**
 * What the report forms offices export say beyond the contract's columns (docs/data.md, Office
 * exports): the parts a statistics form splits its totals into (received by channel, resolved by
 * timeliness), columns of the form the contract has no place for, column headers that need more
 * than "unknown column" to be fixed, the period a title gives, and the words a deadline column
 * uses for "ongoing". All labels are compared folded (foldName: lower case, no diacritics).
 */
import type { TableName } from '../schema.ts';
import { foldName, labelParts } from './names.ts';

/**
 * A column of a statistics form that is a part of one of the contract's totals: `Trực tiếp`
 * under the received group, `Trước hạn` under the resolved one. Parts are read to check that
 * the total adds up, and `early` is added into resolved_on_time.
 */
export type PartRole = 'direct' | 'postal' | 'early' | 'late';

const PART_LABELS: Record<PartRole, { of: string; labels: string[] }> = {
  direct: { of: 'received', labels: ['truc tiep', 'nop truc tiep', 'tiep nhan truc tiep', 'mot cua'] },
  postal: {
    of: 'received',
    labels: [
      'buu chinh',
      'qua buu chinh',
      'nop qua buu chinh',
      'buu chinh cong ich',
      'dich vu buu chinh cong ich',
      'qua dich vu buu chinh cong ich',
    ],
  },
  early: { of: 'resolved', labels: ['truoc han', 'som han', 'som', 'giai quyet truoc han', 'tra truoc han'] },
  late: { of: 'resolved', labels: ['qua han', 'tre han', 'cham', 'tre', 'giai quyet qua han', 'tra qua han'] },
};

/** Tables whose forms split totals into parts. */
const PART_TABLES: TableName[] = ['dossier_stats'];

/** The role of a `group › sub` header whose group names `groupColumn`, if its sub-label is a known part. */
export function partRole(table: TableName, groupColumn: string, sub: string): PartRole | undefined {
  if (!PART_TABLES.includes(table)) return undefined;
  const f = foldName(sub);
  return (Object.keys(PART_LABELS) as PartRole[]).find(
    (r) => PART_LABELS[r].of === groupColumn && PART_LABELS[r].labels.includes(f),
  );
}

/** Sub-labels of on-time: strictly on the due day (beside `Trước hạn`), or on time and early together. */
const STRICT_ON_TIME = ['dung han', 'tra dung han', 'giai quyet dung han'];
const COMBINED_ON_TIME = [
  'dung han, truoc han',
  'truoc han, dung han',
  'dung va truoc han',
  'truoc va dung han',
  'dung han va truoc han',
  'truoc han va dung han',
  'som va dung han',
  'som, dung han',
];
const TOTAL_WORDS = ['tong so', 'tong', 'tong cong', 'cong'];

/** Sub-labels under a total's group that name a column of the contract: the total itself, or its online/on-time part. */
const SUB_COLUMNS: Record<string, Record<string, string[]>> = {
  received: {
    received: TOTAL_WORDS,
    received_online: [
      'truc tuyen',
      'nop truc tuyen',
      'tiep nhan truc tuyen',
      'dich vu cong truc tuyen',
      'qua dich vu cong truc tuyen',
    ],
  },
  resolved: { resolved: TOTAL_WORDS, resolved_on_time: [...STRICT_ON_TIME, ...COMBINED_ON_TIME] },
};

/** The column a `group › sub` header names when its group names a total and its sub-label a column. */
export function subColumn(table: TableName, groupColumn: string, sub: string): string | undefined {
  if (!PART_TABLES.includes(table)) return undefined;
  const f = foldName(sub);
  return Object.entries(SUB_COLUMNS[groupColumn] ?? {}).find(([, labels]) => labels.includes(f))?.[0];
}

/** Whether an on-time header counts only the dossiers resolved on the due day (not the early ones). */
export const strictOnTime = (header: string) => STRICT_ON_TIME.includes(labelParts(header).at(-1) ?? '');

/** The header of a form column the contract has no place for, and what it holds. */
interface NotRead {
  /** A folded group label (first part of `group › sub`) or whole header; `*` ends a prefix. */
  match: string[];
  what: string;
}

/**
 * Columns of statistics forms that hold nothing the contract has (dossiers still pending,
 * carried over from the period before, ratios worked out from the other columns): recognised,
 * not read, and named in a warning. Anything else unknown stays an error.
 */
const NOT_READ: Partial<Record<TableName, NotRead[]>> = {
  dossier_stats: [
    {
      match: [
        'so ho so dang giai quyet',
        'dang giai quyet',
        'ho so dang giai quyet',
        'dang xu ly',
        'so ho so dang xu ly',
      ],
      what: 'dossiers still being resolved',
    },
    {
      match: [
        'ton truoc',
        'ton ky truoc',
        'so ky truoc chuyen qua',
        'ky truoc chuyen qua',
        'ky truoc chuyen sang',
        'ton ky truoc chuyen sang',
      ],
      what: 'dossiers carried over from the period before',
    },
    { match: ['ty le*', 'ti le*'], what: 'a ratio worked out from the other columns' },
  ],
};

/** What a form column the contract has no place for holds, when it is one (`group › sub` or whole). */
export function notRead(table: TableName, header: string): string | undefined {
  const parts = labelParts(header);
  const hit = (m: string, p: string) => (m.endsWith('*') ? p.startsWith(m.slice(0, -1)) : p === m);
  return NOT_READ[table]?.find((n) => n.match.some((m) => parts.some((p) => hit(m, p))))?.what;
}

/**
 * Headers that are no column and whose fix is not a spelling: what to do instead of "unknown
 * column". A task's progress in words cannot become the completion date it stands for.
 */
const HINTS: Partial<Record<TableName, { match: string[]; hint: string }[]>> = {
  tasks: [
    {
      match: [
        'tinh hinh thuc hien',
        'ket qua thuc hien',
        'tien do thuc hien',
        'tien do',
        'trang thai',
        'tinh trang',
        'ket qua',
        'danh gia ket qua',
      ],
      hint: 'cchc reads whether a task is done only from the day it was completed: put that day in a column `Ngày hoàn thành` (empty while the task is in progress; `Ngày hủy` for a task withdrawn) and delete this column',
    },
  ],
};

/** The fix for a header that is no column, when a spelling suggestion would mislead. */
export function headerHint(table: TableName, header: string): string | undefined {
  const last = labelParts(header).at(-1) ?? '';
  return HINTS[table]?.find((h) => h.match.includes(last))?.hint;
}

/** The period a title row gives: one month, or a span that is none. */
export type TitlePeriod = { line: number; text: string } & ({ month: string } | { problem: string });

const pad2 = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const vn = (d: number, m: number, y: number) => `${pad2(d)}/${pad2(m)}/${y}`;
const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

/**
 * The reporting period a title states: "Từ ngày 01/10/2026 đến ngày 31/10/2026", "Tháng
 * 10/2026", "THÁNG 10 NĂM 2026", "Quý III/2026". A month when it is exactly one calendar month;
 * otherwise what it is instead. Null when the text states no period.
 */
export function titlePeriod(line: number, text: string): TitlePeriod | null {
  const f = foldName(text);
  const span = /tu ngay (\d{1,2})\/(\d{1,2})\/(\d{4}) den ngay (\d{1,2})\/(\d{1,2})\/(\d{4})/.exec(f);
  if (span) {
    const [d1, m1, y1, d2, m2, y2] = span.slice(1).map(Number) as [number, number, number, number, number, number];
    if (m1 >= 1 && m1 <= 12 && y1 === y2 && m1 === m2 && d1 === 1 && d2 === lastDay(y1, m1))
      return { line, text, month: `${y1}-${pad2(m1)}` };
    const months = (y2 - y1) * 12 + m2 - m1 + 1;
    return {
      line,
      text,
      problem: `the period ${vn(d1, m1, y1)}–${vn(d2, m2, y2)} is ${months > 1 ? `${months} months` : 'part of a month'}, not one calendar month`,
    };
  }
  const quarter = /\bquy (iv|iii|ii|i|[1-4])\s*(?:\/|nam)\s*(\d{4})/.exec(f);
  if (quarter) {
    const q = ROMAN[quarter[1]!] ?? Number(quarter[1]);
    return { line, text, problem: `the period is quarter ${q} of ${quarter[2]}, not one month` };
  }
  const month = /\bthang (\d{1,2})\s*(?:\/|-|nam)\s*(\d{4})/.exec(f);
  if (month && Number(month[1]) >= 1 && Number(month[1]) <= 12)
    return { line, text, month: `${month[2]}-${pad2(Number(month[1]))}` };
  return null;
}

/** Folded words a due-date column uses for an ongoing task (the contract's empty due_on). */
export const ONGOING = ['thuong xuyen', 'nhiem vu thuong xuyen', 'thuc hien thuong xuyen', 'thuong xuyen, lien tuc'];

/** Columns that may say "ongoing" in words instead of being left empty. */
export const ONGOING_COLUMNS: Partial<Record<TableName, string[]>> = { tasks: ['due_on'] };

/**
 * What to write instead of a deadline given as a period or a phrase ("Quý IV/2026", "12/2026",
 * "2026", "Trước ngày 30/6/2026"): a date column takes one day, and the day a period ends is
 * offered as the example, not taken.
 */
export function deadlineHint(raw: string): string | undefined {
  const f = foldName(raw).replace(/^thoi han:?\s*/, '');
  const end = (y: number, m: number) => vn(lastDay(y, m), m, y);
  const quarter = /^quy\s*(iv|iii|ii|i|[1-4])\s*(?:\/|-|nam)\s*(\d{4})$/.exec(f);
  if (quarter) {
    const q = ROMAN[quarter[1]!] ?? Number(quarter[1]);
    return `is a quarter, not a day; write the day it is due, e.g. ${end(Number(quarter[2]), q * 3)} for the end of the quarter`;
  }
  const month = /^(?:thang\s*)?(\d{1,2})\s*(?:\/|-|nam)\s*(\d{4})$/.exec(f);
  if (month && Number(month[1]) >= 1 && Number(month[1]) <= 12)
    return `is a month, not a day; write the day it is due, e.g. ${end(Number(month[2]), Number(month[1]))} for the end of the month`;
  const year = /^(?:nam\s*)?(\d{4})$/.exec(f);
  if (year) return `is a year, not a day; write the day it is due, e.g. 31/12/${year[1]} for the end of the year`;
  const phrase = /(?:^|\s)(?:truoc|den|trong|cham nhat)?\s*ngay\s+(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(f);
  if (phrase) return `is a phrase; write the day alone: ${vn(Number(phrase[1]), Number(phrase[2]), Number(phrase[3]))}`;
  return undefined;
}
