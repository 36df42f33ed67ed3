/**
 * The data contract (docs/data.md) as data: tables, column types, and the
 * Vietnamese header aliases accepted on load. docs/data.md documents the same table for people;
 * test/schema-docs.test.ts keeps the two in step.
 */
import { ident } from './db.ts';
import { definitionsSql } from './metrics/definitions.ts';

export type ColumnType = 'text' | 'code' | 'codes' | 'date' | 'int' | 'decimal' | 'bool' | 'month' | 'period';

export interface ColumnDef {
  name: string;
  type: ColumnType;
  required: boolean;
  /** Header spellings accepted besides `name`, compared after folding case, diacritics and spacing. */
  aliases: string[];
}

export interface TableDef {
  name: TableName;
  required: boolean;
  columns: ColumnDef[];
  /** Columns whose combination must be unique. */
  key: string[];
}

/** The type of a column of the table; undefined when the table has no such column. */
export const columnType = (t: TableDef, column: string): ColumnType | undefined =>
  t.columns.find((c) => c.name === column)?.type;

export const TABLE_NAMES = [
  'units',
  'unit_lineage',
  'documents',
  'tasks',
  'criteria',
  'criteria_results',
  'index_scores',
  'dossiers',
  'dossier_stats',
  'targets',
] as const;
export type TableName = (typeof TABLE_NAMES)[number];

const c = (name: string, type: ColumnType, required: boolean, aliases: string[] = []): ColumnDef => ({
  name,
  type,
  required,
  aliases,
});

/** Headers of a unit column in commune-level exports since the two-level local government of 1 July 2025. */
const LOCALITY_HEADERS = ['Xã, phường, đặc khu', 'Xã, phường', 'Tên xã, phường', 'Tên xã, phường, đặc khu'];

export const TABLES: Record<TableName, TableDef> = {
  units: {
    name: 'units',
    required: true,
    key: ['unit_code'],
    columns: [
      c('unit_code', 'code', true, ['Mã đơn vị', 'Mã ĐV', 'Ma don vi']),
      c('name', 'text', true, ['Tên đơn vị', 'Tên']),
      c('short_name', 'text', false, ['Tên viết tắt', 'Tên ngắn']),
      c('kind', 'text', true, ['Loại đơn vị', 'Cấp']),
      c('parent_code', 'code', false, ['Mã đơn vị cấp trên', 'Đơn vị cấp trên', 'Mã cấp trên']),
      c('valid_from', 'date', false, ['Hiệu lực từ', 'Từ ngày']),
      c('valid_to', 'date', false, ['Hiệu lực đến', 'Đến ngày']),
      c('successor_code', 'code', false, ['Mã đơn vị kế thừa', 'Đơn vị kế thừa']),
      c('official_code', 'code', false, ['Mã ĐVHC', 'Mã định danh', 'Mã hành chính']),
    ],
  },
  unit_lineage: {
    name: 'unit_lineage',
    required: false,
    key: ['from_code', 'to_code'],
    columns: [
      c('from_code', 'code', true, ['Mã đơn vị cũ', 'Đơn vị cũ', 'Đơn vị trước sắp xếp']),
      c('to_code', 'code', true, ['Mã đơn vị mới', 'Đơn vị mới', 'Đơn vị sau sắp xếp']),
      c('effective_on', 'date', true, ['Ngày hiệu lực', 'Có hiệu lực từ']),
      c('kind', 'text', false, ['Hình thức sắp xếp', 'Hình thức']),
      c('note', 'text', false, ['Ghi chú', 'Căn cứ']),
    ],
  },
  documents: {
    name: 'documents',
    required: false,
    key: ['doc_no'],
    columns: [
      c('doc_no', 'code', true, ['Số văn bản', 'Số, ký hiệu', 'Số ký hiệu', 'Số hiệu']),
      c('doc_type', 'text', false, ['Loại văn bản']),
      c('issued_on', 'date', true, ['Ngày ban hành', 'Ngày văn bản']),
      c('meeting_on', 'date', false, ['Ngày họp', 'Ngày hội nghị']),
      c('issuer_code', 'code', false, ['Mã cơ quan ban hành', 'Cơ quan ban hành']),
      c('signer', 'text', false, ['Người ký']),
      c('title', 'text', true, ['Trích yếu', 'Tiêu đề']),
    ],
  },
  tasks: {
    name: 'tasks',
    required: true,
    key: ['task_id'],
    columns: [
      c('task_id', 'code', true, ['Mã nhiệm vụ', 'Mã NV']),
      c('doc_no', 'code', false, ['Số văn bản', 'Số, ký hiệu', 'Văn bản giao', 'Số thông báo', 'Thông báo kết luận']),
      c('lead_unit', 'code', true, ['Đơn vị chủ trì', 'Cơ quan chủ trì', 'Mã đơn vị chủ trì']),
      c('support_units', 'codes', false, ['Đơn vị phối hợp', 'Cơ quan phối hợp']),
      c('title', 'text', true, ['Nội dung nhiệm vụ', 'Nhiệm vụ', 'Nội dung']),
      c('area', 'text', true, ['Lĩnh vực']),
      c('index_code', 'code', false, ['Chỉ số', 'Mã chỉ số']),
      c('assigned_on', 'date', true, ['Ngày giao']),
      c('due_on', 'date', false, ['Hạn xử lý', 'Thời hạn', 'Hạn hoàn thành']),
      c('completed_on', 'date', false, ['Ngày hoàn thành']),
      c('cancelled_on', 'date', false, ['Ngày hủy', 'Ngày huỷ', 'Ngày dừng thực hiện']),
    ],
  },
  criteria: {
    name: 'criteria',
    required: false,
    key: ['year', 'criterion_code'],
    columns: [
      c('year', 'int', true, ['Năm']),
      c('criterion_code', 'code', true, ['Mã tiêu chí', 'Tiêu chí']),
      c('area', 'text', true, ['Lĩnh vực']),
      c('title', 'text', true, ['Nội dung tiêu chí', 'Tên tiêu chí']),
      c('max_points', 'decimal', true, ['Điểm tối đa']),
      c('lead_unit', 'code', false, ['Đơn vị chủ trì', 'Cơ quan chủ trì']),
      c('due_on', 'date', false, ['Hạn xử lý', 'Thời hạn', 'Hạn hoàn thành']),
    ],
  },
  criteria_results: {
    name: 'criteria_results',
    required: false,
    key: ['year', 'unit_code', 'criterion_code', 'assessed_on'],
    columns: [
      c('year', 'int', true, ['Năm']),
      c('unit_code', 'code', true, [
        'Mã đơn vị',
        'Đơn vị được đánh giá',
        'Đơn vị',
        'Tên đơn vị',
        'Cơ quan, đơn vị',
        ...LOCALITY_HEADERS,
      ]),
      c('criterion_code', 'code', true, ['Mã tiêu chí', 'Tiêu chí']),
      c('status', 'text', true, ['Trạng thái', 'Kết quả']),
      c('points', 'decimal', false, ['Điểm', 'Điểm đạt', 'Điểm tự đánh giá']),
      c('assessed_on', 'date', true, ['Ngày đánh giá']),
    ],
  },
  index_scores: {
    name: 'index_scores',
    required: false,
    key: ['index_code', 'period', 'unit_code', 'component'],
    columns: [
      c('index_code', 'code', true, ['Mã chỉ số', 'Chỉ số']),
      c('period', 'period', true, ['Kỳ', 'Kỳ đánh giá']),
      c('unit_code', 'code', true, [
        'Mã đơn vị',
        'Mã tỉnh',
        'Đơn vị',
        'Tên đơn vị',
        'Cơ quan, đơn vị',
        'Tỉnh, thành phố',
      ]),
      c('component', 'code', true, ['Chỉ số thành phần', 'Thành phần']),
      c('score', 'decimal', true, ['Điểm số', 'Điểm']),
      c('max_score', 'decimal', false, ['Điểm tối đa']),
      c('rank', 'int', false, ['Xếp hạng', 'Thứ hạng']),
      c('rank_of', 'int', false, ['Số đơn vị xếp hạng', 'Tổng số xếp hạng']),
    ],
  },
  dossiers: {
    name: 'dossiers',
    required: false,
    key: ['dossier_id'],
    columns: [
      c('dossier_id', 'code', true, ['Mã hồ sơ', 'Số hồ sơ']),
      c('unit_code', 'code', true, [
        'Mã đơn vị',
        'Đơn vị tiếp nhận',
        'Đơn vị',
        'Tên đơn vị',
        'Cơ quan, đơn vị',
        ...LOCALITY_HEADERS,
      ]),
      c('procedure_code', 'code', false, ['Mã thủ tục', 'Mã TTHC']),
      c('channel', 'text', true, ['Kênh tiếp nhận', 'Hình thức nộp']),
      c('online_eligible', 'bool', true, ['Có DVC trực tuyến', 'DVCTT']),
      c('received_on', 'date', true, ['Ngày tiếp nhận', 'Ngày nhận']),
      c('due_on', 'date', false, ['Hạn xử lý', 'Hạn trả kết quả', 'Ngày hẹn trả']),
      c('resolved_on', 'date', false, ['Ngày giải quyết', 'Ngày trả kết quả', 'Ngày hoàn thành']),
      c('paid_online', 'bool', false, ['Thanh toán trực tuyến']),
      c('fully_online', 'bool', false, ['Trực tuyến toàn trình', 'Toàn trình']),
    ],
  },
  dossier_stats: {
    name: 'dossier_stats',
    required: false,
    key: ['unit_code', 'month'],
    columns: [
      c('unit_code', 'code', true, ['Mã đơn vị', 'Đơn vị', 'Tên đơn vị', 'Cơ quan, đơn vị', ...LOCALITY_HEADERS]),
      c('month', 'month', true, ['Tháng', 'Tháng báo cáo', 'Kỳ báo cáo']),
      // Statistics exports head these columns in two rows: a merged group over its sub-labels.
      c('received', 'int', true, [
        'Tiếp nhận',
        'Số hồ sơ tiếp nhận',
        'Số hồ sơ tiếp nhận › Tổng số',
        'Tiếp nhận › Tổng số',
        'Tổng số hồ sơ tiếp nhận',
        'Tiếp nhận trong kỳ',
        'Số hồ sơ tiếp nhận trong kỳ',
        'Nhận trong kỳ',
        'Tiếp nhận mới',
        'Số hồ sơ mới tiếp nhận',
        'Đã tiếp nhận',
      ]),
      c('received_online', 'int', true, [
        'Tiếp nhận trực tuyến',
        'Số hồ sơ trực tuyến',
        'Số hồ sơ tiếp nhận › Trực tuyến',
        'Tiếp nhận › Trực tuyến',
      ]),
      c('resolved', 'int', true, [
        'Đã giải quyết',
        'Số hồ sơ đã giải quyết',
        'Đã giải quyết › Tổng số',
        'Số hồ sơ đã giải quyết › Tổng số',
        'Giải quyết › Tổng số',
        'Số hồ sơ đã giải quyết trong kỳ',
        'Đã xử lý',
        'Số hồ sơ đã xử lý',
      ]),
      c('resolved_on_time', 'int', true, [
        'Giải quyết đúng hạn',
        'Đúng hạn',
        'Đã giải quyết › Đúng hạn',
        'Số hồ sơ đã giải quyết › Đúng hạn',
        'Giải quyết › Đúng hạn',
        'Đã giải quyết › Đúng hạn, trước hạn',
      ]),
      c('received_fully_online', 'int', false, [
        'Tiếp nhận trực tuyến toàn trình',
        'Số hồ sơ trực tuyến toàn trình',
        'Số hồ sơ tiếp nhận › Trực tuyến toàn trình',
        'Tiếp nhận › Trực tuyến toàn trình',
      ]),
    ],
  },
  targets: {
    name: 'targets',
    required: false,
    key: ['metric', 'year', 'unit_code'],
    columns: [
      c('metric', 'code', true, ['Chỉ tiêu']),
      c('year', 'int', true, ['Năm']),
      c('unit_code', 'code', false, ['Mã đơn vị', 'Đơn vị', 'Tên đơn vị', 'Cơ quan, đơn vị', ...LOCALITY_HEADERS]),
      c('target', 'decimal', true, ['Mục tiêu', 'Giá trị chỉ tiêu']),
    ],
  },
};

export const UNIT_KINDS = ['province', 'department', 'district', 'commune', 'other'] as const;
export const LINEAGE_KINDS = ['merged', 'divided', 'renamed', 'moved'] as const;
export const AREAS = [
  'direction',
  'institutions',
  'procedures',
  'organization',
  'civil_service',
  'public_finance',
  'digital_government',
  'impact',
  'other',
] as const;
export const CHANNELS = ['online', 'direct', 'postal'] as const;
export const CRITERIA_STATUSES = ['achieved', 'not_achieved', 'in_progress', 'not_due'] as const;
export const TARGET_METRICS = [
  'online_ratio',
  'online_ratio_eligible',
  'online_on_time_rate',
  'online_payment_ratio',
  'task_completion_rate',
  'task_on_time_rate',
] as const;
/** Header names ignored on load: spreadsheet row numbers. */
export const IGNORED_HEADERS = ['stt', 'tt'];

const SQL_TYPES: Record<ColumnType, string> = {
  text: 'VARCHAR',
  code: 'VARCHAR',
  codes: 'VARCHAR',
  date: 'DATE',
  int: 'INTEGER',
  // DOUBLE keeps published scores at their full printed precision (PAPI has six decimals).
  decimal: 'DOUBLE',
  bool: 'BOOLEAN',
  month: 'VARCHAR',
  period: 'VARCHAR',
};

export function sqlType(t: ColumnType): string {
  return SQL_TYPES[t];
}

/** DDL of the loaded database; metrics and tests build fixtures through the same statements. */
export function createTableSql(t: TableDef): string {
  const cols = t.columns.map((col) => `${ident(col.name)} ${sqlType(col.type)}${col.required ? ' NOT NULL' : ''}`);
  return `CREATE TABLE ${ident(t.name)} (${cols.join(', ')})`;
}

/** Bookkeeping written by every load: what was read, for the brief's appendix and manifest. */
export const META_DDL = [
  `CREATE TABLE meta_files (table_name VARCHAR NOT NULL, file VARCHAR NOT NULL, format VARCHAR NOT NULL, rows BIGINT NOT NULL, sha256 VARCHAR NOT NULL)`,
  `CREATE TABLE meta_load (loaded_at TIMESTAMPTZ NOT NULL, data_dir VARCHAR NOT NULL, fingerprint VARCHAR NOT NULL, tool_version VARCHAR NOT NULL, sample BOOLEAN NOT NULL)`,
];

/** The loaded database's DDL: tables, bookkeeping, then the shared views and macros of the queries. */
export function schemaDdl(): string[] {
  return [...TABLE_NAMES.map((n) => createTableSql(TABLES[n])), ...META_DDL, definitionsSql()];
}
