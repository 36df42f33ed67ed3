/**
 * Names of index codes and components for people: the data contract carries codes only, and the
 * brief labels charts and tables with these. PAPI dimension names follow
 * the published PAPI indicator names (the PAPI source is named in data/README.md).
 */
export const INDEX_NAMES: Record<string, string> = {
  PAR_INDEX: 'Chỉ số cải cách hành chính (PAR INDEX)',
  PAPI: 'Chỉ số hiệu quả quản trị và hành chính công cấp tỉnh (PAPI)',
  SIPAS: 'Chỉ số hài lòng về sự phục vụ hành chính (SIPAS)',
  PCI: 'Chỉ số năng lực cạnh tranh cấp tỉnh (PCI)',
  DVC766: 'Bộ chỉ số phục vụ người dân, doanh nghiệp (Quyết định 766/QĐ-TTg)',
};

const COMPONENT_NAMES: Record<string, Record<string, string>> = {
  PAPI: {
    D1: 'Tham gia của người dân ở cấp cơ sở',
    D2: 'Công khai, minh bạch trong ra quyết định',
    D3: 'Trách nhiệm giải trình với người dân',
    D4: 'Kiểm soát tham nhũng trong khu vực công',
    D5: 'Thủ tục hành chính công',
    D6: 'Cung ứng dịch vụ công',
    D7: 'Quản trị môi trường',
    D8: 'Quản trị điện tử',
  },
};

export function indexName(indexCode: string): string | null {
  return INDEX_NAMES[indexCode] ?? null;
}

export function componentName(indexCode: string, component: string): string | null {
  if (component === 'TOTAL') return 'Tổng điểm';
  return COMPONENT_NAMES[indexCode]?.[component] ?? null;
}
