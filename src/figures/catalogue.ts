import type { Metrics } from '../metrics/types.ts';
import { dueSoonDays } from '../render/findings.ts';
import { int, pct, pctTarget } from '../render/format.ts';
import type { Figure } from './figure.ts';

/**
 * Every figure of metrics.json that a brief shows, once: which query column it comes from, what
 * kind of number it is, its Vietnamese name, and where the brief puts it (tile, comparison chart,
 * the appendix's method sentence). metrics.json keeps this order within each group; tiles, chart
 * pairs and method sentences follow it too. docs/adding-a-figure.md walks through adding one.
 */
export const CATALOGUE = [
  // ——— tasks: queries/tasks.sql, as of the period's end (tasks and each tasks.by_unit row) ———
  { key: 'total', group: 'tasks', query: 'tasks', column: 'total', kind: 'count', label: 'tổng số nhiệm vụ' },
  {
    key: 'done_on_time',
    group: 'tasks',
    query: 'tasks',
    column: 'done_on_time',
    kind: 'count',
    label: 'số nhiệm vụ hoàn thành đúng hạn',
  },
  {
    key: 'done_late',
    group: 'tasks',
    query: 'tasks',
    column: 'done_late',
    kind: 'count',
    label: 'số nhiệm vụ hoàn thành quá hạn',
  },
  {
    key: 'in_progress',
    group: 'tasks',
    query: 'tasks',
    column: 'in_progress',
    kind: 'count',
    label: 'số nhiệm vụ đang thực hiện trong hạn',
  },
  {
    key: 'completion_rate',
    group: 'tasks',
    query: 'tasks',
    column: 'completion_rate',
    kind: 'ratio',
    label: 'tỷ lệ hoàn thành nhiệm vụ',
    better: 'higher',
    target: 'task_completion_rate',
    tile: {
      place: 'summary',
      label: 'Hoàn thành nhiệm vụ',
      note: (m: Metrics): string => {
        const t = m.tasks;
        return `${int(t.done_on_time + t.done_late)}/${int(t.total)} nhiệm vụ${t.on_time_rate === null ? '' : `; ${pct(t.on_time_rate)} đúng hạn`}`;
      },
    },
    method: {
      text: (m: Metrics): string =>
        `Nhiệm vụ: tỷ lệ hoàn thành = số nhiệm vụ đã hoàn thành / tổng số nhiệm vụ đã giao (trừ nhiệm vụ đã dừng thực hiện); nhiệm vụ quá hạn là nhiệm vụ chưa hoàn thành mà hạn xử lý trước ngày tính; nhiệm vụ không có hạn xử lý (thường xuyên) không bao giờ quá hạn; nhiệm vụ đến hạn là nhiệm vụ đang thực hiện có hạn xử lý trong ${int(dueSoonDays(m))} ngày sau ngày tính.`,
    },
  },
  {
    key: 'on_time_rate',
    group: 'tasks',
    query: 'tasks',
    column: 'on_time_rate',
    kind: 'ratio',
    label: 'tỷ lệ hoàn thành đúng hạn',
    better: 'higher',
    target: 'task_on_time_rate',
  },
  {
    key: 'overdue',
    group: 'tasks',
    query: 'tasks',
    column: 'overdue',
    kind: 'count',
    label: 'số nhiệm vụ quá hạn',
    better: 'lower',
    tile: {
      place: 'summary',
      label: 'Nhiệm vụ quá hạn',
      note: (m: Metrics): string => {
        const t = m.tasks;
        return `${t.overdue_rate === null ? '' : `${pct(t.overdue_rate)} tổng số; `}${int(t.due_soon)} đến hạn trong ${int(dueSoonDays(m))} ngày`;
      },
    },
  },
  {
    key: 'overdue_rate',
    group: 'tasks',
    query: 'tasks',
    column: 'overdue_rate',
    kind: 'ratio',
    label: 'tỷ lệ nhiệm vụ quá hạn',
    better: 'lower',
  },
  {
    key: 'due_soon',
    group: 'tasks',
    query: 'tasks',
    column: 'due_soon',
    kind: 'count',
    label: 'số nhiệm vụ đến hạn',
  },
  {
    key: 'assigned',
    group: 'tasks',
    query: 'tasks',
    column: 'assigned',
    kind: 'count',
    label: 'số nhiệm vụ giao mới trong kỳ',
  },
  {
    key: 'completed',
    group: 'tasks',
    query: 'tasks',
    column: 'completed',
    kind: 'count',
    label: 'số nhiệm vụ hoàn thành trong kỳ',
  },

  // ——— online services: queries/online.sql (online, previous, each by_unit and monthly row) ———
  {
    key: 'received',
    group: 'online',
    query: 'online',
    column: 'received',
    kind: 'count',
    label: 'số hồ sơ tiếp nhận',
  },
  {
    key: 'received_online',
    group: 'online',
    query: 'online',
    column: 'received_online',
    kind: 'count',
    label: 'số hồ sơ tiếp nhận trực tuyến',
  },
  {
    key: 'online_ratio',
    group: 'online',
    query: 'online',
    column: 'online_ratio',
    kind: 'ratio',
    label: 'tỷ lệ hồ sơ tiếp nhận trực tuyến',
    better: 'higher',
    delta: true,
    target: 'online_ratio',
    tile: {
      place: 'summary',
      label: 'Hồ sơ tiếp nhận trực tuyến',
      note: (m: Metrics): string => {
        const o = m.online!;
        const target = o.target?.online_ratio ?? null;
        return target === null ? `${int(o.received_online)}/${int(o.received)} hồ sơ` : `Chỉ tiêu ${pctTarget(target)}`;
      },
    },
    compare: { label: 'Tỷ lệ tiếp nhận trực tuyến' },
    method: {
      text: 'Dịch vụ công trực tuyến: tỷ lệ hồ sơ tiếp nhận trực tuyến = số hồ sơ tiếp nhận trực tuyến / tổng số hồ sơ tiếp nhận trong kỳ, gồm cả số liệu tổng hợp theo tháng; chênh lệch giữa hai tỷ lệ tính bằng điểm phần trăm.',
    },
  },
  {
    key: 'full_online_ratio',
    group: 'online',
    query: 'online',
    column: 'full_online_ratio',
    kind: 'ratio',
    label: 'tỷ lệ hồ sơ trực tuyến toàn trình',
    better: 'higher',
    delta: true,
    optional: true,
    tile: {
      place: 'summary',
      label: 'Hồ sơ trực tuyến toàn trình',
      note: (): string => 'trên tổng số hồ sơ tiếp nhận',
    },
    compare: { label: 'Tỷ lệ trực tuyến toàn trình' },
    method: {
      text: 'Tỷ lệ hồ sơ trực tuyến toàn trình = số hồ sơ tiếp nhận trực tuyến toàn trình / tổng số hồ sơ tiếp nhận, chỉ tính trên số liệu có ghi nhận trực tuyến toàn trình.',
      withValue: true,
    },
  },
  {
    key: 'online_ratio_eligible',
    group: 'online',
    query: 'online',
    column: 'online_ratio_eligible',
    kind: 'ratio',
    label: 'tỷ lệ hồ sơ trực tuyến của thủ tục có dịch vụ công trực tuyến',
    better: 'higher',
    delta: true,
    target: 'online_ratio_eligible',
    compare: { label: 'Tỷ lệ trực tuyến (TTHC có DVC)' },
  },
  {
    key: 'resolved',
    group: 'online',
    query: 'online',
    column: 'resolved',
    kind: 'count',
    label: 'số hồ sơ đã giải quyết',
  },
  {
    key: 'resolved_on_time',
    group: 'online',
    query: 'online',
    column: 'resolved_on_time',
    kind: 'count',
    label: 'số hồ sơ giải quyết đúng hạn',
  },
  {
    key: 'on_time_rate',
    group: 'online',
    query: 'online',
    column: 'on_time_rate',
    kind: 'ratio',
    label: 'tỷ lệ hồ sơ giải quyết đúng hạn',
    better: 'higher',
    delta: true,
    target: 'online_on_time_rate',
    compare: { label: 'Tỷ lệ giải quyết đúng hạn' },
  },
  {
    key: 'avg_resolution_days',
    group: 'online',
    query: 'online',
    column: 'avg_resolution_days',
    kind: 'days',
    label: 'số ngày giải quyết bình quân',
    better: 'lower',
    delta: true,
    optional: true,
    tile: {
      place: 'online',
      label: 'Số ngày giải quyết bình quân',
      note: (m: Metrics): string => {
        const o = m.online!;
        const n = o.resolved_records;
        if (n === undefined) return 'từ ngày tiếp nhận đến ngày giải quyết';
        // Monthly totals (dossier_stats) count in "đã giải quyết" but carry no dates: say which dossiers
        // the average is over, so the two counts side by side do not read as a contradiction.
        return n < o.resolved ? `trên ${int(n)} hồ sơ có ngày giải quyết` : `trên ${int(n)} hồ sơ đã giải quyết`;
      },
    },
    method: {
      text: 'Số ngày giải quyết bình quân = tổng số ngày (theo lịch) từ ngày tiếp nhận đến ngày giải quyết của các hồ sơ giải quyết trong kỳ / số hồ sơ đó; chỉ tính trên số liệu từng hồ sơ (số liệu tổng hợp theo tháng không có ngày tiếp nhận, ngày giải quyết).',
      withValue: true,
    },
  },
  {
    key: 'online_payment_ratio',
    group: 'online',
    query: 'online',
    column: 'online_payment_ratio',
    kind: 'ratio',
    label: 'tỷ lệ hồ sơ thanh toán trực tuyến',
    better: 'higher',
    delta: true,
    target: 'online_payment_ratio',
    compare: { label: 'Tỷ lệ thanh toán trực tuyến' },
  },
  // What was counted (not on monthly rows): the fully-online ratio's two sides, and the rows read;
  // hand-made metrics.json files often leave them out.
  {
    key: 'received_fully_online',
    group: 'online',
    query: 'online',
    column: 'received_fully_online',
    kind: 'count',
    label: 'số hồ sơ tiếp nhận trực tuyến toàn trình',
    monthly: false,
    optional: true,
  },
  {
    key: 'received_fully_known',
    group: 'online',
    query: 'online',
    column: 'received_fully_known',
    kind: 'count',
    label: 'số hồ sơ tiếp nhận có ghi nhận trực tuyến toàn trình',
    monthly: false,
    optional: true,
  },
  {
    key: 'received_records',
    group: 'online',
    query: 'online',
    column: 'received_records',
    kind: 'count',
    label: 'số hồ sơ tiếp nhận (từng hồ sơ)',
    monthly: false,
    optional: true,
  },
  {
    key: 'resolved_records',
    group: 'online',
    query: 'online',
    column: 'resolved_records',
    kind: 'count',
    label: 'số hồ sơ đã giải quyết (từng hồ sơ)',
    monthly: false,
    optional: true,
  },
  {
    key: 'stats_rows',
    group: 'online',
    query: 'online',
    column: 'stats_rows',
    kind: 'count',
    label: 'số dòng số liệu tổng hợp theo tháng',
    monthly: false,
    optional: true,
  },

  // ——— indices: queries/indices_latest.sql (each latest score) ———
  {
    key: 'score',
    group: 'indices',
    query: 'indices_latest',
    column: 'score',
    kind: 'score',
    label: 'điểm',
    method: {
      text: 'Các chỉ số: lấy kết quả mới nhất có kỳ đánh giá đến hết kỳ báo cáo; thứ hạng không được công bố thì tính trong các đơn vị cùng cấp có điểm (điểm cao hơn xếp trên, bằng điểm cùng hạng). Thứ hạng luôn ghi kèm số đơn vị được xếp hạng; không so sánh thứ hạng giữa hai kỳ có số đơn vị xếp hạng khác nhau (63 tỉnh, thành phố trước ngày 01/7/2025, 34 từ ngày đó). Chỉ số của đơn vị trước sắp xếp là kết quả riêng của đơn vị đó, không cộng hoặc tính bình quân với đơn vị mới.',
    },
  },

  // ——— PAR criteria: queries/criteria.sql (each entry, its by_area rows, criteria_totals) ———
  { key: 'total', group: 'criteria', query: 'criteria', column: 'total', kind: 'count', label: 'số tiêu chí' },
  {
    key: 'achieved',
    group: 'criteria',
    query: 'criteria',
    column: 'achieved',
    kind: 'count',
    label: 'số tiêu chí đạt',
  },
  {
    key: 'not_achieved',
    group: 'criteria',
    query: 'criteria',
    column: 'not_achieved',
    kind: 'count',
    label: 'số tiêu chí không đạt',
  },
  {
    key: 'in_progress',
    group: 'criteria',
    query: 'criteria',
    column: 'in_progress',
    kind: 'count',
    label: 'số tiêu chí đang thực hiện',
  },
  {
    key: 'not_due',
    group: 'criteria',
    query: 'criteria',
    column: 'not_due',
    kind: 'count',
    label: 'số tiêu chí chưa đến hạn',
  },
  {
    key: 'points',
    group: 'criteria',
    query: 'criteria',
    column: 'points',
    kind: 'points',
    label: 'điểm tự đánh giá',
    better: 'higher',
    method: {
      text: 'Bộ chỉ số CCHC: mỗi tiêu chí lấy kết quả tự đánh giá mới nhất; tiêu chí chưa có kết quả tính 0 điểm; điểm có nguy cơ không đạt = điểm tối đa của các tiêu chí đang thực hiện và chưa đến hạn.',
    },
  },
  {
    key: 'max_points',
    group: 'criteria',
    query: 'criteria',
    column: 'max_points',
    kind: 'points',
    label: 'điểm tối đa',
  },
  {
    key: 'points_at_risk',
    group: 'criteria',
    query: 'criteria',
    column: 'points_at_risk',
    kind: 'points',
    label: 'điểm có nguy cơ không đạt',
    better: 'lower',
  },
  {
    key: 'points_lost',
    group: 'criteria',
    query: 'criteria',
    column: 'points_lost',
    kind: 'points',
    label: 'điểm bị trừ',
    better: 'lower',
  },
] as const satisfies readonly Figure[];
