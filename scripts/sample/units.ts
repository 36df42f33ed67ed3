import fs from 'node:fs';

/** One row of units.csv. */
export interface Unit {
  unit_code: string;
  name: string;
  short_name: string;
  kind: 'province' | 'department' | 'district' | 'commune' | 'other';
  parent_code: string | null;
  valid_from: string | null;
  valid_to: string | null;
  successor_code: string | null;
}

/** The last day of the 63-province map and of district-level government (Resolution 202/2025/QH15). */
export const PROVINCE_END = '2025-06-30';
/** Provincial departments merged on 1 March 2025 in An Giang's restructuring. */
const DEPT_MERGE_END = '2025-02-28';
export const MERGED_PROVINCE = 'AGM';

export const DISTRICTS: readonly [code: string, name: string, short: string][] = [
  ['AG.LX', 'UBND thành phố Long Xuyên', 'Long Xuyên'],
  ['AG.CD', 'UBND thành phố Châu Đốc', 'Châu Đốc'],
  ['AG.TC', 'UBND thị xã Tân Châu', 'Tân Châu'],
  ['AG.TB', 'UBND thị xã Tịnh Biên', 'Tịnh Biên'],
  ['AG.AP', 'UBND huyện An Phú', 'An Phú'],
  ['AG.CP', 'UBND huyện Châu Phú', 'Châu Phú'],
  ['AG.CT', 'UBND huyện Châu Thành', 'Châu Thành'],
  ['AG.CM', 'UBND huyện Chợ Mới', 'Chợ Mới'],
  ['AG.PT', 'UBND huyện Phú Tân', 'Phú Tân'],
  ['AG.TS', 'UBND huyện Thoại Sơn', 'Thoại Sơn'],
  ['AG.TT', 'UBND huyện Tri Tôn', 'Tri Tôn'],
];
export const DISTRICT_CODES = DISTRICTS.map(([c]) => c);

type Row = [code: string, name: string, short: string, kind: Unit['kind'], validFrom?: string, validTo?: string, successor?: string];

const PROVINCIAL: Row[] = [
  ['AG.VP', 'Văn phòng UBND tỉnh', 'VP UBND', 'department'],
  ['AG.SNV', 'Sở Nội vụ', 'SNV', 'department'],
  ['AG.STP', 'Sở Tư pháp', 'STP', 'department'],
  ['AG.STTTT', 'Sở Thông tin và Truyền thông', 'STTTT', 'department', undefined, DEPT_MERGE_END, 'AG.SKHCN'],
  ['AG.SKHDT', 'Sở Kế hoạch và Đầu tư', 'SKHĐT', 'department', undefined, DEPT_MERGE_END, 'AG.STC'],
  ['AG.STC', 'Sở Tài chính', 'STC', 'department'],
  ['AG.STNMT', 'Sở Tài nguyên và Môi trường', 'STNMT', 'department', undefined, DEPT_MERGE_END, 'AG.SNNMT'],
  ['AG.SNNPTNT', 'Sở Nông nghiệp và Phát triển nông thôn', 'SNN&PTNT', 'department', undefined, DEPT_MERGE_END, 'AG.SNNMT'],
  ['AG.SNNMT', 'Sở Nông nghiệp và Môi trường', 'SNN&MT', 'department', '2025-03-01'],
  ['AG.SXD', 'Sở Xây dựng', 'SXD', 'department'],
  ['AG.SGTVT', 'Sở Giao thông vận tải', 'SGTVT', 'department', undefined, DEPT_MERGE_END, 'AG.SXD'],
  ['AG.SYT', 'Sở Y tế', 'SYT', 'department'],
  ['AG.SGDDT', 'Sở Giáo dục và Đào tạo', 'SGDĐT', 'department'],
  ['AG.SLDTBXH', 'Sở Lao động – Thương binh và Xã hội', 'SLĐ-TB&XH', 'department', undefined, DEPT_MERGE_END, 'AG.SNV'],
  ['AG.SCT', 'Sở Công Thương', 'SCT', 'department'],
  ['AG.SKHCN', 'Sở Khoa học và Công nghệ', 'SKH&CN', 'department'],
  ['AG.SVHTTDL', 'Sở Văn hóa, Thể thao và Du lịch', 'SVHTT&DL', 'department'],
  ['AG.TTR', 'Thanh tra tỉnh', 'Thanh tra', 'department'],
  ['AG.CA', 'Công an tỉnh', 'Công an', 'department'],
  ['AG.DPTTH', 'Đài Phát thanh và Truyền hình An Giang', 'Đài PT-TH', 'other'],
  ['AG.BAG', 'Báo An Giang', 'Báo AG', 'other'],
  // Not part of the people's committee, but the notices assign it tasks, so it sits in the province's scope.
  ['AG.MTTQ', 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh', 'MTTQ', 'other'],
  ['AG.TDOAN', 'Tỉnh đoàn An Giang', 'Tỉnh đoàn', 'other'],
];

/** Châu Thành's offices, as listed among the participants of seed notice 004. */
const CHAU_THANH_OFFICES: Row[] = [
  ['AG.CT.PNV', 'Phòng Nội vụ huyện Châu Thành', 'PNV', 'department'],
  ['AG.CT.VP', 'Văn phòng HĐND và UBND huyện Châu Thành', 'VP HĐND-UBND', 'department'],
  ['AG.CT.PTCKH', 'Phòng Tài chính – Kế hoạch huyện Châu Thành', 'PTC-KH', 'department'],
  ['AG.CT.PVHTT', 'Phòng Văn hóa và Thông tin huyện Châu Thành', 'PVH-TT', 'department'],
  ['AG.CT.PTP', 'Phòng Tư pháp huyện Châu Thành', 'PTP', 'department'],
  ['AG.CT.PKTHT', 'Phòng Kinh tế và Hạ tầng huyện Châu Thành', 'PKT-HT', 'department'],
  ['AG.CT.PTNMT', 'Phòng Tài nguyên và Môi trường huyện Châu Thành', 'PTN-MT', 'department'],
  ['AG.CT.PLDTBXH', 'Phòng Lao động – Thương binh và Xã hội huyện Châu Thành', 'PLĐ-TB&XH', 'department'],
  ['AG.CT.TTVHTTTT', 'Trung tâm Văn hóa – Thông tin – Thể thao huyện Châu Thành', 'TT VH-TT-TT', 'other'],
  ['AG.CT.VPDKDD', 'Chi nhánh Văn phòng Đăng ký đất đai huyện Châu Thành', 'CN VPĐKĐĐ', 'other'],
];

export const COMMUNES: readonly [code: string, name: string, short: string][] = [
  ['AG.CT.XAC', 'UBND thị trấn An Châu', 'An Châu'],
  ['AG.CT.XBH', 'UBND xã Bình Hòa', 'Bình Hòa'],
  ['AG.CT.XCD', 'UBND xã Cần Đăng', 'Cần Đăng'],
  ['AG.CT.XVH', 'UBND xã Vĩnh Hanh', 'Vĩnh Hanh'],
  ['AG.CT.XVB', 'UBND xã Vĩnh Bình', 'Vĩnh Bình'],
  ['AG.CT.XHBT', 'UBND xã Hòa Bình Thạnh', 'Hòa Bình Thạnh'],
];
export const COMMUNE_CODES = COMMUNES.map(([c]) => c);
/** Communes that report only monthly totals (dossier_stats); the others send record-level dossiers. */
export const STATS_COMMUNES = ['AG.CT.XVB', 'AG.CT.XHBT'];

/** Centrally-run cities in PAPI's list, named "Thành phố" rather than "Tỉnh". */
const CITY_IDS = new Set([15, 20, 32, 50, 59]);
export const AN_GIANG_PAPI_ID = 57;
const KIEN_GIANG_PAPI_ID = 58;

/** PAPI province_id → unit_code: An Giang is `AG`, the 62 others `P01`…`P63`. */
export function provinceCode(papiId: number): string {
  return papiId === AN_GIANG_PAPI_ID ? 'AG' : `P${String(papiId).padStart(2, '0')}`;
}

function unit(parent: string | null, [code, name, short, kind, from, to, successor]: Row): Unit {
  // Everything under the old province ends with it, unless it ended earlier.
  const ends = parent === null ? to : (to ?? PROVINCE_END);
  return {
    unit_code: code,
    name,
    short_name: short,
    kind,
    parent_code: parent,
    valid_from: from ?? null,
    valid_to: ends ?? null,
    successor_code: successor ?? (ends === PROVINCE_END ? MERGED_PROVINCE : null),
  };
}

/** Reads PAPI's province list (dim_province.csv) for names; the ids fix the `P..` codes. */
function papiProvinces(dimProvinceCsv: string): { id: number; name: string }[] {
  const lines = fs.readFileSync(dimProvinceCsv, 'utf8').trim().split('\n').slice(1);
  return lines.map((l) => {
    const [id, name] = l.split(',');
    return { id: Number(id), name: name! };
  });
}

export function buildUnits(dimProvinceCsv: string): Unit[] {
  const units: Unit[] = [
    unit(null, ['AG', 'UBND tỉnh An Giang', 'An Giang', 'province', undefined, PROVINCE_END, MERGED_PROVINCE]),
    ...PROVINCIAL.map((r) => unit('AG', r)),
    // The one-stop centre belongs to the provincial office; departments' dossiers are recorded under the departments.
    unit('AG.VP', ['AG.TTPVHCC', 'Trung tâm Phục vụ hành chính công tỉnh', 'TT PVHCC', 'other']),
    ...DISTRICTS.map(([c, n, s]) => unit('AG', [c, n, s, 'district'])),
    ...CHAU_THANH_OFFICES.map((r) => unit('AG.CT', r)),
    ...COMMUNES.map(([c, n, s]) => unit('AG.CT', [c, n, s, 'commune'])),
    // The province formed from An Giang and Kiên Giang; it has no children here, so AG stays the default scope.
    unit(null, [MERGED_PROVINCE, 'UBND tỉnh An Giang (sau hợp nhất với Kiên Giang)', 'An Giang (mới)', 'province', '2025-07-01']),
  ];
  for (const p of papiProvinces(dimProvinceCsv)) {
    if (p.id === AN_GIANG_PAPI_ID) continue;
    const merged = p.id === KIEN_GIANG_PAPI_ID;
    units.push({
      unit_code: provinceCode(p.id),
      name: `${CITY_IDS.has(p.id) ? 'Thành phố' : 'Tỉnh'} ${p.name}`,
      short_name: p.name,
      kind: 'province',
      parent_code: null,
      valid_from: null,
      valid_to: merged ? PROVINCE_END : null,
      successor_code: merged ? MERGED_PROVINCE : null,
    });
  }
  return units;
}

/** The unit that answers for `code` on `date`: its successor once it has been merged away. */
export function unitOn(units: readonly Unit[], code: string, date: string): string {
  const u = units.find((x) => x.unit_code === code);
  if (!u || !u.valid_to || date <= u.valid_to || !u.successor_code) return code;
  return unitOn(units, u.successor_code, date);
}
