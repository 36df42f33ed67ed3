import type { Metrics } from '../metrics/types.ts';
import { TABLE_NAMES } from '../schema.ts';
import type { ChartRenderer, Datasets } from './charts.ts';
import { unitNames, type BriefContext } from './context.ts';
import { findings, headlineIndices, recommendations } from './findings.ts';
import { arrow, date, dateTime, int, num, pct, pctTarget, periodName, placeDate, pp, roman, score, shortPeriod } from './format.ts';
import type { DocumentHeader } from './options.ts';
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
  /** Tasks and online services, then one tile per index. */
  tiles: Tile[];
  indexTiles: Tile[];
  findings: string[];
  sections: Section[];
  recommendations: string[];
  appendix: Appendix;
  /** Charts by file name (without .svg); each also sits in a section. */
  charts: Record<string, string>;
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
  paragraphs?: string[];
  chart?: { file: string; caption: string; svg: string };
  table?: { caption: string; head: string[]; rows: string[][]; numeric: number[]; widths?: string[] };
  note?: string;
}

export interface Appendix {
  asOf: string;
  loadedAt: string | null;
  fingerprint: string | null;
  dataDir: string | null;
  tables: { name: string; files: string; rows: string }[];
  methods: string[];
}

export async function briefView(m: Metrics, ctx: BriefContext, header: DocumentHeader, charts: ChartRenderer): Promise<BriefView> {
  const names = unitNames(ctx, m);
  const drawn: Record<string, string> = {};
  let figure = 0;
  const chart = async (file: string, spec: string, caption: string, data: Datasets) => {
    const svg = await charts.render(spec, data);
    drawn[file] = svg;
    return { file, caption: `Biểu đồ ${++figure}. ${caption}`, svg };
  };
  const scopeText = m.scope.unit_code === rootCode(m) ? '' : ` của ${m.scope.name}`;
  const sections = [
    await tasksSection(m, names, chart),
    await indicesSection(m, ctx, chart),
    await onlineSection(m, names, chart),
    await criteriaSection(m, names, chart),
  ];
  sections.forEach((s, i) => (s.numeral = roman(i + 2)));
  return {
    header: {
      ...header,
      dateLine: placeDate(header.place, header.date),
      subject: `Tình hình thực hiện nhiệm vụ cải cách hành chính ${periodName(m.period.id)}${scopeText}`,
    },
    sample: m.data?.sample ?? false,
    tiles: tiles(m),
    indexTiles: indexTiles(m),
    findings: findings(m, names),
    sections,
    recommendations: recommendations(m, names),
    appendix: appendix(m, ctx),
    charts: drawn,
  };
}

export type ChartFn = (file: string, spec: string, caption: string, data: Datasets) => Promise<NonNullable<Block['chart']>>;

/**
 * The province at the top of the tree (metrics.json `scope.root_code`, from queries/root_province.sql):
 * a brief for it needs no "của …" in its subject. A metrics.json without the key reads as a root brief.
 */
function rootCode(m: Metrics): string {
  return typeof m.scope.root_code === 'string' ? m.scope.root_code : m.scope.unit_code;
}

function tile(label: string, value: string, note: string, trend: string | null = null, good: boolean | null = null): Tile {
  return { label, value, note, trend, trendClass: good === null ? '' : good ? 'up' : 'down' };
}

function tiles(m: Metrics): Tile[] {
  const t = m.tasks;
  const out: Tile[] = [];
  if (t.total > 0 && t.completion_rate !== null) {
    out.push(
      tile('Hoàn thành nhiệm vụ', pct(t.completion_rate), `${int(t.done_on_time + t.done_late)}/${int(t.total)} nhiệm vụ${t.on_time_rate === null ? '' : `; ${pct(t.on_time_rate)} đúng hạn`}`),
      tile('Nhiệm vụ quá hạn', int(t.overdue), `${t.overdue_rate === null ? '' : `${pct(t.overdue_rate)} tổng số; `}${int(t.due_soon)} đến hạn trong 14 ngày`),
    );
  } else {
    out.push(tile('Nhiệm vụ', '0', 'Không có nhiệm vụ trong phạm vi báo cáo'));
  }
  const o = m.online;
  if (o && o.online_ratio !== null) {
    const target = o.target?.online_ratio ?? null;
    const d = o.delta.online_ratio;
    out.push(tile(
      'Hồ sơ tiếp nhận trực tuyến',
      pct(o.online_ratio),
      target === null ? `${int(o.received_online)}/${int(o.received)} hồ sơ` : `Chỉ tiêu ${pctTarget(target)}`,
      d === null ? null : `${arrow(Math.round(d * 1000) / 1000, pp)} điểm % so với cùng kỳ`,
      d === null || Math.round(d * 1000) === 0 ? null : d > 0,
    ));
  }
  return out;
}

/** The latest score of each index with its rank and movement (rank first: it is what committees track). */
function indexTiles(m: Metrics): Tile[] {
  return headlineIndices(m)
    .filter((x) => x.index_code !== 'PCI')
    .map((i) => {
      const note = i.rank !== null && i.rank_of !== null ? `Hạng ${int(i.rank)}/${int(i.rank_of)}` : i.max_score !== null ? `Thang điểm ${num(i.max_score)}` : '';
      const d = i.delta === null ? null : Math.round(i.delta * 100) / 100;
      const move = i.rank_delta !== null ? `${arrow(i.rank_delta, int)} bậc` : d !== null ? `${arrow(d, score)} điểm` : null;
      const good = i.rank_delta !== null ? (i.rank_delta === 0 ? null : i.rank_delta > 0) : !d ? null : d > 0;
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
    files: data.files.filter((f) => f.table_name === name).map((f) => f.file).join(', '),
    rows: int(data.rows[name] ?? 0),
  }));
}

function appendix(m: Metrics, ctx: BriefContext): Appendix {
  return {
    asOf: date(m.period.as_of),
    loadedAt: m.data?.loaded_at ? dateTime(m.data.loaded_at) : null,
    fingerprint: m.data?.fingerprint ?? null,
    dataDir: ctx.data_dir,
    tables: dataTables(m),
    methods: [
      `Kỳ báo cáo: ${periodName(m.period.id)}, từ ngày ${date(m.period.start)} đến ngày ${date(m.period.end)}; chỉ dùng số liệu có ngày đến hết ngày ${date(m.period.as_of)}. Cùng kỳ là kỳ tương ứng của năm trước.`,
      'Nhiệm vụ: tỷ lệ hoàn thành = số nhiệm vụ đã hoàn thành / tổng số nhiệm vụ đã giao (trừ nhiệm vụ đã dừng thực hiện); nhiệm vụ quá hạn là nhiệm vụ chưa hoàn thành mà hạn xử lý trước ngày tính; nhiệm vụ không có hạn xử lý (thường xuyên) không bao giờ quá hạn.',
      'Dịch vụ công trực tuyến: tỷ lệ hồ sơ tiếp nhận trực tuyến = số hồ sơ tiếp nhận trực tuyến / tổng số hồ sơ tiếp nhận trong kỳ, gồm cả số liệu tổng hợp theo tháng; chênh lệch giữa hai tỷ lệ tính bằng điểm phần trăm.',
      'Các chỉ số: lấy kết quả mới nhất có kỳ đánh giá đến hết kỳ báo cáo; thứ hạng không được công bố thì tính trong các đơn vị cùng cấp có điểm (điểm cao hơn xếp trên, bằng điểm cùng hạng).',
      'Bộ chỉ số CCHC: mỗi tiêu chí lấy kết quả tự đánh giá mới nhất; tiêu chí chưa có kết quả tính 0 điểm; điểm có nguy cơ không đạt = điểm tối đa của các tiêu chí đang thực hiện và chưa đến hạn.',
    ],
  };
}
