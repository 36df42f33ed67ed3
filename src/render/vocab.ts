/** Vietnamese names of the codes in the data contract, as a brief prints them. */
import { componentName as metricsComponentName, indexName as metricsIndexName } from '../metrics/labels.ts';

/** Short names for tiles and captions; full names come from the metrics engine's labels. */
const INDEX_SHORT: Record<string, string> = {
  PAR_INDEX: 'PAR INDEX',
  PAPI: 'PAPI',
  SIPAS: 'SIPAS',
  PCI: 'PCI',
  DVC766: 'Chỉ số 766',
};

/** The order of section III; other index codes follow alphabetically. */
export const INDEX_ORDER = ['PAR_INDEX', 'PAPI', 'SIPAS', 'PCI', 'DVC766'];

export function indexName(code: string): string {
  return metricsIndexName(code) ?? `Chỉ số ${code}`;
}

export function indexShort(code: string): string {
  return INDEX_SHORT[code] ?? code;
}

export function componentName(index: string, component: string): string {
  return metricsComponentName(index, component) ?? component;
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
