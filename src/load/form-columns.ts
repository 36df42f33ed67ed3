/**
 * How the columns of a spreadsheet form become the contract's: `resolved_on_time` made of
 * `Trước hạn` + `Đúng hạn`, the month a title gives to every row, and the check that each
 * total equals its parts (`Tổng số` = `Trực tuyến` + `Trực tiếp` + `Bưu chính`). Parts and extra
 * values are worked out per row as the sheet streams by, so the staged rows carry the
 * contract's columns only; every such reading is reported (docs/data.md, Office exports).
 */
import type { DataIssue } from '../errors.ts';
import { columnType, type TableDef } from '../schema.ts';
import { strictOnTime, type TitlePeriod } from './forms.ts';
import type { HeaderMap } from './headers.ts';
import { GROUP_SEPARATOR } from './layout.ts';

export interface FormPlan {
  /** Canonical column per position: the sheet's columns, then the positions `extra` fills. */
  columns: (string | null)[];
  /** Values of the extra positions for one data row (problems with the row's parts go to `issues`). */
  extra: (cells: (string | null)[], line: number) => (string | null)[];
  /** Checks a data row's totals against their parts, adding to `issues`. */
  check: (cells: (string | null)[], line: number) => void;
  /** The column a sheet position counts for in a totals row, when it holds a figure. */
  figureColumn: (string | null)[];
  /** How the form was read, for the warnings: `label → what`. */
  readings: string[];
  warnings: DataIssue[];
  issues: DataIssue[];
}

const isCount = (v: string | null | undefined) => v !== null && v !== undefined && /^\d+$/.test(v.trim());
const count = (v: string | null | undefined) => (isCount(v) ? Number(v!.trim()) : 0);
const blank = (v: string | null | undefined) => v === null || v === undefined || v.trim() === '';
/** The sub-label of a `group › sub` header, enough where the group is named beside it. */
const short = (label: string) => label.split(GROUP_SEPARATOR).at(-1)!;

/** The column a total's parts are added to: received's channels beside received_online, resolved's beside resolved_on_time. */
const COMPANION: Record<string, string> = { received: 'received_online', resolved: 'resolved_on_time' };
/** Roles whose presence makes the total checkable: any channel; for resolved, the late ones. */
const CLOSING: Record<string, string[]> = { received: ['direct', 'postal'], resolved: ['late'] };

export function planForm(o: {
  file: string;
  table: TableDef;
  labels: string[];
  map: HeaderMap;
  headerLine: number;
  /** The month every row takes from the title, when the sheet has no month column. */
  titleMonth: (TitlePeriod & { month: string }) | null;
  /** The sheet has no received column but gives its channels: received is their sum. */
  composeReceived: boolean;
}): FormPlan {
  const { map, labels } = o;
  const physical = map.columns;
  const columns = [...physical];
  const issues: DataIssue[] = [];
  const warnings: DataIssue[] = [];
  const readings: string[] = [];
  const extras: ((cells: (string | null)[], line: number) => string | null)[] = [];
  const partAt = new Map(map.parts.map((p) => [p.index, p]));
  const figureColumn = physical.map((c, i) => {
    if (c && ['int', 'decimal'].includes(columnType(o.table, c) ?? '')) return c;
    return partAt.get(i)?.of ?? null;
  });
  const issue = (rule: string, line: number, column: string, message: string) =>
    issues.push({ file: o.file, line, column, rule, message });

  /** A contract column the form gives as the sum of the columns `items`, said by a warning. */
  const compose = (column: string, items: number[], why: string) => {
    const at = physical.indexOf(column);
    if (at >= 0) columns[at] = null;
    columns.push(column);
    // Whether a cell is checked as a number elsewhere: a column the sheet still gives, or a part (check).
    const checked = (i: number) => columns[i] !== null || partAt.has(i);
    extras.push((cells, line) => {
      const added = items.reduce((n, i) => n + count(cells[i]), 0);
      const bad = items.filter((i) => !blank(cells[i]) && !isCount(cells[i]));
      // Text that is no number and is checked nowhere else is the composed column's type error.
      const unchecked = bad.find((i) => !checked(i));
      if (unchecked !== undefined) return cells[unchecked]!;
      if (bad.length) return String(added);
      const empty = items.filter((i) => blank(cells[i]));
      if (empty.length === items.length) return null;
      if (empty.length)
        issue(
          'required',
          line,
          column,
          `\`${labels[empty[0]!]}\` is empty; ${column} is ${items.map((i) => `\`${short(labels[i]!)}\``).join(' + ')}, so write a number (0 when there is none)`,
        );
      return String(added);
    });
    warnings.push({
      file: o.file,
      line: o.headerLine,
      column,
      rule: 'sum_of_parts',
      message: `${column} is read as ${items.map((i) => `\`${labels[i]}\``).join(' + ')}: ${why}`,
    });
  };
  const early = map.parts.find((p) => p.role === 'early');
  const onTime = physical.indexOf('resolved_on_time');
  // On time in the contract includes early; beside `Trước hạn`, the form's `Đúng hạn` is only the on-the-day part.
  const strict = onTime >= 0 && strictOnTime(labels[onTime]!);
  if (early && strict)
    compose(
      'resolved_on_time',
      [early.index, onTime].sort((a, b) => a - b),
      'a dossier resolved before its due day was resolved on time',
    );
  const online = physical.indexOf('received_online');
  const channels = map.parts.filter((p) => p.of === 'received');
  if (o.composeReceived && online >= 0 && channels.length)
    compose(
      'received',
      [online, ...channels.map((p) => p.index)].sort((a, b) => a - b),
      'the sheet gives received by channel, without its total',
    );
  if (o.titleMonth) {
    const month = o.titleMonth.month;
    columns.push('month');
    extras.push(() => month);
    warnings.push({
      file: o.file,
      line: o.titleMonth.line,
      column: 'month',
      rule: 'month_from_title',
      message: `the sheet has no month column, so every row is read as the month ${month}, the period of the title in row ${o.titleMonth.line} ("${o.titleMonth.text}"); add a column \`Tháng\` if rows are of other months`,
    });
  }

  // Each total with parts that close it: the total must be its companion plus its parts.
  const sums: { total: number; items: number[] }[] = [];
  for (const [total, companion] of Object.entries(COMPANION)) {
    const mine = map.parts.filter((p) => p.of === total && (p.role !== 'early' || strict));
    const t = physical.indexOf(total);
    const c = physical.indexOf(companion);
    if (t < 0 || c < 0 || !mine.some((p) => CLOSING[total]!.includes(p.role))) continue;
    const items = [c, ...mine.map((p) => p.index)].sort((a, b) => a - b);
    sums.push({ total: t, items });
    readings.push(
      `${total} checked to equal ${items.map((i) => `\`${short(labels[i]!)}\``).join(' + ')} on every row (${mine.map((p) => `\`${short(labels[p.index]!)}\``).join(', ')} read for this only)`,
    );
  }
  const check = (cells: (string | null)[], line: number) => {
    for (const p of map.parts) {
      const v = cells[p.index];
      if (!blank(v) && !isCount(v))
        issue(
          'int',
          line,
          p.of,
          `\`${labels[p.index]}\` "${v!.trim()}" is not a whole number; use digits only, without thousands separators (it is a part of ${p.of})`,
        );
    }
    for (const s of sums) {
      const figures = [s.total, ...s.items].map((i) => cells[i]);
      // A total or companion that is no count is its own error; an empty part counts as none.
      if (!isCount(figures[0]) || !isCount(figures[1]) || figures.some((v) => !blank(v) && !isCount(v))) continue;
      const added = s.items.reduce((n, i) => n + count(cells[i]), 0);
      if (added === count(figures[0])) continue;
      const column = physical[s.total]!;
      issue(
        'parts_sum',
        line,
        column,
        `\`${labels[s.total]}\` is ${count(figures[0])}, but ${s.items.map((i) => `\`${short(labels[i]!)}\` ${count(cells[i])}`).join(' + ')} make ${added}; correct the row — cchc cannot tell which figure is wrong`,
      );
    }
  };
  return {
    columns,
    extra: (cells, line) => extras.map((f) => f(cells, line)),
    check,
    figureColumn,
    readings,
    warnings,
    issues,
  };
}
