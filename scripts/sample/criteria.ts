import { addDays } from './dates.ts';
import { rng } from './rng.ts';
import { DISTRICT_CODES, newCommunes } from './units.ts';
import type { Area } from './notices.ts';

const SEED_YEAR = 2023;
/** The meeting of seed notice 004, whose figures AG.CT reproduces. */
const SEED_DATE = '2023-11-27';
/**
 * Self-assessment rounds per year. 2023 closes at year end; 2024's last round is in November, so a
 * Q4 2024 brief still sees criteria in progress and points at risk. From 2025 the communes of the
 * new province assess themselves (they start on 1/7/2025): 2025 late in the year and closed at
 * year end, 2026 in rounds up to November, still in progress when the data ends.
 */
const ASSESSMENTS: Record<number, string[]> = {
  2023: ['2023-06-30', '2023-09-30', SEED_DATE, '2023-12-31'],
  2024: ['2024-03-31', '2024-06-30', '2024-09-30', '2024-11-30'],
  2025: ['2025-11-30', '2025-12-31'],
  2026: ['2026-03-31', '2026-06-30', '2026-09-30', '2026-11-30'],
};
export const CRITERIA_YEARS = Object.keys(ASSESSMENTS).map(Number);
/** The first year assessed by the new province's communes instead of the old districts. */
const COMMUNE_YEAR = 2025;

type Criterion = [code: string, area: Area, title: string, maxPoints: number, due: string];

/**
 * The district criteria set (42 criteria, 60 self-assessed points; the other 40 of 100 come from the
 * survey), worded after the PAR Index criteria for district level; 2024 reuses it with the same
 * days of the year. Only 6.1 falls due after the seed meeting of 27/11/2023: disbursement is judged
 * at year end.
 */
const CRITERIA: Criterion[] = [
  ['1.1', 'direction', 'Ban hành Kế hoạch CCHC năm đúng thời hạn, đầy đủ nội dung', 1.0, '2023-01-31'],
  ['1.2', 'direction', 'Mức độ hoàn thành Kế hoạch CCHC năm', 2.5, '2023-11-15'],
  ['1.3', 'direction', 'Thực hiện chế độ báo cáo CCHC định kỳ', 1.0, '2023-10-15'],
  [
    '1.4',
    'direction',
    'Kiểm tra CCHC đối với cơ quan chuyên môn và UBND cấp xã; xử lý vấn đề phát hiện qua kiểm tra',
    1.0,
    '2023-10-31',
  ],
  ['1.5', 'direction', 'Thực hiện Kế hoạch tuyên truyền CCHC', 1.5, '2023-09-30'],
  ['1.6', 'direction', 'Sáng kiến, giải pháp mới trong CCHC được áp dụng', 1.5, '2023-11-15'],
  ['1.7', 'direction', 'Thực hiện nhiệm vụ UBND tỉnh, Chủ tịch UBND tỉnh giao', 2.5, '2023-11-15'],
  ['2.1', 'institutions', 'Công tác ban hành VBQPPL (cấp huyện, cấp xã)', 1.5, '2023-10-31'],
  ['2.2.1', 'institutions', 'Rà soát, hệ thống hóa VBQPPL', 1.0, '2023-06-30'],
  [
    '2.2.2',
    'institutions',
    'Công bố danh mục VBQPPL hết hiệu lực, ngưng hiệu lực đúng thời gian quy định',
    1.0,
    '2023-03-31',
  ],
  [
    '2.2.3',
    'institutions',
    'Xử lý văn bản sau rà soát, kết luận kiểm tra của cơ quan có thẩm quyền',
    1.0,
    '2023-09-30',
  ],
  ['2.3', 'institutions', 'Theo dõi tình hình thi hành pháp luật', 1.0, '2023-10-31'],
  ['2.4', 'institutions', 'Tự kiểm tra, xử lý VBQPPL do cấp huyện, cấp xã ban hành', 1.0, '2023-11-15'],
  ['3.1', 'procedures', 'Công khai thủ tục hành chính đầy đủ, đúng quy định', 1.5, '2023-06-30'],
  ['3.2', 'procedures', 'Tiếp nhận, xử lý phản ánh, kiến nghị về thủ tục hành chính', 1.0, '2023-10-31'],
  ['3.3.1', 'procedures', 'Tỷ lệ hồ sơ TTHC cấp huyện giải quyết đúng hạn', 2.5, '2023-11-15'],
  ['3.3.2', 'procedures', 'Tỷ lệ hồ sơ TTHC cấp xã giải quyết đúng hạn', 1.5, '2023-11-15'],
  ['3.4', 'procedures', 'Thực hiện cơ chế một cửa, một cửa liên thông', 1.5, '2023-09-30'],
  ['3.5', 'procedures', 'Số hóa hồ sơ, kết quả giải quyết TTHC', 1.5, '2023-11-15'],
  ['3.6', 'procedures', 'Thực hiện xin lỗi tổ chức, cá nhân khi giải quyết hồ sơ trễ hạn', 1.0, '2023-11-15'],
  [
    '4.1',
    'organization',
    'Ban hành quy định chức năng, nhiệm vụ của các phòng chuyên môn, đơn vị trực thuộc theo quy định của Trung ương',
    1.0,
    '2023-06-30',
  ],
  ['4.2', 'organization', 'Thực hiện quy định về số lượng cấp phó của các cơ quan, đơn vị', 1.0, '2023-09-30'],
  ['4.3', 'organization', 'Quản lý, sử dụng biên chế được giao', 1.5, '2023-10-31'],
  ['4.4', 'organization', 'Thực hiện phân cấp, ủy quyền và kiểm tra nội dung đã phân cấp, ủy quyền', 1.5, '2023-11-15'],
  ['4.5', 'organization', 'Sắp xếp, kiện toàn đơn vị sự nghiệp công lập', 1.0, '2023-10-31'],
  ['5.1', 'civil_service', 'Xác định, điều chỉnh vị trí việc làm', 1.0, '2023-06-30'],
  ['5.2', 'civil_service', 'Tuyển dụng công chức, viên chức đúng quy định', 1.0, '2023-09-30'],
  ['5.3', 'civil_service', 'Đánh giá, xếp loại cán bộ, công chức, viên chức', 2.0, '2023-11-15'],
  ['5.4', 'civil_service', 'Đào tạo, bồi dưỡng cán bộ, công chức, viên chức', 1.0, '2023-10-31'],
  [
    '5.5',
    'civil_service',
    'Tỷ lệ công chức cấp xã có trình độ đại học trở lên phù hợp tiêu chuẩn chức danh',
    1.0,
    '2023-06-30',
  ],
  ['5.6', 'civil_service', 'Chấp hành kỷ luật, kỷ cương hành chính', 1.5, '2023-11-15'],
  ['6.1', 'public_finance', 'Tỷ lệ giải ngân kế hoạch vốn đầu tư công năm', 2.0, '2023-12-31'],
  ['6.2', 'public_finance', 'Công khai ngân sách theo quy định', 1.0, '2023-04-30'],
  ['6.3', 'public_finance', 'Thực hiện cơ chế tự chủ tài chính của đơn vị sự nghiệp công lập', 1.0, '2023-09-30'],
  ['6.4', 'public_finance', 'Thực hiện kết luận thanh tra, kiểm toán về tài chính, ngân sách', 1.5, '2023-10-31'],
  ['7.1', 'digital_government', 'Hạ tầng kỹ thuật mạng LAN tại UBND cấp xã', 1.5, '2023-09-30'],
  ['7.2', 'digital_government', 'Tỷ lệ văn bản trao đổi dưới dạng điện tử', 1.5, '2023-11-15'],
  ['7.3', 'digital_government', 'Lập hồ sơ công việc trên môi trường điện tử', 1.0, '2023-11-15'],
  ['7.4', 'digital_government', 'Cung cấp dịch vụ công trực tuyến toàn trình', 2.5, '2023-10-31'],
  ['7.5', 'digital_government', 'Tỷ lệ hồ sơ TTHC tiếp nhận trực tuyến', 2.5, '2023-11-15'],
  ['7.6', 'digital_government', 'Tỷ lệ hồ sơ thanh toán trực tuyến', 1.5, '2023-11-15'],
  [
    '8.1',
    'impact',
    'Tác động của CCHC đến thu hút đầu tư, phát triển kinh tế - xã hội của địa phương',
    2.5,
    '2023-11-15',
  ],
];

/**
 * The commune set (2025 on): the same criteria, points and deadlines, worded for a commune where
 * the district wording no longer applies (there is no district level after 1/7/2025).
 */
const COMMUNE_TITLES: Record<string, string> = {
  '1.4': 'Kiểm tra CCHC đối với các phòng chuyên môn, đơn vị trực thuộc; xử lý vấn đề phát hiện qua kiểm tra',
  '2.1': 'Công tác ban hành VBQPPL của HĐND, UBND cấp xã',
  '2.4': 'Tự kiểm tra, xử lý VBQPPL do cấp xã ban hành',
  '3.3.1': 'Tỷ lệ hồ sơ TTHC thuộc thẩm quyền cấp xã giải quyết đúng hạn',
  '3.3.2': 'Tỷ lệ hồ sơ TTHC tiếp nhận tại Trung tâm Phục vụ hành chính công cấp xã giải quyết đúng hạn',
};

const LEAD_BY_AREA: Record<Area, string> = {
  direction: 'AG.SNV',
  institutions: 'AG.STP',
  procedures: 'AG.VP',
  organization: 'AG.SNV',
  civil_service: 'AG.SNV',
  public_finance: 'AG.STC',
  digital_government: 'AG.STTTT',
  impact: 'AG.SNV',
  other: 'AG.SNV',
};

/**
 * The set of `year`: the 2023 criteria with their deadlines moved to the same day of that year,
 * worded for communes from 2025.
 */
function criteriaOf(year: number): Criterion[] {
  return CRITERIA.map(([code, area, title, max, due]) => [
    code,
    area,
    year >= COMMUNE_YEAR ? (COMMUNE_TITLES[code] ?? title) : title,
    max,
    `${year}${due.slice(4)}`,
  ]);
}

/** The old province's lead department, or from 2025 the new province's department that took it over. */
function leadOf(area: Area, year: number): string {
  const lead = LEAD_BY_AREA[area];
  if (year < COMMUNE_YEAR) return lead;
  return lead === 'AG.STTTT' ? 'AGM.SKHCN' : lead.replace(/^AG\./, 'AGM.');
}

export function buildCriteria(): Record<string, string | number>[] {
  return CRITERIA_YEARS.flatMap((year) =>
    criteriaOf(year).map(([code, area, title, max, due]) => ({
      year,
      criterion_code: code,
      area,
      title,
      max_points: max,
      lead_unit: leadOf(area, year),
      due_on: due,
    })),
  );
}

type Status = 'achieved' | 'not_achieved' | 'in_progress';
interface Result {
  year: number;
  unit_code: string;
  criterion_code: string;
  status: Status;
  points: number | null;
  assessed_on: string;
}

/**
 * Châu Thành on 27/11/2023, as seed 004 reports it: 27 achieved for 39.67 points, 2 not achieved
 * (the two it names), 12 in progress, and 6.1 not yet due (no result). Three achieved criteria score
 * below their maximum, which is how 42 points of achieved criteria come to 39.67.
 */
const CT_NOT_ACHIEVED = new Set(['2.2.2', '5.5']);
const CT_IN_PROGRESS = new Set(['1.4', '1.6', '2.4', '3.2', '3.5', '3.6', '4.5', '5.4', '6.3', '7.1', '7.2', '7.3']);
const CT_PARTIAL: Record<string, number> = { '3.3.1': 1.67, '7.5': 1.5, '1.2': 2.0 };
const CT_NOT_DUE = '6.1';

function chauThanh(): Result[] {
  const rows: Result[] = [];
  const at = (assessed_on: string, criterion_code: string, status: Status, points: number | null) =>
    rows.push({ year: SEED_YEAR, unit_code: 'AG.CT', criterion_code, status, points, assessed_on });
  for (const [code, , , max, due] of CRITERIA) {
    if (code === CT_NOT_DUE) {
      at('2023-12-31', code, 'achieved', max);
      continue;
    }
    const seedStatus: Status = CT_NOT_ACHIEVED.has(code)
      ? 'not_achieved'
      : CT_IN_PROGRESS.has(code)
        ? 'in_progress'
        : 'achieved';
    const seedPoints = seedStatus === 'achieved' ? (CT_PARTIAL[code] ?? max) : seedStatus === 'not_achieved' ? 0 : null;
    // Earlier checks saw a criterion once it fell due, achieved only if it was achieved by the seed date.
    for (const a of ASSESSMENTS[SEED_YEAR]!.slice(0, 2)) {
      if (due > a) continue;
      if (seedStatus === 'achieved') at(a, code, 'achieved', seedPoints);
      else at(a, code, 'in_progress', null);
    }
    at(SEED_DATE, code, seedStatus, seedPoints);
    // By year end the district closed most of what was in progress.
    if (seedStatus === 'in_progress') {
      const done = rng(`criteria:AG.CT:${code}`).chance(0.75);
      at('2023-12-31', code, done ? 'achieved' : 'not_achieved', done ? max : 0);
    }
  }
  return rows;
}

/**
 * A district's (to 2024) or commune's (from 2025) year: a strength, a day each criterion was met,
 * and the year's assessment rounds. Districts record every criterion at every round once it is
 * due; communes record a result only when it differs from their last one for the criterion (the
 * latest result as of any day is the same; 102 communes would otherwise add ten thousand rows).
 */
function assessed(code: string, year: number): Result[] {
  const r = rng(year === SEED_YEAR ? `criteria:${code}` : `criteria:${code}:${year}`);
  const strength = 0.62 + r.next() * 0.33;
  const rounds = ASSESSMENTS[year]!;
  const rows: Result[] = [];
  const changesOnly = year >= COMMUNE_YEAR;
  for (const [cc, , , max, due] of criteriaOf(year)) {
    const achieved = r.chance(strength);
    const metOn = addDays(due, r.int(-75, 25));
    // A partial score, on a quarter-point grid so sums stay exact in binary floating point.
    const points = r.chance(0.2) ? Math.round(max * (0.5 + r.next() * 0.4) * 4) / 4 : max;
    let last: Result | null = null;
    for (const a of rounds) {
      let row: Result | null = null;
      if (achieved && metOn <= a)
        row = { year, unit_code: code, criterion_code: cc, status: 'achieved', points, assessed_on: a };
      else if (due <= a) {
        // Judged failed at year end, or once a quarter has passed beyond its deadline.
        const failed = !achieved && (a === `${year}-12-31` || addDays(due, 90) < a);
        row = {
          year,
          unit_code: code,
          criterion_code: cc,
          status: failed ? 'not_achieved' : 'in_progress',
          points: failed ? 0 : null,
          assessed_on: a,
        };
      }
      if (row === null || (changesOnly && last?.status === row.status && last.points === row.points)) continue;
      rows.push(row);
      last = row;
    }
  }
  return rows;
}

export function buildCriteriaResults(): Result[] {
  const communes = newCommunes().map((c) => c.code);
  return CRITERIA_YEARS.flatMap((year) =>
    year >= COMMUNE_YEAR
      ? communes.flatMap((c) => assessed(c, year))
      : DISTRICT_CODES.flatMap((d) => (d === 'AG.CT' && year === SEED_YEAR ? chauThanh() : assessed(d, year))),
  );
}

/** Σ max_points in hundredths, to check the set adds up to 60 without floating-point doubt. */
export function totalMaxHundredths(): number {
  return CRITERIA.reduce((s, c) => s + Math.round(c[3] * 100), 0);
}
