import type { Metrics } from '../metrics/types.ts';
import { TABLE_NAMES } from '../schema.ts';
import type { ChartRenderer, Datasets } from './charts.ts';
import { unitNames, type BriefContext, type UnitNames } from './context.ts';
import { findings, headlineIndices, joinVi, rankChange, recommendations } from './findings.ts';
import { arrow, date, dateTime, int, num, periodName, placeDate, roman, score, shortPeriod } from './format.ts';
import { figureTiles, methodItems } from './view-figures.ts';
import { CARRIED_HEADING, SPLIT_LABEL, carriedPart, isUnit, lineageOf, type Lineage } from './view-units.ts';
import type { DocumentHeader } from './options.ts';
import { type ChangesView, changesView } from './view-changes.ts';
import { criteriaSection } from './view-criteria.ts';
import { indicesSection } from './view-indices.ts';
import { onlineSection } from './view-online.ts';
import { tasksSection } from './view-tasks.ts';
import { indexShort } from './vocab.ts';

/**
 * Everything the template prints, already formatted: the template only places strings, so every
 * number format and every "no data" decision is here, testable without a browser.
 */
export interface BriefView {
  header: DocumentHeader & { dateLine: string; subject: string };
  sample: boolean;
  /** Section I (tiles and findings) and the closing proposals: numbered here like the others. */
  summary: { numeral: string; title: string };
  proposals: { numeral: string; title: string };
  /** Closes section I, after the tiles and findings; null for a metrics.json without `changes`. */
  changes: ChangesView | null;
  /** Tasks and online services, then one tile per index. */
  tiles: Tile[];
  indexTiles: Tile[];
  findings: string[];
  sections: Section[];
  recommendations: string[];
  appendix: Appendix;
  /** Charts by file name (without .svg); each also sits in a section. */
  charts: Record<string, string>;
  /** What the data lacks, when the brief was rendered anyway (templates/partials/incomplete.hbs). */
  incomplete?: string[];
}

export interface Tile {
  label: string;
  value: string;
  note: string;
  trend: string | null;
  /** `up` (better), `down` (worse) or empty. */
  trendClass: string;
}

export interface Section {
  numeral: string;
  title: string;
  /** One line instead of the section's body when it has no data. */
  empty: string | null;
  blocks: Block[];
}

export interface Block {
  heading?: string;
  /** A block of one kind of unit within a subsection (`Các sở, ban, ngành`, `Cấp xã`). */
  subheading?: string;
  paragraphs?: string[];
  /** KPI tiles after the paragraphs (the online section's figures placed there by the catalogue). */
  tiles?: Tile[];
  chart?: { file: string; caption: string; svg: string };
  table?: {
    caption: string;
    head: string[];
    rows: string[][];
    numeric: number[];
    /** Columns of identifiers (task ids, document numbers such as 208/TB-VPUBND), kept on one line. */
    ids?: number[];
    widths?: string[];
  };
  note?: string;
}

export interface Appendix {
  /** Headings of the two fixed parts, numbered like the rest. */
  sourcesHeading: string;
  methodsHeading: string;
  asOf: string;
  loadedAt: string | null;
  fingerprint: string | null;
  dataDir: string | null;
  tables: { name: string; files: string; rows: string }[];
  methods: string[];
  /** Numbered parts after the methods: full tables by unit, then the units carried forward. */
  parts: AppendixPart[];
}

export interface AppendixPart {
  heading: string;
  paragraphs?: string[];
  table?: NonNullable<Block['table']>;
  /** Compact lists of names, printed in two columns: a bold head, `sep`, then the text. */
  lists?: { title: string; sep: string; entries: { head: string; text: string }[] }[];
}

/** Sections put their full tables by unit here and cite the part number it returns. */
export interface AppendixTables {
  add(heading: string, table: NonNullable<Block['table']>): number;
}

/** Parts 1 and 2 are the sources and the methods. */
const FIRST_PART = 3;

export async function briefView(
  m: Metrics,
  ctx: BriefContext,
  header: DocumentHeader,
  charts: ChartRenderer,
): Promise<BriefView> {
  const names = unitNames(ctx, m);
  const drawn: Record<string, string> = {};
  let figure = 0;
  const chart = async (file: string, spec: string, caption: string, data: Datasets) => {
    const svg = await charts.render(spec, data);
    drawn[file] = svg;
    return { file, caption: `Biểu đồ ${++figure}. ${caption}`, svg };
  };
  const scopeText = m.scope.unit_code === rootCode(ctx, m) ? '' : ` của ${m.scope.name}`;
  const parts: AppendixPart[] = [];
  const annex: AppendixTables = {
    add: (heading, table) =>
      parts.push({ heading: `${FIRST_PART + parts.length}. ${heading}`, table }) + FIRST_PART - 1,
  };
  const sections = [
    await tasksSection(m, ctx, names, chart, annex),
    await indicesSection(m, ctx, chart),
    await onlineSection(m, ctx, names, chart, annex),
    await criteriaSection(m, ctx, names, chart, annex),
  ];
  // I is the summary, the body follows, the proposals close it.
  sections.forEach((s, i) => (s.numeral = roman(i + 2)));
  const lineagePart = carriedPart(m, ctx);
  if (lineagePart) parts.push({ ...lineagePart, heading: `${FIRST_PART + parts.length}. ${lineagePart.heading}` });
  return {
    header: {
      ...header,
      dateLine: placeDate(header.place, header.date),
      subject: `Tình hình thực hiện nhiệm vụ cải cách hành chính ${periodName(m.period.id)}${scopeText}`,
    },
    sample: m.data?.sample ?? false,
    summary: { numeral: roman(1), title: 'KẾT QUẢ CHỦ YẾU' },
    proposals: { numeral: roman(sections.length + 2), title: 'ĐỀ XUẤT' },
    changes: changesView(m, names, sections[0]!.numeral),
    tiles: tiles(m),
    indexTiles: indexTiles(m),
    findings: findings(m, names),
    sections,
    recommendations: recommendations(m, names),
    appendix: appendix(m, ctx, names, parts),
    charts: drawn,
  };
}

/** A section of the body, built from the figures; long tables by unit go to the appendix. */
export type SectionFn = (
  m: Metrics,
  ctx: BriefContext,
  names: UnitNames,
  chart: ChartFn,
  annex: AppendixTables,
) => Promise<Section>;

export type ChartFn = (
  file: string,
  spec: string,
  caption: string,
  data: Datasets,
) => Promise<NonNullable<Block['chart']>>;

/**
 * The province at the top of the tree, a brief for which needs no "của …" in its subject:
 * metrics.json `scope.root_code` (queries/root_province.sql). A metrics.json without it (from an
 * older cchc) reads the units table: the scope itself when it is a province (after 2025 old and
 * new provinces stand side by side there), else the province with child units.
 */
function rootCode(ctx: BriefContext, m: Metrics): string {
  if (typeof m.scope.root_code === 'string') return m.scope.root_code;
  const scope = ctx.units.find((u) => u.unit_code === m.scope.unit_code);
  if (scope?.kind === 'province') return scope.unit_code;
  const withChildren = new Set(ctx.units.map((u) => u.parent_code));
  return ctx.units.find((u) => u.kind === 'province' && withChildren.has(u.unit_code))?.unit_code ?? m.scope.unit_code;
}

function tile(
  label: string,
  value: string,
  note: string,
  trend: string | null = null,
  good: boolean | null = null,
): Tile {
  return { label, value, note, trend, trendClass: good === null ? '' : good ? 'up' : 'down' };
}

/** Section I: the task figures' tiles (one line when there is no task), then the online figures'. */
function tiles(m: Metrics): Tile[] {
  return [
    ...(m.tasks.total > 0
      ? figureTiles(m, 'summary', 'tasks')
      : [tile('Nhiệm vụ', '0', 'Không có nhiệm vụ trong phạm vi báo cáo')]),
    ...figureTiles(m, 'summary', 'online'),
  ];
}

/** The latest score of each index with its rank and movement (rank first: it is what committees track). */
function indexTiles(m: Metrics): Tile[] {
  return headlineIndices(m)
    .filter((x) => x.index_code !== 'PCI')
    .map((i) => {
      const note =
        i.rank !== null && i.rank_of !== null
          ? `Hạng ${int(i.rank)}/${int(i.rank_of)}`
          : i.max_score !== null
            ? `Thang điểm ${num(i.max_score)}`
            : '';
      const d = i.delta === null ? null : Math.round(i.delta * 100) / 100;
      const r = rankChange(i);
      const move = r !== null ? `${arrow(r, int)} bậc` : d !== null ? `${arrow(d, score)} điểm` : null;
      const good = r !== null ? (r === 0 ? null : r > 0) : !d ? null : d > 0;
      return tile(`${indexShort(i.index_code)} ${shortPeriod(i.period)}`, score(i.score), note, move, good);
    });
}

const TABLE_LABELS: Record<string, string> = {
  units: 'Danh mục cơ quan, đơn vị',
  unit_lineage: 'Sắp xếp, kế thừa đơn vị',
  documents: 'Văn bản giao nhiệm vụ',
  tasks: 'Nhiệm vụ',
  criteria: 'Tiêu chí Bộ chỉ số CCHC',
  criteria_results: 'Kết quả tự đánh giá tiêu chí',
  index_scores: 'Kết quả các chỉ số',
  dossiers: 'Hồ sơ TTHC (từng hồ sơ)',
  dossier_stats: 'Hồ sơ TTHC (tổng hợp theo tháng)',
  targets: 'Chỉ tiêu',
};

/** Every table of the contract in its order, with the rows and files of the last load. */
function dataTables(m: Metrics): Appendix['tables'] {
  const data = m.data;
  if (!data) return [];
  return TABLE_NAMES.map((name) => ({
    name: `${TABLE_LABELS[name] ?? name} (${name})`,
    files: data.files
      .filter((f) => f.table_name === name)
      .map((f) => f.file)
      .join(', '),
    rows: int(data.rows[name] ?? 0),
  }));
}

function appendix(m: Metrics, ctx: BriefContext, names: UnitNames, parts: AppendixPart[]): Appendix {
  const lineage = lineageOf(m);
  const carriedPart = parts.find((p) => p.heading.endsWith(CARRIED_HEADING))?.heading.split('.')[0] ?? null;
  const sameTerritory =
    lineage && lineage.carried.length > 0
      ? ` Cùng kỳ được tính trên cùng địa bàn theo tổ chức bộ máy tại ngày ${date(lineage.as_of)}: số liệu của các đơn vị trước sắp xếp được tính cho đơn vị tiếp nhận${carriedPart ? ` (Phụ lục, mục ${carriedPart})` : ''}, ở cả kỳ báo cáo và cùng kỳ.`
      : '';
  return {
    sourcesHeading: '1. Nguồn số liệu',
    methodsHeading: '2. Phương pháp tính',
    asOf: date(m.period.as_of),
    loadedAt: m.data?.loaded_at ? dateTime(m.data.loaded_at) : null,
    fingerprint: m.data?.fingerprint ?? null,
    dataDir: ctx.data_dir,
    tables: dataTables(m),
    methods: [
      `Kỳ báo cáo: ${periodName(m.period.id)}, từ ngày ${date(m.period.start)} đến ngày ${date(m.period.end)}; chỉ dùng số liệu có ngày đến hết ngày ${date(m.period.as_of)}. Cùng kỳ là kỳ tương ứng của năm trước.${sameTerritory}`,
      ...lineageMethods(m, lineage, names, carriedPart),
      ...methodItems(m),
    ],
    parts,
  };
}

/** How many of the units in the split row the methods name. */
const SPLIT_NAMED = 5;

/** What the split row holds and which split units a unit brief leaves out (metrics.md § lineage). */
function lineageMethods(m: Metrics, lineage: Lineage | null, names: UnitNames, carriedPart: string | null): string[] {
  if (!lineage) return [];
  const out: string[] = [];
  const hasSplitRow = [...m.tasks.by_unit, ...(m.online?.by_unit ?? [])].some((u) => !isUnit(u));
  const divided = lineage.carried.filter((c) => c.to_codes.length > 1 && !lineage.split_units.includes(c.from_code));
  if (hasSplitRow && divided.length > 0) {
    // Old districts alone are dozens of units: five are named, the rest are in the appendix's
    // list of units divided among several current units.
    const shown = divided.slice(0, SPLIT_NAMED).map((c) => names.name(c.from_code));
    const rest = divided.length - shown.length;
    const carried = carriedPart ? `, xem Phụ lục, mục ${carriedPart}` : '';
    const who =
      rest > 0
        ? `${shown.join(', ')} và ${int(rest)} đơn vị khác (các đơn vị chia cho nhiều đơn vị hiện nay${carried})`
        : joinVi(shown);
    out.push(
      `Dòng "${SPLIT_LABEL}" trong các bảng, biểu đồ theo đơn vị gồm số liệu của ${who}: các đơn vị này đã chia tách cho nhiều đơn vị hiện nay nên số liệu không tính riêng cho đơn vị nào.`,
    );
  }
  if (lineage.split_units.length > 0) {
    out.push(
      `Không tính vào báo cáo số liệu của ${joinVi(lineage.split_units.map((u) => names.name(u)))}, do đơn vị đã chia tách cho nhiều đơn vị, trong đó có đơn vị ngoài phạm vi báo cáo.`,
    );
  }
  return out;
}
