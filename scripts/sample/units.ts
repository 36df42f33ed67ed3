import path from 'node:path';
import { readCsv } from './csv.ts';

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
  official_code: string | null;
}

/** One row of unit_lineage.csv. */
export interface LineageRow {
  from_code: string;
  to_code: string;
  effective_on: string;
  kind: 'merged' | 'divided' | 'renamed' | 'moved';
  note: string;
}

/** The last day of the 63-province map and of district-level government (Resolution 202/2025/QH15). */
export const PROVINCE_END = '2025-06-30';
export const NEW_START = '2025-07-01';
/** Provincial departments merged on 1 March 2025 in both provinces' restructuring. */
const DEPT_MERGE_END = '2025-02-28';
const DEPT_MERGE_START = '2025-03-01';
export const MERGED_PROVINCE = 'AGM';
export const OLD_KIEN_GIANG = 'KG';

const NOTE_PROVINCES = 'Nghị quyết 202/2025/QH15 (hợp nhất tỉnh An Giang và tỉnh Kiên Giang)';
const NOTE_COMMUNES = 'Nghị quyết 1654/NQ-UBTVQH15 (sắp xếp ĐVHC cấp xã tỉnh An Giang)';
const NOTE_DEPARTMENTS_MARCH = 'Sắp xếp các sở từ 01/3/2025';
const NOTE_DEPARTMENTS_JULY = 'Hợp nhất cơ quan chuyên môn hai tỉnh từ 01/7/2025';
const NOTE_DISTRICTS = 'Kết thúc cấp huyện; địa bàn chuyển về các xã, phường, đặc khu';

/** The 2025 reorganisation of An Giang and Kiên Giang as published (source in data/README.md), so the generator runs from a clone alone. */
export const UNITS_2025_DIR = path.resolve(import.meta.dirname, 'units-2025');

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

/** Official district code (mã ĐVHC) → our unit_code, for both old provinces. */
const DISTRICT_BY_OFFICIAL: Record<string, string> = {
  '883': 'AG.LX',
  '884': 'AG.CD',
  '886': 'AG.AP',
  '887': 'AG.TC',
  '888': 'AG.PT',
  '889': 'AG.CP',
  '890': 'AG.TB',
  '891': 'AG.TT',
  '892': 'AG.CT',
  '893': 'AG.CM',
  '894': 'AG.TS',
  '899': 'KG.RG',
  '900': 'KG.HT',
  '902': 'KG.KL',
  '903': 'KG.HD',
  '904': 'KG.TH',
  '905': 'KG.CT',
  '906': 'KG.GR',
  '907': 'KG.GQ',
  '908': 'KG.AB',
  '909': 'KG.AM',
  '910': 'KG.VT',
  '911': 'KG.PQ',
  '912': 'KG.KH',
  '913': 'KG.UMT',
  '914': 'KG.GT',
};

export const KG_DISTRICT_CODES = Object.values(DISTRICT_BY_OFFICIAL).filter((c) => c.startsWith('KG.'));

/**
 * A department of an old province: code suffix, name, short name, kind; the department that
 * absorbed it on 1 March 2025 (or `new` for one created that day); the new province's unit that
 * took it over on 1 July 2025.
 */
// march: the department it merged into on 1 March 2025, 'new' for one created that day, null when unchanged.
type Dept = [suffix: string, name: string, short: string, kind: Unit['kind'], march: string | null, july: string];

const DEPARTMENTS = (province: string): Dept[] => [
  ['VP', 'Văn phòng UBND tỉnh', 'VP UBND', 'department', null, 'VP'],
  ['SNV', 'Sở Nội vụ', 'SNV', 'department', null, 'SNV'],
  ['STP', 'Sở Tư pháp', 'STP', 'department', null, 'STP'],
  ['STTTT', 'Sở Thông tin và Truyền thông', 'STTTT', 'department', 'SKHCN', 'SKHCN'],
  ['SKHDT', 'Sở Kế hoạch và Đầu tư', 'SKHĐT', 'department', 'STC', 'STC'],
  ['STC', 'Sở Tài chính', 'STC', 'department', null, 'STC'],
  ['STNMT', 'Sở Tài nguyên và Môi trường', 'STNMT', 'department', 'SNNMT', 'SNNMT'],
  ['SNNPTNT', 'Sở Nông nghiệp và Phát triển nông thôn', 'SNN&PTNT', 'department', 'SNNMT', 'SNNMT'],
  ['SNNMT', 'Sở Nông nghiệp và Môi trường', 'SNN&MT', 'department', 'new', 'SNNMT'],
  ['SXD', 'Sở Xây dựng', 'SXD', 'department', null, 'SXD'],
  ['SGTVT', 'Sở Giao thông vận tải', 'SGTVT', 'department', 'SXD', 'SXD'],
  ['SYT', 'Sở Y tế', 'SYT', 'department', null, 'SYT'],
  ['SGDDT', 'Sở Giáo dục và Đào tạo', 'SGDĐT', 'department', null, 'SGDDT'],
  ['SLDTBXH', 'Sở Lao động – Thương binh và Xã hội', 'SLĐ-TB&XH', 'department', 'SNV', 'SNV'],
  ['SCT', 'Sở Công Thương', 'SCT', 'department', null, 'SCT'],
  ['SKHCN', 'Sở Khoa học và Công nghệ', 'SKH&CN', 'department', null, 'SKHCN'],
  ['SVHTTDL', 'Sở Văn hóa, Thể thao và Du lịch', 'SVHTT&DL', 'department', null, 'SVHTTDL'],
  ['TTR', 'Thanh tra tỉnh', 'Thanh tra', 'department', null, 'TTR'],
  ['CA', 'Công an tỉnh', 'Công an', 'department', null, 'CA'],
  ['DPTTH', `Đài Phát thanh và Truyền hình ${province}`, 'Đài PT-TH', 'other', null, 'BPTTH'],
  [
    province === 'An Giang' ? 'BAG' : 'BKG',
    `Báo ${province}`,
    province === 'An Giang' ? 'Báo AG' : 'Báo KG',
    'other',
    null,
    'BPTTH',
  ],
  // Not part of the people's committee, but the notices assign them tasks, so they sit in the province's scope.
  ['MTTQ', 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh', 'MTTQ', 'other', null, 'MTTQ'],
  ['TDOAN', `Tỉnh đoàn ${province}`, 'Tỉnh đoàn', 'other', null, 'TDOAN'],
];

/** The new province's agencies from 1 July 2025: the surviving departments of the two, merged. */
const NEW_DEPARTMENTS: [suffix: string, name: string, short: string, kind: Unit['kind']][] = [
  ['VP', 'Văn phòng UBND tỉnh', 'VP UBND', 'department'],
  ['SNV', 'Sở Nội vụ', 'SNV', 'department'],
  ['STP', 'Sở Tư pháp', 'STP', 'department'],
  ['STC', 'Sở Tài chính', 'STC', 'department'],
  ['SNNMT', 'Sở Nông nghiệp và Môi trường', 'SNN&MT', 'department'],
  ['SXD', 'Sở Xây dựng', 'SXD', 'department'],
  ['SYT', 'Sở Y tế', 'SYT', 'department'],
  ['SGDDT', 'Sở Giáo dục và Đào tạo', 'SGDĐT', 'department'],
  ['SCT', 'Sở Công Thương', 'SCT', 'department'],
  ['SKHCN', 'Sở Khoa học và Công nghệ', 'SKH&CN', 'department'],
  ['SVHTTDL', 'Sở Văn hóa, Thể thao và Du lịch', 'SVHTT&DL', 'department'],
  ['TTR', 'Thanh tra tỉnh', 'Thanh tra', 'department'],
  ['CA', 'Công an tỉnh', 'Công an', 'department'],
  ['BPTTH', 'Báo và Phát thanh, Truyền hình An Giang', 'Báo và PT-TH', 'other'],
  ['MTTQ', 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh', 'MTTQ', 'other'],
  ['TDOAN', 'Tỉnh đoàn An Giang', 'Tỉnh đoàn', 'other'],
];

/** Châu Thành's offices, as listed among the participants of seed notice 004. */
const CHAU_THANH_OFFICES: [code: string, name: string, short: string, kind: Unit['kind']][] = [
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

/**
 * The old communes of Châu Thành that carry data (dossiers, tasks) since before the reorganisation:
 * their codes predate the reference, so they keep them; every other old commune is `<district>.<mã ĐVHC>`.
 */
const DATA_COMMUNES: Record<string, string> = {
  '30589': 'AG.CT.XAC',
  '30607': 'AG.CT.XBH',
  '30595': 'AG.CT.XCD',
  '30598': 'AG.CT.XVH',
  '30604': 'AG.CT.XVB',
  '30613': 'AG.CT.XHBT',
};
export const COMMUNE_CODES = Object.values(DATA_COMMUNES);
/** Communes that report only monthly totals (dossier_stats); the others send record-level dossiers. */
export const STATS_COMMUNES = ['AG.CT.XVB', 'AG.CT.XHBT'];

/** Centrally-run cities in PAPI's list, named "Thành phố" rather than "Tỉnh". */
const CITY_IDS = new Set([15, 20, 32, 50, 59]);
export const AN_GIANG_PAPI_ID = 57;
const KIEN_GIANG_PAPI_ID = 58;

/** PAPI province_id → unit_code: An Giang is `AG`, Kiên Giang `KG`, the 61 others `P01`…`P63`. */
export function provinceCode(papiId: number): string {
  if (papiId === AN_GIANG_PAPI_ID) return 'AG';
  if (papiId === KIEN_GIANG_PAPI_ID) return OLD_KIEN_GIANG;
  return `P${String(papiId).padStart(2, '0')}`;
}

/** The new province's unit for a mã ĐVHC of the 34-province list: `AGM` for An Giang, `N<code>` for other mergers. */
const newProvinceCode = (official: string) => (official === '91' ? MERGED_PROVINCE : `N${official}`);

/** A row of the reference lineage (an-giang-2025-communes.csv). */
export interface CommuneLink {
  old_province: string;
  old_district_code: string;
  old_commune: string;
  old_commune_code: string;
  new_commune: string;
  new_commune_code: string;
  new_commune_type: string;
  divided: string;
}

export function communeLinks(dir = UNITS_2025_DIR): CommuneLink[] {
  return readCsv(path.join(dir, 'an-giang-2025-communes.csv')) as unknown as CommuneLink[];
}

export const newCommuneCode = (official: string) => `${MERGED_PROVINCE}.${official}`;
export const oldCommuneCode = (l: Pick<CommuneLink, 'old_district_code' | 'old_commune_code'>) =>
  DATA_COMMUNES[l.old_commune_code] ?? `${DISTRICT_BY_OFFICIAL[l.old_district_code]!}.${l.old_commune_code}`;

/** "Thị Trấn Minh Lương" → ["UBND thị trấn Minh Lương", "Minh Lương"]; kinds in lower case, as documents write them. */
function localName(official: string): [name: string, short: string] {
  const m = /^(Xã|Phường|Thị trấn|Đặc khu|Thành phố|Thị xã|Huyện)\s+(.+)$/i.exec(official);
  if (!m) throw new Error(`unexpected local unit name "${official}"`);
  return [`UBND ${m[1]!.toLocaleLowerCase('vi')} ${m[2]}`, m[2]!];
}

interface Built {
  units: Unit[];
  lineage: LineageRow[];
}

const base = (u: Partial<Unit> & Pick<Unit, 'unit_code' | 'name' | 'short_name' | 'kind'>): Unit => ({
  parent_code: null,
  valid_from: null,
  valid_to: null,
  successor_code: null,
  official_code: null,
  ...u,
});

/** An old province's agencies: 1 March 2025 mergers inside it, then everything into AGM's agencies on 1 July. */
function oldDepartments(prefix: string, province: string, out: Built): void {
  for (const [suffix, name, short, kind, march, july] of DEPARTMENTS(province)) {
    const code = `${prefix}.${suffix}`;
    const mergedInMarch = march !== null && march !== 'new';
    const to = mergedInMarch ? `${prefix}.${march}` : `${MERGED_PROVINCE}.${july}`;
    out.units.push(
      base({
        unit_code: code,
        name,
        short_name: short,
        kind,
        parent_code: prefix,
        valid_from: march === 'new' ? DEPT_MERGE_START : null,
        valid_to: mergedInMarch ? DEPT_MERGE_END : PROVINCE_END,
        successor_code: to,
      }),
    );
    out.lineage.push({
      from_code: code,
      to_code: to,
      effective_on: mergedInMarch ? DEPT_MERGE_START : NEW_START,
      kind: 'merged',
      note: mergedInMarch ? NOTE_DEPARTMENTS_MARCH : NOTE_DEPARTMENTS_JULY,
    });
  }
}

/** Provinces: PAPI's 63 (for their names and ids) and the 34 of 1 July 2025, matched by name. */
function provinces(dimProvinceCsv: string, out: Built): void {
  const papi = readCsv(dimProvinceCsv).map((r) => ({ id: Number(r.province_id), name: r.province_vi! }));
  const list = readCsv(path.join(UNITS_2025_DIR, 'provinces-34.csv'));
  const bare = (s: string) => s.replace(/^(tỉnh|thành phố)\s+/i, '').trim();
  const alias: Record<string, string> = { TPHCM: 'Hồ Chí Minh', Huế: 'Thừa Thiên Huế' };
  const successorOf = new Map<string, { official: string; merged: boolean }>();
  for (const p of list) {
    const olds = p.merged_from ? p.merged_from.split(/,\s*|\s+và\s+/).map(bare) : [bare(p.name!)];
    for (const o of olds) successorOf.set(alias[o] ?? o, { official: p.official_code!, merged: p.merged_from !== '' });
  }
  for (const p of papi) {
    const s = successorOf.get(p.name);
    if (!s) throw new Error(`province ${p.name} not in provinces-34.csv`);
    const code = provinceCode(p.id);
    if (code === 'AG' || code === OLD_KIEN_GIANG) continue;
    out.units.push(
      base({
        unit_code: code,
        name: `${CITY_IDS.has(p.id) ? 'Thành phố' : 'Tỉnh'} ${p.name}`,
        short_name: p.name,
        kind: 'province',
        valid_to: s.merged ? PROVINCE_END : null,
        successor_code: s.merged ? newProvinceCode(s.official) : null,
        // An unchanged province keeps its code; a merged one's old code is not in the reference.
        official_code: s.merged ? null : s.official,
      }),
    );
  }
  if (successorOf.size !== 63) throw new Error(`provinces-34.csv names ${successorOf.size} old provinces, expected 63`);
  for (const p of list) {
    if (!p.merged_from || p.official_code === '91') continue;
    out.units.push(
      base({
        unit_code: newProvinceCode(p.official_code!),
        name: p.name!,
        short_name: bare(p.name!),
        kind: 'province',
        valid_from: NEW_START,
        official_code: p.official_code!,
      }),
    );
  }
}

/**
 * Every unit of the sample and the lineage between them: old An Giang and old Kiên Giang with
 * their departments, districts and old communes, the new An Giang (AGM) with its agencies and 102
 * communes, the 63 provinces before 1 July 2025 and the 34 after.
 */
export function buildUnitsAndLineage(dimProvinceCsv: string): Built {
  const out: Built = { units: [], lineage: [] };
  const links = communeLinks();
  const toProvince = (code: string) =>
    out.lineage.push({
      from_code: code,
      to_code: MERGED_PROVINCE,
      effective_on: NEW_START,
      kind: 'merged',
      note: NOTE_PROVINCES,
    });

  out.units.push(
    base({
      unit_code: 'AG',
      name: 'UBND tỉnh An Giang',
      short_name: 'An Giang',
      kind: 'province',
      valid_to: PROVINCE_END,
      successor_code: MERGED_PROVINCE,
      official_code: '89',
    }),
  );
  toProvince('AG');
  oldDepartments('AG', 'An Giang', out);
  // The one-stop centre belongs to the provincial office; departments' dossiers are recorded under the departments.
  out.units.push(
    base({
      unit_code: 'AG.TTPVHCC',
      name: 'Trung tâm Phục vụ hành chính công tỉnh',
      short_name: 'TT PVHCC',
      kind: 'other',
      parent_code: 'AG.VP',
      valid_to: PROVINCE_END,
      successor_code: 'AGM.TTPVHCC',
    }),
  );
  out.lineage.push({
    from_code: 'AG.TTPVHCC',
    to_code: 'AGM.TTPVHCC',
    effective_on: NEW_START,
    kind: 'merged',
    note: NOTE_DEPARTMENTS_JULY,
  });

  out.units.push(
    base({
      unit_code: OLD_KIEN_GIANG,
      name: 'UBND tỉnh Kiên Giang',
      short_name: 'Kiên Giang',
      kind: 'province',
      valid_to: PROVINCE_END,
      successor_code: MERGED_PROVINCE,
      official_code: '91',
    }),
  );
  toProvince(OLD_KIEN_GIANG);
  oldDepartments(OLD_KIEN_GIANG, 'Kiên Giang', out);

  // Districts of both provinces, each onto the new communes its old communes became.
  const districtNames = new Map(DISTRICTS.map(([c, n, s]) => [c, [n, s] as const]));
  const seenDistricts = new Set<string>();
  for (const l of links) {
    const d = DISTRICT_BY_OFFICIAL[l.old_district_code];
    if (!d) throw new Error(`unknown old district ${l.old_district_code}`);
    if (seenDistricts.has(d)) continue;
    seenDistricts.add(d);
    const districtLinks = links.filter((x) => x.old_district_code === l.old_district_code);
    const [name, short] = districtNames.get(d) ?? localName((l as unknown as Record<string, string>).old_district!);
    out.units.push(
      base({
        unit_code: d,
        name,
        short_name: short,
        kind: 'district',
        parent_code: d.split('.')[0]!,
        valid_to: PROVINCE_END,
        official_code: l.old_district_code,
      }),
    );
    const targets = [...new Set(districtLinks.map((x) => newCommuneCode(x.new_commune_code)))].sort();
    const offices = d === 'AG.CT' ? CHAU_THANH_OFFICES.map(([c]) => c) : [];
    for (const from of [d, ...offices]) {
      for (const to of targets) {
        out.lineage.push({
          from_code: from,
          to_code: to,
          effective_on: NEW_START,
          kind: targets.length > 1 ? 'divided' : 'renamed',
          note: NOTE_DISTRICTS,
        });
      }
    }
    if (d === 'AG.CT') {
      for (const [c, n, s, k] of CHAU_THANH_OFFICES)
        out.units.push(base({ unit_code: c, name: n, short_name: s, kind: k, parent_code: d, valid_to: PROVINCE_END }));
    }
  }

  // Old communes under their districts, each onto the new commune(s) it went to.
  const predecessors = new Map<string, Set<string>>();
  for (const l of links)
    predecessors.set(l.new_commune_code, (predecessors.get(l.new_commune_code) ?? new Set()).add(l.old_commune_code));
  const seenOld = new Set<string>();
  for (const l of links) {
    const code = oldCommuneCode(l);
    const targets = links.filter((x) => x.old_commune_code === l.old_commune_code);
    if (!seenOld.has(code)) {
      seenOld.add(code);
      const [name, short] = localName(l.old_commune);
      out.units.push(
        base({
          unit_code: code,
          name,
          short_name: short,
          kind: 'commune',
          parent_code: DISTRICT_BY_OFFICIAL[l.old_district_code]!,
          valid_to: PROVINCE_END,
          successor_code: targets.length === 1 ? newCommuneCode(l.new_commune_code) : null,
          official_code: l.old_commune_code,
        }),
      );
    }
    const kind =
      l.divided === 'true' ? 'divided' : predecessors.get(l.new_commune_code)!.size > 1 ? 'merged' : 'renamed';
    out.lineage.push({
      from_code: code,
      to_code: newCommuneCode(l.new_commune_code),
      effective_on: NEW_START,
      kind,
      note: NOTE_COMMUNES,
    });
  }

  // The new province, its agencies and its 102 communes.
  out.units.push(
    base({
      unit_code: MERGED_PROVINCE,
      name: 'UBND tỉnh An Giang',
      short_name: 'An Giang',
      kind: 'province',
      valid_from: NEW_START,
      official_code: '91',
    }),
  );
  for (const [suffix, name, short, kind] of NEW_DEPARTMENTS) {
    out.units.push(
      base({
        unit_code: `${MERGED_PROVINCE}.${suffix}`,
        name,
        short_name: short,
        kind,
        parent_code: MERGED_PROVINCE,
        valid_from: NEW_START,
      }),
    );
  }
  out.units.push(
    base({
      unit_code: 'AGM.TTPVHCC',
      name: 'Trung tâm Phục vụ hành chính công tỉnh',
      short_name: 'TT PVHCC',
      kind: 'other',
      parent_code: 'AGM.VP',
      valid_from: NEW_START,
    }),
  );
  const seenNew = new Set<string>();
  for (const l of links) {
    if (seenNew.has(l.new_commune_code)) continue;
    seenNew.add(l.new_commune_code);
    const [name, short] = localName(l.new_commune);
    out.units.push(
      base({
        unit_code: newCommuneCode(l.new_commune_code),
        name,
        short_name: short,
        kind: 'commune',
        parent_code: MERGED_PROVINCE,
        valid_from: NEW_START,
        official_code: l.new_commune_code,
      }),
    );
  }

  provinces(dimProvinceCsv, out);
  out.lineage.sort(
    (a, b) => cmp(a.effective_on, b.effective_on) || cmp(a.from_code, b.from_code) || cmp(a.to_code, b.to_code),
  );
  return out;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The new communes of AGM, with their kind as the reference names it (Xã, Phường, Đặc khu). */
export function newCommunes(): { code: string; type: string; name: string }[] {
  const seen = new Map<string, { code: string; type: string; name: string }>();
  for (const l of communeLinks()) {
    const code = newCommuneCode(l.new_commune_code);
    if (!seen.has(code)) seen.set(code, { code, type: l.new_commune_type, name: l.new_commune });
  }
  return [...seen.values()];
}

/**
 * The units that answer for `code` on `date`, following lineage rows in effect by then; one unit
 * for a merger or rename, several for a division.
 */
export function unitsOn(lineage: readonly LineageRow[], code: string, date: string): string[] {
  const next = lineage.filter((l) => l.from_code === code && l.effective_on <= date);
  if (next.length === 0) return [code];
  return [...new Set(next.flatMap((l) => unitsOn(lineage, l.to_code, date)))].sort();
}

/** The one unit that answers for `code` on `date`; a divided unit has no one answer, so it is a mistake here. */
export function unitOn(lineage: readonly LineageRow[], code: string, date: string): string {
  const to = unitsOn(lineage, code, date);
  if (to.length !== 1)
    throw new Error(`${code} was divided by ${date} (${to.join(', ')}); no single unit answers for it`);
  return to[0]!;
}
