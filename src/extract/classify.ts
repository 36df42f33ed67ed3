/**
 * Area and index of a task from its wording: one table of keyword rules, compared on folded text.
 * A notice's own section heading ("5. Cải cách tổ chức bộ máy:") is the notice's classification,
 * so a heading rule wins over keywords in the task's text.
 */
import type { AREAS } from '../schema.ts';
import { nameKey } from './fold.ts';

type Area = (typeof AREAS)[number];
export type IndexCode = 'PAR_INDEX' | 'PAPI' | 'SIPAS' | 'DVC766';

/** Ordered: the first area with a matching keyword wins. */
const AREA_RULES: [Area, string[]][] = [
  [
    'institutions',
    ['cải cách thể chế', 'văn bản quy phạm pháp luật', 'VBQPPL', 'pháp chế', 'thi hành pháp luật', 'về chính sách'],
  ],
  [
    'organization',
    [
      'tổ chức bộ máy',
      'sắp xếp',
      'tinh gọn',
      'biên chế',
      'đơn vị sự nghiệp',
      'kiện toàn',
      'thành lập sở',
      'đơn vị hành chính cấp xã',
    ],
  ],
  [
    'civil_service',
    [
      'chế độ công vụ',
      'công vụ',
      'xếp loại cán bộ',
      'thi đua',
      'khen thưởng',
      'kỷ luật',
      'kỷ cương',
      'đào tạo, bồi dưỡng',
      'cơ sở dữ liệu cán bộ',
      'lãnh đạo cấp phó',
      'tiếp dân',
      'thái độ giao tiếp',
    ],
  ],
  ['public_finance', ['tài chính công', 'ngân sách', 'giải ngân', 'vốn đầu tư', 'kinh phí', 'lệ phí', 'thu - chi']],
  [
    'digital_government',
    [
      'chính quyền điện tử',
      'chính quyền số',
      'chuyển đổi số',
      'văn bản điện tử',
      'môi trường điện tử',
      'hồ sơ công việc',
      'phần mềm',
      'camera',
      'mạng LAN',
      'ký số',
      'bình dân học vụ số',
      'công nghệ thông tin',
      'Zalo',
    ],
  ],
  [
    'procedures',
    [
      'thủ tục hành chính',
      'TTHC',
      'một cửa',
      'tiếp nhận và trả kết quả',
      'dịch vụ công',
      'hồ sơ',
      'phản ánh, kiến nghị',
      'phục vụ người dân và doanh nghiệp',
    ],
  ],
  [
    'direction',
    [
      'chỉ đạo',
      'điều hành',
      'tuyên truyền',
      'kiểm tra',
      'kế hoạch',
      'Ban Chỉ đạo',
      'cải cách hành chính',
      'CCHC',
      'chỉ số',
    ],
  ],
];

/** Section headings as notices word them; compared on the heading only. */
const HEADING_RULES: [Area, string[]][] = [
  ['direction', ['công tác chỉ đạo điều hành', 'công tác tuyên truyền']],
  ['institutions', ['cải cách thể chế', 'về chính sách']],
  ['procedures', ['cải cách thủ tục hành chính']],
  ['organization', ['cải cách tổ chức bộ máy']],
  ['civil_service', ['cải cách chế độ công vụ']],
  ['public_finance', ['cải cách tài chính công']],
  ['digital_government', ['chính quyền điện tử', 'chính quyền số']],
];

const INDEX_RULES: [IndexCode, string[]][] = [
  ['PAPI', ['PAPI', 'hiệu quả quản trị và hành chính công']],
  ['SIPAS', ['SIPAS', 'chỉ số hài lòng', 'sự hài lòng']],
  ['DVC766', ['766', 'bộ chỉ số phục vụ người dân', 'dịch vụ công trực tuyến']],
  ['PAR_INDEX', ['PAR Index', 'chỉ số cải cách hành chính', 'chỉ số CCHC', 'bộ chỉ số đánh giá CCHC', 'tiêu chí']],
];

const key = (s: string) => ` ${nameKey(s).join(' ')} `;
const compile = <T>(rules: [T, string[]][]) => rules.map(([code, words]) => [code, words.map(key)] as const);
const AREAS_K = compile(AREA_RULES);
const HEADINGS_K = compile(HEADING_RULES);
const INDEX_K = compile(INDEX_RULES);

/** Earliest keyword hit in the text decides among index codes; the rule order decides among areas. */
function firstByPosition<T>(rules: readonly (readonly [T, string[]])[], text: string): T | null {
  let best: { code: T; at: number } | null = null;
  for (const [code, words] of rules) {
    for (const w of words) {
      const at = text.indexOf(w);
      if (at >= 0 && (!best || at < best.at)) best = { code, at };
    }
  }
  return best?.code ?? null;
}

function firstByRule<T>(rules: readonly (readonly [T, string[]])[], text: string): T | null {
  for (const [code, words] of rules) if (words.some((w) => text.includes(w))) return code;
  return null;
}

/** `headings`: the task's enclosing headings, nearest first. */
export function classify(title: string, headings: string[]): { area: Area; index_code: IndexCode | null } {
  const t = key(title);
  const fromHeading = headings.map((h) => firstByRule(HEADINGS_K, key(h))).find((a) => a !== null) ?? null;
  const area = fromHeading ?? firstByRule(AREAS_K, t) ?? 'other';
  const index_code =
    firstByPosition(INDEX_K, t) ??
    headings.map((h) => firstByPosition(INDEX_K, key(h))).find((c) => c !== null) ??
    null;
  return { area, index_code };
}
