/** Vietnamese names of the codes in the data contract, as a brief prints them. */

export const INDEX_NAMES: Record<string, { name: string; short: string }> = {
  PAR_INDEX: { name: 'Chỉ số cải cách hành chính (PAR INDEX)', short: 'PAR INDEX' },
  PAPI: { name: 'Chỉ số hiệu quả quản trị và hành chính công cấp tỉnh (PAPI)', short: 'PAPI' },
  SIPAS: { name: 'Chỉ số hài lòng về sự phục vụ hành chính (SIPAS)', short: 'SIPAS' },
  PCI: { name: 'Chỉ số năng lực cạnh tranh cấp tỉnh (PCI)', short: 'PCI' },
  DVC766: { name: 'Bộ chỉ số phục vụ người dân, doanh nghiệp (Quyết định 766/QĐ-TTg)', short: 'Chỉ số 766' },
};

/** The order of section III; other index codes follow alphabetically. */
export const INDEX_ORDER = ['PAR_INDEX', 'PAPI', 'SIPAS', 'PCI', 'DVC766'];

export function indexName(code: string): string {
  return INDEX_NAMES[code]?.name ?? `Chỉ số ${code}`;
}

export function indexShort(code: string): string {
  return INDEX_NAMES[code]?.short ?? code;
}

/** PAPI dimensions (names from the PAPI reference, dim_indicator.csv). */
export const COMPONENT_NAMES: Record<string, string> = {
  D1: 'Tham gia của người dân ở cấp cơ sở',
  D2: 'Công khai, minh bạch',
  D3: 'Trách nhiệm giải trình với người dân',
  D4: 'Kiểm soát tham nhũng',
  D5: 'Thủ tục hành chính công',
  D6: 'Cung ứng dịch vụ công',
  D7: 'Quản trị môi trường',
  D8: 'Quản trị điện tử',
};

export function componentName(code: string): string {
  return COMPONENT_NAMES[code] ?? code;
}

export const AREA_NAMES: Record<string, string> = {
  direction: 'Công tác chỉ đạo, điều hành CCHC',
  institutions: 'Cải cách thể chế',
  procedures: 'Cải cách thủ tục hành chính',
  organization: 'Cải cách tổ chức bộ máy',
  civil_service: 'Cải cách chế độ công vụ',
  public_finance: 'Cải cách tài chính công',
  digital_government: 'Xây dựng chính quyền điện tử, chính quyền số',
  impact: 'Tác động của CCHC',
  other: 'Khác',
};

export function areaName(code: string): string {
  return AREA_NAMES[code] ?? code;
}

/** Chart labels: short enough for an axis. */
const AREA_SHORT: Record<string, string> = {
  direction: 'Chỉ đạo, điều hành',
  institutions: 'Cải cách thể chế',
  procedures: 'Cải cách TTHC',
  organization: 'Tổ chức bộ máy',
  civil_service: 'Chế độ công vụ',
  public_finance: 'Tài chính công',
  digital_government: 'Chính quyền số',
  impact: 'Tác động của CCHC',
  other: 'Khác',
};

export function areaShort(code: string): string {
  return AREA_SHORT[code] ?? code;
}

export const TASK_STATES = [
  { key: 'done_on_time', label: 'Hoàn thành đúng hạn' },
  { key: 'done_late', label: 'Hoàn thành quá hạn' },
  { key: 'in_progress', label: 'Đang thực hiện trong hạn' },
  { key: 'overdue', label: 'Quá hạn' },
] as const;
