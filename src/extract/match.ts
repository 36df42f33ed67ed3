/**
 * Finds agencies named in notice text. Names are compared as folded word sequences (case,
 * diacritics, spacing, "UBND"/"Ủy ban nhân dân", "TT&TT"/"Thông tin và Truyền thông"), longest
 * match first, so "Văn phòng HĐND và UBND huyện" is one office and not "… và UBND huyện".
 */
import { CENTRAL_BODIES, CITIES, HIGHER_BODIES, PROVINCES, SECTORS } from './central.ts';
import { nameKey, phraseAt, tokenize, type Token } from './fold.ts';
import { placeName, tableProvinces, validOn, type Unit } from './units.ts';

/** Plural addressees, resolved against the units table relative to the notice's scope. */
export type Group =
  'departments' | 'localities' | 'districts' | 'communes' | 'members' | 'provinces' | 'ministries' | 'enterprises';

export type Target =
  | { type: 'unit'; codes: string[] }
  | { type: 'group'; groups: Group[] }
  | { type: 'named'; name: string; why: 'central' | 'higher' | 'other' }
  | { type: 'issuer' }
  | { type: 'skip' };

export interface Mention {
  target: Target;
  /** Token range [tok0, tok1) and character range in the text. */
  tok0: number;
  tok1: number;
  start: number;
  end: number;
}

/**
 * A lead: a unit of the table, a plural addressee to expand, or a name kept as written — a central
 * body, a body above the issuer, a group the table cannot expand, or an agency the table lacks.
 */
export type Lead =
  | { type: 'unit'; code: string; text: string }
  | { type: 'group'; group: Group; text: string }
  | {
      type: 'named';
      name: string;
      text: string;
      why: NamedWhy;
      /** The province written right after the name, whose body it is ("Sở Tài chính" of "tỉnh An Giang"). */
      of?: string;
    };

export type NamedWhy = 'central' | 'higher' | 'group' | 'other';

/** "UBND" written out, "Uỷ" spelt "Ủy", spaces collapsed: a name as written, in one spelling. */
export function normalName(s: string): string {
  return s
    .normalize('NFC')
    .replace(/\bUBND\b/g, 'Ủy ban nhân dân')
    .replace(/\bHĐND\b/g, 'Hội đồng nhân dân')
    .replace(/\bUBMTTQ(?:VN)?\b/g, 'Ủy ban Mặt trận Tổ quốc Việt Nam')
    .replace(/Uỷ/g, 'Ủy')
    .replace(/uỷ/g, 'ủy')
    .replace(/\s+/g, ' ')
    .replace(/^[\s,;:.]+|[\s,;:.]+$/g, '')
    .trim();
}

/** Phrase → groups; keys are compared after folding, with "và" and punctuation ignored. */
const GROUPS: [string, Group[]][] = [
  ['các sở ban ngành', ['departments']],
  ['sở ban ngành', ['departments']],
  ['các sở ngành', ['departments']],
  ['các ngành cơ quan', ['departments']],
  ['các ngành', ['departments']],
  ['các sở', ['departments']],
  ['các cơ quan đơn vị', ['departments']],
  ['các phòng ban', ['departments']],
  ['các phòng ban chuyên môn', ['departments']],
  ['các cơ quan địa phương', ['departments', 'localities']],
  ['các cơ quan đơn vị địa phương', ['departments', 'localities']],
  ['cơ quan đơn vị địa phương', ['departments', 'localities']],
  ['cơ quan địa phương', ['departments', 'localities']],
  ['các sở ban ngành địa phương', ['departments', 'localities']],
  ['địa phương', ['localities']],
  ['các địa phương', ['localities']],
  ['các huyện thị xã thành phố', ['districts']],
  ['huyện thị xã thành phố', ['districts']],
  ['UBND các huyện thị xã thành phố', ['districts']],
  ['UBND huyện thị xã thành phố', ['districts']],
  ['các UBND huyện thị thành', ['districts']],
  ['UBND huyện thị thành', ['districts']],
  ['huyện thị thành', ['districts']],
  ['các huyện thành phố', ['districts']],
  ['UBND các huyện thành phố', ['districts']],
  ['các huyện thị xã', ['districts']],
  ['UBND các huyện thị xã', ['districts']],
  // The units table has no mark for a steering committee's members: kept as written unless the notice names them.
  ['các thành viên ban chỉ đạo', ['members']],
  ['thành viên ban chỉ đạo', ['members']],
  // Addressees above or beside a province: never units of its table, kept as written.
  ['UBND các tỉnh thành phố trực thuộc trung ương', ['provinces']],
  ['các tỉnh thành phố trực thuộc trung ương', ['provinces']],
  ['UBND các tỉnh thành phố', ['provinces']],
  ['các bộ ngành', ['ministries']],
  ['các bộ ngành trung ương', ['ministries']],
  ['các bộ cơ quan ngang bộ', ['ministries']],
  ['các bộ cơ quan', ['ministries']],
  ['các bộ cơ quan trung ương', ['ministries']],
  // Every minister and head of a central agency, the Government's standing formula.
  ['bộ trưởng thủ trưởng cơ quan ngang bộ cơ quan thuộc chính phủ', ['ministries']],
  ['bộ trưởng thủ trưởng các cơ quan ngang bộ cơ quan thuộc chính phủ', ['ministries']],
  ['bộ trưởng thủ trưởng cơ quan ngang bộ thủ trưởng cơ quan thuộc chính phủ', ['ministries']],
  ['các bộ trưởng thủ trưởng cơ quan ngang bộ cơ quan thuộc chính phủ', ['ministries']],
  ['các bộ cơ quan ngang bộ cơ quan thuộc chính phủ', ['ministries']],
  // State groups and corporations are no one's units either.
  ['các tập đoàn tổng công ty nhà nước', ['enterprises']],
  ['các tập đoàn tổng công ty', ['enterprises']],
  ['các tập đoàn kinh tế nhà nước', ['enterprises']],
  ['các doanh nghiệp nhà nước', ['enterprises']],
  // Their heads, in the Government's formula: "Chủ tịch Hội đồng thành viên, Tổng giám đốc các tập đoàn, …".
  ['hội đồng thành viên tổng giám đốc các tập đoàn tổng công ty nhà nước', ['enterprises']],
  ['hội đồng thành viên tổng giám đốc các tập đoàn kinh tế tổng công ty nhà nước', ['enterprises']],
  ['các cơ quan trung ương', ['ministries']],
  ['các xã thị trấn', ['communes']],
  ['xã thị trấn', ['communes']],
  ['UBND các xã thị trấn', ['communes']],
  ['các xã phường thị trấn', ['communes']],
  ['UBND các xã phường thị trấn', ['communes']],
  // The two-tier provinces (from 1 July 2025): communes, wards and special zones under the province.
  ['các xã phường đặc khu', ['communes']],
  ['UBND các xã phường đặc khu', ['communes']],
  ['xã phường đặc khu', ['communes']],
  ['các xã phường', ['communes']],
  ['UBND các xã phường', ['communes']],
  ['các phường xã', ['communes']],
  ['UBND các phường xã', ['communes']],
  ['UBND xã phường đặc khu', ['communes']],
  ['UBND xã phường', ['communes']],
  // The communes named by their level ("UBND cấp xã"), as the districts were ("UBND cấp huyện").
  ['UBND cấp xã', ['communes']],
  ['UBND cấp huyện', ['districts']],
  ['UBND cấp tỉnh', ['provinces']],
  ['UBND các tỉnh', ['provinces']],
  ['các tỉnh', ['provinces']],
];

/**
 * "các Bộ: Công an, Tài chính", "các Sở: …", "UBND các huyện: Thanh Trì, Gia Lâm", "UBND các phường: Yên
 * Bái, Văn Phú" (and "các xã:", "các đặc khu:"): a head, then names.
 */
const LIST_HEADS: [string[], string][] = [
  [nameKey('các bộ'), 'Bộ'],
  [nameKey('các bộ cơ quan'), 'Bộ'],
  [nameKey('các bộ ngành'), 'Bộ'],
  [nameKey('các tập đoàn'), 'Tập đoàn'],
  [nameKey('các sở'), 'Sở'],
  [nameKey('ubnd các huyện'), 'Ủy ban nhân dân huyện'],
  [nameKey('các huyện'), 'Ủy ban nhân dân huyện'],
  [nameKey('ubnd các xã'), 'Ủy ban nhân dân xã'],
  [nameKey('các xã'), 'Ủy ban nhân dân xã'],
  [nameKey('ubnd các phường'), 'Ủy ban nhân dân phường'],
  [nameKey('các phường'), 'Ủy ban nhân dân phường'],
  [nameKey('ubnd các đặc khu'), 'Ủy ban nhân dân đặc khu'],
  [nameKey('các đặc khu'), 'Ủy ban nhân dân đặc khu'],
  [nameKey('ubnd các tỉnh'), 'Ủy ban nhân dân tỉnh'],
  [nameKey('ubnd các thành phố'), 'Ủy ban nhân dân thành phố'],
  [nameKey('ubnd các tỉnh thành phố'), 'Ủy ban nhân dân'],
  [nameKey('các tỉnh'), 'tỉnh'],
  [nameKey('các tỉnh thành phố'), 'tỉnh'],
];
/** List heads whose members are provinces, read by name. */
const PROVINCE_HEADS = new Set(['Ủy ban nhân dân tỉnh', 'Ủy ban nhân dân', 'tỉnh']);
const PROVINCE_KEYS = PROVINCES.map((p) => nameKey(p)).sort((a, b) => b.length - a.length);
/** "tỉnh Nghệ An", "Thành phố Hà Nội". */
const levelOf = (province: string): string =>
  CITIES.some((c) => nameKey(c).join(' ') === nameKey(province).join(' ')) ? 'Thành phố' : 'tỉnh';
/** The provinces' own names as leads ("tỉnh Nghệ An", "Thành phố Hà Nội"). */
const PROVINCE_NAMES = new Set(PROVINCES.map((p) => `${levelOf(p)} ${p}`));
const PROVINCES_LONGEST_FIRST = [...PROVINCES].sort((a, b) => nameKey(b).length - nameKey(a).length);

/**
 * A name that ends on a province at its level ("Ủy ban nhân dân tỉnh An Giang", "tỉnh An Giang", "Ủy ban nhân
 * dân thành phố Cần Thơ"): the words before the level, the place as written, and the province.
 */
function placeAtEnd(name: string): { rest: string; place: string; province: string } | null {
  const words = tokenize(name).filter((t) => t.word && t.w !== 'va');
  const w = (k: number) => words[k]?.w;
  const from = (p: string) => words.length - nameKey(p).length;
  const province = PROVINCES_LONGEST_FIRST.find((p) => nameKey(p).every((x, n) => w(from(p) + n) === x));
  if (!province) return null;
  const k = from(province);
  const level = w(k - 1) === 'tinh' ? k - 1 : w(k - 2) === 'thanh' && w(k - 1) === 'pho' ? k - 2 : -1;
  if (level < 0) return null;
  const start = words[level]!.start;
  return { rest: name.slice(0, start).trim(), place: name.slice(start).trim(), province };
}

/**
 * What a name that says it is one of the table's provinces' maps to: that province's unit standing on the
 * notice's day (`code`), or none, and why (`code` null).
 */
export type ProvinceNamed = { place: string; code: string } | { place: string; code: null; why: string };
const SECTOR_KEYS = SECTORS.map((x) => nameKey(x)).sort((a, b) => b.length - a.length);
/** List heads whose members are sectors ("các bộ Xây dựng, Tài chính", "các sở Nội vụ, Tư pháp"). */
const SECTOR_HEADS = new Set(['Bộ', 'Sở']);

/** Parties to a project that notices address by their role; no table has them as units. */
const ROLES = ['Chủ đầu tư', 'các chủ đầu tư', 'Nhà đầu tư', 'các nhà đầu tư', 'Nhà thầu', 'các nhà thầu'];

/** Titles and fillers inside an addressee list: "Thủ trưởng các sở…", "Chủ tịch UBND…", "… có liên quan". */
const SKIPS = [
  'thủ trưởng',
  'chủ tịch',
  'lãnh đạo',
  'các đồng chí',
  'đồng chí',
  // "yêu cầu đối với Sở Nông nghiệp và Môi trường …": the requirements addressed to it.
  'đối với',
  'bộ trưởng',
  'cục trưởng',
  'giám đốc',
  'thống đốc',
  'tổng giám đốc',
  'ban thường trực',
  'ban giám đốc',
  'các cơ quan',
  'riêng các phòng',
  'các phòng',
  'có liên quan',
  'liên quan',
  'trên địa bàn huyện',
  'trên địa bàn tỉnh',
  'trên địa bàn',
];
/** Words that follow a name, never inside one: "Tập đoàn Điện lực Việt Nam theo chức năng …". */
const NOT_IN_NAME = new Set([
  'theo',
  'tai',
  've',
  'va',
  'co',
  'duoc',
  'da',
  'se',
  'can',
  'phai',
  'de',
  'voi',
  'trong',
  'cho',
  'thuc',
  'la',
]);
/** Verbs that end a name only when written in lower case. */
const LOWER_VERBS = new Set(['ho tro']);
/** Verbs of prevention that open a heading with a head noun's first word ("Phòng chống …"). */
const PREVENT = new Set(['phong chong', 'phong ngua', 'phong tranh']);
/** Heads of bodies that are no ministry's sector: in "các Bộ, cơ quan: …" they keep their own name. */
const OWN_NAME_HEADS = [
  'tập đoàn',
  'tổng công ty',
  'ngân hàng',
  'ủy ban',
  'văn phòng',
  'kiểm toán',
  'đài',
  'thông tấn xã',
].map((h) => nameKey(h));
/** Generic kinds of body, listed one after the other as one addressee ("các bộ, ngành, các địa phương"). */
const GENERIC = new Set<Group>(['departments', 'localities', 'ministries']);
/** Nouns of the kinds of party a list of addressees names in lower case ("tư vấn", "nhà thầu thi công", "đoàn thể nhân dân"). */
const PARTY_KINDS = [
  'tư vấn',
  'nhà thầu',
  'chủ đầu tư',
  'nhà đầu tư',
  'đơn vị',
  'cơ quan',
  'tổ chức',
  'doanh nghiệp',
  'hiệp hội',
  'hội',
  'đoàn thể',
  'lực lượng',
  'tổng công ty',
  'công ty',
].map((h) => nameKey(h));
/** Words that open an addressee of its own inside a list: a plural, a people's committee. */
const OWN_HEAD = new Set(['cac', 'ubnd', 'uy']);
const FILLER_WORDS = new Set(['va', 'tinh', 'huyen', 'cac', 'cung', 'voi']);
/** Words that close a group's name as written: a level, mass organisations, "của Trung ương". */
const QUALIFIERS = [
  ['tinh'],
  ['huyen'],
  ['doan', 'the'],
  ['don', 'vi'],
  ['cua', 'trung', 'uong'],
  ['thuoc', 'tinh'],
  ['cap', 'tinh'],
  ['cap', 'huyen'],
  ['cap', 'xa'],
  ['truc', 'thuoc'],
  ['co', 'lien', 'quan'],
  ['lien', 'quan'],
];

/** Token index after a qualifier at j (a comma before it allowed), or j when there is none. */
function qualifierAt(tokens: Token[], j: number): number {
  const at = tokens[j]?.w === ',' ? j + 1 : j;
  const q = QUALIFIERS.find((w) => w.every((x, k) => tokens[at + k]?.w === x && tokens[at + k]!.word));
  return q ? at + q.length : j;
}
/**
 * "Ủy ban nhân dân cấp tỉnh có đất thu hồi thực hiện dự án, …", "… nơi có đất …": a relative clause after a
 * group says which of them, and belongs to its name as written, up to a comma, "và", a preposition or the
 * assignment's verb ("… có đất thu hồi chịu trách nhiệm …"). "thực hiện" there is the clause's purpose.
 */
function relativeAt(tokens: Token[], j: number): number {
  const from = tokens[j]?.w === 'co' ? j + 1 : tokens[j]?.w === 'noi' && tokens[j + 1]?.w === 'co' ? j + 2 : j;
  // "có trách nhiệm", "có văn bản", "có ý kiến": "có" as the verb, not a clause.
  const next = `${tokens[from]?.w ?? ''} ${tokens[from + 1]?.w ?? ''}`;
  if (from === j || VERBAL_CO.has(next) || tokens[from]?.w === 'the') return j;
  let k = from;
  while (k < tokens.length && tokens[k]!.word && !RELATIVE_ENDS.has(tokens[k]!.w)) {
    const two = `${tokens[k]!.w} ${tokens[k + 1]?.w ?? ''}`;
    if ((VERBS.has(two) && two !== 'thuc hien') || VERBS.has(`${two} ${tokens[k + 2]?.w ?? ''}`)) break;
    k++;
  }
  return k > from ? k : j;
}
const RELATIVE_ENDS = new Set(['va', 'theo', 'tai', 'de', 've', 'cua']);
/** How many words each further kind in a group's list may run to ("cơ quan chủ quản", "cá nhân liên quan"). */
const KIND_WORDS = 6;
/** Prepositions after which a kind names the body it belongs to, capitalised ("của Ban Chỉ đạo", "ở Trung ương"). */
const WHOSE = new Set(['cua', 'o', 'thuoc']);
/** How many words a party named by its kind in a list may run to ("các ngân hàng thương mại cổ phần"). */
const MEMBER_WORDS = 8;
/** Words of obligation or manner before a verb: where a list of addressees ends. */
const BEFORE_VERB = new Set([
  'phai',
  'can',
  'tich cuc',
  'chu dong',
  'kip thoi',
  'nghiem tuc',
  'quyet liet',
  'thuong xuyen',
]);
/** "nhất là", "đặc biệt là": an aside naming examples, after the list. */
const ASIDE_WORDS = new Set(['nhat la', 'dac biet', 'trong do']);
const VERBAL_CO = new Set(
  [
    'liên quan',
    'trách nhiệm',
    'ý kiến',
    'văn bản',
    'báo cáo',
    'kế hoạch',
    'giải pháp',
    'biện pháp',
    'hướng dẫn',
    'phương án',
    'quyết định',
    'chỉ đạo',
    'tờ trình',
  ].map((v) => nameKey(v).join(' ')),
);
const FILLER_PUNCT = new Set([',', ';', ':', '(', ')', '&', '-', '–', '—', '/', '“', '”', '"']);
/** Punctuation a name may contain ("Sở Văn hóa, Thể thao và Du lịch", "Tài chính – Kế hoạch"). */
const INNER_PUNCT = new Set([',', '-', '–', '—', '&', '.']);

/** Nouns that start an agency's name: after "giao"/"đề nghị" they mark a name missing from units. */
const HEAD_WORDS = [
  'sở',
  'ban',
  'phòng',
  'văn phòng',
  'trung tâm',
  'ủy ban',
  'ubnd',
  'báo',
  'đài',
  'tỉnh đoàn',
  'huyện đoàn',
  'hội',
  'công an',
  'thanh tra',
  'chi cục',
  'chi nhánh',
  'bưu điện',
  'bộ',
  'cục',
  'tổng cục',
  'ngân hàng',
  'tập đoàn',
  'tổng công ty',
  'công ty',
  'kiểm toán',
  'viện',
  'viện kiểm sát',
  'tòa án',
  'đoàn',
  'bệnh viện',
  'trường',
  'bộ chỉ huy',
  'liên đoàn',
  'mặt trận',
  'đảng ủy',
  'tỉnh ủy',
  'thành ủy',
  'huyện ủy',
  'thường trực',
  'hội đồng',
  'quỹ',
  'kho bạc',
  'điện lực',
  'cảng vụ',
  'thuế',
  'hải quan',
  'bảo hiểm xã hội',
  'vườn quốc gia',
  'khu bảo tồn',
  'thi hành án dân sự',
  'thads',
  'hiệp hội',
];
/**
 * Heads that name a provincial body by its level alone, in lower case: "Công an tỉnh", "Thuế tỉnh",
 * "Thanh tra tỉnh", "Tòa án nhân dân tỉnh" — no capitalised name follows them; a central body's branch
 * by its region: "Kho bạc nhà nước khu vực XI", "Ngân hàng nhà nước khu vực 8".
 */
const LEVEL_HEADS = [
  'công an',
  'thuế',
  'thanh tra',
  'hải quan',
  'kho bạc',
  'bảo hiểm xã hội',
  'tỉnh đoàn',
  'tòa án',
  'viện kiểm sát',
  'kiểm toán',
  'ngân hàng',
  'thi hành án dân sự',
  'thads',
].map((h) => nameKey(h).join(' '));
/** The elected bodies an office may serve together. */
const ELECTED = ['hội đồng nhân dân', 'ủy ban nhân dân', 'đoàn đại biểu quốc hội'].map((h) => nameKey(h));
const PARTY_COMMITTEES = ['tỉnh ủy', 'thành ủy', 'huyện ủy', 'đảng ủy'].map((h) => nameKey(h));
/** Words between such a head and its level: "Tòa án nhân dân tỉnh", "Kiểm toán nhà nước khu vực II". */
const BEFORE_LEVEL = [
  ['nhan', 'dan'],
  ['nha', 'nuoc'],
];
const LEVELS = new Set(['tinh', 'thanh pho', 'huyen', 'xa', 'phuong']);
/** Heads of a party committee, named by the body it leads ("Đảng ủy Bộ Xây dựng"). */
const PARTY_HEADS = new Set(['dang uy']);
const HEADS = HEAD_WORDS.map((h) => nameKey(h));
/** Heads of the addressees a heading names, plural ones too ("các cơ quan …", "các chi bộ, đảng bộ cơ sở"). */
const ADDRESSEE_HEADS = [
  ...HEAD_WORDS,
  'cơ quan',
  'cấp ủy',
  'chi bộ',
  'đảng bộ',
  'tổ chức đảng',
  'tổ chức',
  'đơn vị',
  'đoàn thể',
  'chủ rừng',
].map((h) => nameKey(h));
/** Accented head words as written: "số" folds like "sở" but never starts an agency's name. */
const HEAD_FIRST = new Map(HEAD_WORDS.map((h) => [nameKey(h).join(' '), h.split(' ')[0]!]));
/** Heads after which notices abbreviate the rest to initials ("Sở NV", "Trung tâm VH-TT-TT"); one written word per folded word. */
const INITIAL_HEADS = ['sở', 'phòng', 'trung tâm', 'ban'].map((h) => nameKey(h));
/** Words that end an agency's name: the verb of the assignment. */
const VERBS = new Set(
  [
    'chủ trì',
    'phối hợp',
    'tiếp tục',
    'tăng cường',
    'khẩn trương',
    'thực hiện',
    'tham mưu',
    'triển khai',
    'kiểm tra',
    'rà soát',
    'hướng dẫn',
    'chủ động',
    'nghiên cứu',
    'xây dựng',
    'tổ chức',
    'hoàn thành',
    'hoàn thiện',
    'chỉ đạo',
    'báo cáo',
    'theo dõi',
    'đôn đốc',
    'quan tâm',
    'tuyên truyền',
    'ban hành',
    'đề xuất',
    'nâng cao',
    'tập trung',
    'nhanh chóng',
    'đẩy nhanh',
    'đẩy mạnh',
    'chịu trách nhiệm',
    'làm việc',
    'yêu cầu',
    'đề nghị',
    'trao đổi',
    'xem xét',
    'khảo sát',
    'bố trí',
    'căn cứ',
    'sớm có',
    'tổng hợp',
    'tạo điều kiện',
    // "giao Đảng ủy … lãnh đạo Ủy ban …": a party committee leads the body it guides.
    'lãnh đạo',
    // "Bộ Tư lệnh … theo chức năng, nhiệm vụ được giao thực hiện …": the manner of the act follows its subject.
    'theo chức năng',
  ].map((v) => nameKey(v).join(' ')),
);
/**
 * Nouns holding a verb, inside names: "Ban Quản lý dự án đầu tư xây dựng số 1" does not end at "xây dựng",
 * nor "… công trình giao thông tỉnh" at "trình".
 */
const NAME_COMPOUNDS = ['đầu tư xây dựng', 'công trình'].map((c) => nameKey(c));
/** One word that ends a name: a verb, or a clause of time after the subject ("Các Cục Thuế khi tiến hành …"). */
const VERB1 = new Set(['co', 'can', 'phai', 'trinh', 'khi']);
const VERB1_WRITTEN = new Set(['có', 'cần', 'phải', 'trình', 'khi']);

interface Node {
  next: Map<string, Node>;
  targets: Target[];
}
const newNode = (): Node => ({ next: new Map(), targets: [] });

/** Initials of a name's parts after its head noun: "Sở Thông tin và Truyền thông" → "Sở TT&TT", "Sở TTTT". */
function initialsVariants(name: string): string[][] {
  const key = nameKey(name);
  const head = INITIAL_HEADS.find((h) => h.every((w, i) => key[i] === w));
  if (!head) return [];
  const rest = name.split(/\s+/).slice(head.length).join(' ');
  const parts = rest
    .split(/\s*(?:,|–|—|-)\s*|\s+và\s+/u)
    .map((p) => nameKey(p))
    .filter((p) => p.length > 0);
  if (parts.length === 0 || parts.some((p) => p.length > 4)) return [];
  const inits = parts.map((p) => p.map((w) => w[0]).join(''));
  return [
    [...head, ...inits],
    [...head, inits.join('')],
  ];
}

export class Matcher {
  private readonly root = newNode();
  private readonly byCode = new Map<string, Unit>();
  /** The scope and its ancestors issue the notice; they are never the lead. */
  private readonly issuers: Set<string>;
  /** Folded words of the issuer block, and the word index where each of its lines starts. */
  private readonly issuerWords: string[] = [];
  private readonly issuerStarts = new Set<number>();
  /** Matchers scoped to each of the table's provinces, for the names that say which one they are of. */
  private readonly scoped = new Map<string, Matcher>();

  /**
   * `scope`: the province or district the notice belongs to, whose units its names are matched
   * to; null for a notice of another province or of a central body, whose names are kept as written.
   */
  constructor(
    private readonly units: Unit[],
    readonly scope: Unit | null,
    readonly day: string | null,
    /** Lines of the issuer block ("ỦY BAN NHÂN DÂN", "THÀNH PHỐ HÀ NỘI"): a name that opens one of them is the issuer. */
    issuerLines: string[] = [],
  ) {
    for (const line of issuerLines) {
      this.issuerStarts.add(this.issuerWords.length);
      this.issuerWords.push(...nameKey(line));
    }
    for (const u of units) this.byCode.set(u.code, u);
    this.issuers = new Set(scope ? this.ancestors(scope.code) : []);
    if (scope) {
      for (const u of units) for (const v of this.variants(u)) this.add(v, { type: 'unit', codes: [u.code] });
      // The notice calls its own issuer "UBND tỉnh"/"UBND huyện"; known as such, it is never read as an unknown lead.
      for (const code of this.issuers) {
        const u = this.byCode.get(code)!;
        if (u.short_name && u.name.endsWith(` ${u.short_name}`))
          this.add(nameKey(u.name.slice(0, -u.short_name.length)), { type: 'unit', codes: [code] });
      }
    } else {
      // Without a scope a people's committee (or its office) is still "UBND tỉnh" to itself; "UBND huyện Triệu
      // Phong" is another body (see leadSpan). A party committee's letter ("ĐẢNG ỦY ỦY BAN NHÂN DÂN TỈNH")
      // addresses "Ủy ban nhân dân tỉnh": there it is a name as written.
      // So does a central body's notice ("VĂN PHÒNG CHÍNH PHỦ" over "Ủy ban nhân dân Thành phố chỉ đạo …"): no
      // people's committee issues it.
      const keys = issuerLines.map((l) => nameKey(l).join(' '));
      const party =
        keys.some((k) => /^(dang uy|dang bo|tinh uy|thanh uy|huyen uy)\b/.test(k)) ||
        (/^(van phong chinh phu|bo|thu tuong)\b/.test(keys.join(' ')) &&
          !keys.some((k) => /\b(ubnd|uy ban nhan dan)\b/.test(k)));
      for (const level of ['tỉnh', 'thành phố', 'huyện', 'xã', 'phường'])
        this.add(
          nameKey(`ubnd ${level}`),
          !party ? { type: 'issuer' } : { type: 'named', name: `Ủy ban nhân dân ${level}`, why: 'other' },
        );
    }
    for (const sector of SECTORS)
      this.add(nameKey(`Bộ ${sector}`), { type: 'named', name: `Bộ ${sector}`, why: 'central' });
    for (const body of CENTRAL_BODIES) this.add(nameKey(body), { type: 'named', name: body, why: 'central' });
    for (const body of HIGHER_BODIES) this.add(nameKey(body), { type: 'named', name: body, why: 'higher' });
    const own = scope ? nameKey(this.provinceOf(scope)?.short_name ?? '').join(' ') : '';
    for (const p of PROVINCES) {
      if (nameKey(p).join(' ') === own) continue;
      for (const level of ['tỉnh', 'thành phố']) {
        this.add(nameKey(`ubnd ${level} ${p}`), {
          type: 'named',
          name: `Ủy ban nhân dân ${level} ${p}`,
          why: 'central',
        });
      }
      // "Thành phố Hà Nội và các tỉnh Bắc Ninh, Gia Lai đẩy nhanh …": a central notice names the province itself.
      this.add(nameKey(`${levelOf(p)} ${p}`), { type: 'named', name: `${levelOf(p)} ${p}`, why: 'other' });
    }
    for (const [phrase, groups] of GROUPS) this.add(nameKey(phrase), { type: 'group', groups });
    for (const s of SKIPS) this.add(nameKey(s), { type: 'skip' });
    for (const r of ROLES) this.add(nameKey(r), { type: 'named', name: r, why: 'other' });
  }

  private provinceOf(u: Unit): Unit | undefined {
    return this.ancestors(u.code)
      .map((c) => this.byCode.get(c)!)
      .find((x) => x.kind === 'province');
  }

  unit(code: string): Unit | undefined {
    return this.byCode.get(code);
  }

  private ancestors(code: string): string[] {
    const out: string[] = [];
    for (
      let u = this.byCode.get(code);
      u && !out.includes(u.code);
      u = u.parent ? this.byCode.get(u.parent) : undefined
    )
      out.push(u.code);
    return out;
  }

  private variants(u: Unit): string[][] {
    const names = [u.name, ...(u.short_name && u.short_name.length > 2 ? [u.short_name] : [])];
    // "Phòng Nội vụ huyện Châu Thành" is written "Phòng Nội vụ huyện" or "Phòng Nội vụ" in its own district's notice.
    const places = this.ancestors(u.code)
      .slice(1)
      .map((c) => this.byCode.get(c)!.short_name)
      .filter((s): s is string => !!s);
    for (const place of places) {
      const m = new RegExp(`^(.+?)\\s+((?:tỉnh|huyện|thị xã|thành phố)\\s+)?${place}$`, 'u').exec(u.name);
      if (!m) continue;
      const base = m[1]!;
      if (base.split(/\s+/).length >= 2) names.push(base);
      if (m[2]) names.push(`${base} ${m[2].trim()}`);
    }
    const bare = names.flatMap((n) => {
      const m = /^(.+?)\s+(?:tỉnh|huyện)$/u.exec(n);
      return m && m[1]!.split(/\s+/).length >= 2 ? [m[1]!] : [];
    });
    const all = [...names, ...bare];
    return [...all.map((n) => nameKey(n)), ...all.flatMap((n) => initialsVariants(n))].filter((k) => k.length > 0);
  }

  private add(key: string[], target: Target): void {
    let node = this.root;
    for (const w of key) {
      if (w === 'va') continue;
      let n = node.next.get(w);
      if (!n) node.next.set(w, (n = newNode()));
      node = n;
    }
    const same = node.targets.find((t) => t.type === target.type);
    if (same && same.type === 'unit' && target.type === 'unit') {
      for (const c of target.codes) if (!same.codes.includes(c)) same.codes.push(c);
    } else if (!same) node.targets.push(target);
  }

  tokens(text: string): Token[] {
    return tokenize(text);
  }

  /** Longest name, group or filler phrase starting at token i. */
  matchAt(tokens: Token[], i: number): Mention | null {
    if (!tokens[i]?.word) return null;
    let node: Node | undefined = this.root;
    let best: Mention | null = null;
    let j = i;
    while (node && j < tokens.length) {
      const t: Token = tokens[j]!;
      if (!t.word) {
        if (j > i && INNER_PUNCT.has(t.w)) {
          j++;
          continue;
        }
        break;
      }
      if (t.w === 'va' && j > i) {
        j++;
        continue;
      }
      node = node.next.get(t.w);
      if (!node) break;
      j++;
      if (node.targets.length > 0) {
        const target = node.targets.find((x) => x.type === 'unit') ?? node.targets[0]!;
        best = { target, tok0: i, tok1: j, start: tokens[i].start, end: tokens[j - 1]!.end };
      }
    }
    if (best && best.target.type === 'unit' && this.lowerLevelFollows(tokens, best.tok1)) return null;
    return best;
  }

  /** "Ủy ban MTTQ Việt Nam các xã" names the communes' committees, not the province's. */
  private lowerLevelFollows(tokens: Token[], j: number): boolean {
    const a = tokens[j]?.w;
    const b = tokens[j + 1]?.w;
    return (a === 'cac' || a === 'cap') && (b === 'xa' || b === 'huyen' || b === 'phuong');
  }

  /**
   * The addressee list starting at token i ("Thủ trưởng các sở, ban, ngành; Chủ tịch UBND các huyện…",
   * "các Bộ: Công an, Tài chính"): names and groups separated by fillers, up to the first word that
   * is neither (the verb). With `allowUnknown`, an agency-like name the table lacks is kept as written.
   */
  leadSpan(
    text: string,
    tokens: Token[],
    i: number,
    allowUnknown = false,
  ): { leads: Lead[]; end: number; tokEnd: number } {
    const leads: Lead[] = [];
    let j = i;
    let skipped = 0;
    let end = tokens[i]?.start ?? text.length;
    while (j < tokens.length) {
      const t = tokens[j]!;
      if (t.w === '.') break;
      const list = this.listAt(text, tokens, j);
      if (list) {
        leads.push(...list.leads);
        j = list.tokEnd;
        end = tokens[j - 1]!.end;
        continue;
      }
      const m = this.matchAt(tokens, j);
      if (m && m.target.type === 'issuer') {
        // "UBND huyện Triệu Phong": a body below the issuer, named by its place.
        const place = this.capitalisedRun(text, tokens, m.tok1);
        if (place > m.tok1) {
          const written = text.slice(m.start, tokens[place - 1]!.end);
          if (!this.isIssuer(written))
            leads.push({ type: 'named', name: normalName(written), text: written, why: 'other' });
          end = tokens[place - 1]!.end;
        }
        j = Math.max(place, m.tok1);
        continue;
      }
      if (m && m.target.type !== 'skip') {
        let written = text.slice(m.start, m.end);
        let to = m.tok1;
        if (m.target.type === 'group') {
          // "các sở, ngành tỉnh", "các sở, ban, ngành, đoàn thể tỉnh", "các cơ quan, đơn vị của Trung ương":
          // level words and qualifiers belong to the name as written.
          for (let q = qualifierAt(tokens, to); q > to; q = qualifierAt(tokens, to)) to = q;
          // "các Bộ, ngành, địa phương", "các bộ, cơ quan trung ương và địa phương": groups written one after
          // the other are one addressee, as written; each group still expands where the table has its units.
          const groups = [...m.target.groups];
          for (let next = this.groupAfter(tokens, to, groups); next; next = this.groupAfter(tokens, to, groups)) {
            groups.push(...next.groups.filter((g) => !groups.includes(g)));
            to = next.tok1;
            for (let q = qualifierAt(tokens, to); q > to; q = qualifierAt(tokens, to)) to = q;
          }
          to = relativeAt(tokens, to);
          // "Uỷ ban nhân dân các tỉnh biên giới phối hợp …": a kind of province, up to three words before the verb.
          if (groups.includes('provinces')) to = this.kindBeforeVerb(text, tokens, to);
          // Further kinds go on with a run of generic kinds only: "Ủy ban nhân dân các xã, phường và các đơn vị có
          // liên quan" are two addressees.
          if (groups.every((g) => GENERIC.has(g) || g === 'members')) to = this.moreKinds(text, tokens, to);
          written = text.slice(m.start, tokens[to - 1]!.end);
          // "Các thành viên Ban Chỉ đạo có liên quan (Sở Nội vụ, Sở Tài chính, …)": the group is the units it names.
          const named = this.namedInBrackets(text, tokens, to);
          if (named) {
            leads.push(...named.leads);
            j = named.tokEnd;
            end = tokens[j - 1]!.end;
            continue;
          }
          for (const g of groups) leads.push({ type: 'group', group: g, text: written });
        } else if (m.target.type === 'named') {
          // "Sở Nông nghiệp và Môi trường tỉnh Quảng Ngãi": a province right after a name is whose it is.
          const whose = leads.length > 0 && j > i && tokens[j - 1]!.word && PROVINCE_NAMES.has(m.target.name);
          const owner = leads[leads.length - 1];
          if (whose && owner?.type === 'named') owner.of = written;
          // "Kho bạc nhà nước khu vực XI", "Kiểm toán nhà nước khu vực II": a central body's branch by its region.
          const region = this.regionAt(tokens, to);
          // "Nhà đầu tư (Tập đoàn Đèo Cả)": a party named by its role, then by its name in brackets, is that body.
          const named = ROLES.includes(m.target.name) ? this.nameInBrackets(text, tokens, to) : null;
          // "nhà thầu thi công", "các nhà thầu tư vấn": a role with the words of its kind, as written.
          const kind = ROLES.includes(m.target.name) ? this.kindAt(text, tokens, j) : j;
          // "Các Chủ đầu tư/Ban Quản lý dự án": the role and the body holding it, one party as written.
          const alias = ROLES.includes(m.target.name) ? this.roleAlias(text, tokens, to, true) : to;
          if (named) {
            leads.push(named.lead);
            to = named.tokEnd;
          } else if (alias > to) {
            to = alias;
            written = text.slice(m.start, tokens[to - 1]!.end);
            leads.push({ type: 'named', name: normalName(written), text: written, why: 'other' });
          } else if (kind > to) {
            to = kind;
            written = text.slice(m.start, tokens[to - 1]!.end);
            leads.push({ type: 'named', name: normalName(written), text: written, why: 'other' });
          } else if (region > to) {
            to = region;
            written = text.slice(m.start, tokens[to - 1]!.end);
            leads.push({ type: 'named', name: normalName(written), text: written, why: 'other' });
          } else if (!this.isIssuer(m.target.name) && !whose)
            leads.push({ type: 'named', name: m.target.name, text: written, why: m.target.why });
        } else if (m.target.type === 'unit') {
          const code = this.pick(m.target.codes);
          if (!this.issuers.has(code)) leads.push({ type: 'unit', code, text: written });
        }
        j = to;
        end = tokens[to - 1]!.end;
        continue;
      }
      // "Bộ Chỉ huy Quân sự tỉnh/Ban Chỉ huy Bộ đội Biên phòng tỉnh": a slash between two names joins two bodies.
      const afterSeparator = j > i && [',', ';', 'va', '/'].includes(tokens[j - 1]!.w);
      // "…, Hội doanh nghiệp nhỏ và vừa, các hội nghề nghiệp, đoàn thể nhân dân có biện pháp …", "…, tư vấn,
      // các nhà thầu tiếp tục …": after a body named, a party named by its kind is one more addressee — in a
      // notice whose names are kept as written; in the table's own province such a kind adds nobody ("… và các
      // đoàn thể tỉnh": no unit).
      const last = leads[leads.length - 1];
      // Not after "; ", where a sentence may go on listing the objects of its verb.
      const listed = tokens[j - 1]?.w !== ';';
      const byKind =
        allowUnknown &&
        !this.scope &&
        afterSeparator &&
        listed &&
        last &&
        !(last.type === 'group' && GENERIC.has(last.group));
      const kind = byKind ? Math.max(this.kindAt(text, tokens, j), this.acronymAt(text, tokens, j)) : j;
      if (kind > j) {
        const shared = this.sharedKinds(text, tokens, kind);
        const written = text.slice(tokens[j]!.start, tokens[Math.max(kind, shared) - 1]!.end);
        leads.push({ type: 'named', name: normalName(written), text: written, why: t.w === 'cac' ? 'group' : 'other' });
        j = Math.max(kind, shared);
        end = tokens[j - 1]!.end;
        continue;
      }
      if (m) {
        skipped += m.tok1 - j;
        j = m.tok1;
        continue;
      }
      const plural = t.w === 'cac' && j + 1 < tokens.length;
      // A title before the name ("yêu cầu Cục trưởng Cục Thuế …") is skipped, so it does not count as words before it.
      if (allowUnknown && (j - i - skipped <= 1 || afterSeparator || (plural && leads.length > 0))) {
        const unknown = this.unknownAt(text, tokens, plural ? j + 1 : j);
        if (unknown) {
          // "các Ban Quản lý dự án/Chủ đầu tư": the body and the role it holds, one party.
          unknown.tokEnd = this.roleAlias(text, tokens, unknown.tokEnd, false);
          const written = text.slice(tokens[j]!.start, tokens[unknown.tokEnd - 1]!.end);
          // "Công an tỉnh An Giang": a body named by its level, then the province of that level.
          const key = tokens[unknown.tokEnd - 1]!.w === 'tinh' ? this.provinceKeyAt(tokens, unknown.tokEnd) : undefined;
          const place = key ? this.wordsAt(tokens, unknown.tokEnd, key) : 0;
          const of = place > 0 ? text.slice(tokens[unknown.tokEnd - 1]!.start, tokens[place - 1]!.end) : undefined;
          if (!this.isIssuer(written))
            leads.push({
              type: 'named',
              name: normalName(written),
              text: written,
              why: plural ? 'group' : 'other',
              ...(of ? { of } : {}),
            });
          j = unknown.tokEnd;
          end = tokens[j - 1]!.end;
          continue;
        }
      }
      if ((t.word && FILLER_WORDS.has(t.w)) || (!t.word && FILLER_PUNCT.has(t.w))) {
        j++;
        continue;
      }
      break;
    }
    return { leads, end, tokEnd: j };
  }

  /**
   * "các bộ, ngành, địa phương, các thành viên của Ban Chỉ đạo phải …", "các bộ, ngành, cơ quan chủ quản, nhất là
   * ACV cần …": more kinds of addressee listed after a group, a few words each, in lower case (a body's name
   * after "của"), are the one addressee as written — when the list runs on to the verb; else the group ends at j.
   */
  private moreKinds(text: string, tokens: Token[], j: number): number {
    let k = j;
    while (tokens[k]?.w === ',' || tokens[k]?.w === 'va') {
      if (ASIDE_WORDS.has(`${tokens[k + 1]?.w ?? ''} ${tokens[k + 2]?.w ?? ''}`)) return k > j ? k : j;
      // "…, các cơ quan, đơn vị có liên quan": a kind the reader knows is an addressee of its own.
      const own = this.matchAt(tokens, k + 1);
      if (own && own.target.type !== 'skip') return k > j ? k : j;
      const start = tokens[k + 1]?.w === 'cac' ? k + 2 : k + 1;
      let n = start;
      let whose = false;
      for (; n < tokens.length && tokens[n]!.word && n - start < KIND_WORDS; n++) {
        const capital = /^\p{Lu}/u.test(text.slice(tokens[n]!.start, tokens[n]!.end));
        if (capital && !whose) return j;
        if (!capital && this.verbAt(tokens, n)) break;
        // "các thành viên của Ban Chỉ đạo", "cơ quan khác ở Trung ương": a body's name after its preposition.
        if (WHOSE.has(tokens[n]!.w)) whose = true;
      }
      if (n === start) return j;
      if (tokens[n]?.word) return this.verbAt(tokens, n) ? n : j;
      // "yêu cầu các bộ, ngành, địa phương, đơn vị, cá nhân liên quan:": a lead-in's list ends on its colon.
      if (tokens[n]?.w === ':') return n;
      k = n;
    }
    return j;
  }

  /**
   * A party named by its kind in a list of addressees, from j: "các" and words in lower case ("các hội nghề
   * nghiệp", "các cơ quan chức năng"), or a kind's noun and its words ("tư vấn", "nhà thầu thi công", "đoàn thể
   * nhân dân", "Hội doanh nghiệp nhỏ và vừa") — up to a separator the list goes on after, or the verb.
   * Returns the token after it, or j when there is none.
   */
  private kindAt(text: string, tokens: Token[], j: number): number {
    const lower = (k: number) => !!tokens[k]?.word && /^\p{Ll}/u.test(text.slice(tokens[k].start, tokens[k].end));
    const plural = tokens[j]?.w === 'cac' && lower(j);
    const start = plural ? j + 1 : j;
    const noun = PARTY_KINDS.find((h) => phraseAt(tokens, start, h));
    if (!plural && !noun) return j;
    const from = start + (noun?.length ?? 0);
    let k = from;
    // One word that is a verb only as written: "có", "cần", never "cổ phần" ("các ngân hàng thương mại cổ phần").
    const verb1 = (n: number) => {
      const w = text
        .slice(tokens[n]?.start ?? 0, tokens[n]?.end ?? 0)
        .normalize('NFC')
        .toLowerCase();
      return !!tokens[n]?.word && VERB1.has(tokens[n].w) && (VERB1_WRITTEN.has(w) || /^[a-z]+$/.test(w));
    };
    for (; k < tokens.length && k - j < MEMBER_WORDS && lower(k); k++) {
      if (this.verbAt(tokens, k) || verb1(k) || RELATIVE_ENDS.has(tokens[k]!.w)) break;
      if (this.ownedAt(text, tokens, k) > k) break;
    }
    // "nhỏ và vừa": "và" before a word that opens no member is inside the kind's name.
    while (tokens[k]?.w === 'va' && lower(k + 1) && !this.opensMember(tokens, k + 1) && !this.verbAt(tokens, k + 1))
      k += 2;
    // "… có liên quan" closes the kind; after a comma a qualifier's words ("đoàn thể") open another member.
    const owned = this.ownedAt(text, tokens, k);
    for (let q = qualifierAt(tokens, k); owned === k && q > k && tokens[k]!.word; q = qualifierAt(tokens, k)) k = q;
    k = Math.max(k, owned);
    if (k === from && !noun) return j;
    const next = tokens[k];
    const goesOn = next && [',', 'va', '/', ';'].includes(next.w) && this.opensMember(tokens, k + 1);
    // A lead-in's list ends on its colon ("… và các đơn vị có liên quan: Rà soát …").
    return goesOn || next?.w === ':' || this.verbAt(tokens, k) || verb1(k) ? k : j;
  }

  /**
   * After a party's role and a slash, the body holding that role ("Chủ đầu tư/Ban Quản lý dự án"), or after a
   * body and a slash its role ("Ban Quản lý dự án/Chủ đầu tư"): the token after the second name, or j.
   */
  private roleAlias(text: string, tokens: Token[], j: number, afterRole: boolean): number {
    if (tokens[j]?.w !== '/') return j;
    const plural = tokens[j + 1]?.w === 'cac' ? 1 : 0;
    if (!afterRole) {
      const m = this.matchAt(tokens, j + 1);
      return m?.target.type === 'named' && ROLES.includes(m.target.name) ? m.tok1 : j;
    }
    return this.unknownAt(text, tokens, j + 1 + plural)?.tokEnd ?? j;
  }

  /**
   * "Bộ Xây dựng, ACV nghiên cứu …": a body written by its initials alone (a state corporation: ACV, EVN, VNPT),
   * a word in capitals of two to six letters, as a list's member before another member or the verb. The token
   * after it, or j.
   */
  private acronymAt(text: string, tokens: Token[], j: number): number {
    const t = tokens[j];
    const written = t ? text.slice(t.start, t.end) : '';
    // "UBND" is written out by the tokens (several share its offsets): a known abbreviation, not a body's initials.
    if (!t?.word || !/^[A-ZĐ]{2,6}$/u.test(written) || tokens[j + 1]?.start === t.start) return j;
    const next = tokens[j + 1];
    const goesOn = next && [',', 'va', '/'].includes(next.w) && this.opensMember(tokens, j + 2);
    return goesOn || this.verbAt(tokens, j + 1) ? j + 1 : j;
  }

  /** After "(trực) thuộc" the level a kind belongs to ("các đơn vị trực thuộc Thành phố"): the token after it, or k. */
  private ownedAt(text: string, tokens: Token[], k: number): number {
    const at = tokens[k]?.w === 'truc' && tokens[k + 1]?.w === 'thuoc' ? k + 2 : tokens[k]?.w === 'thuoc' ? k + 1 : k;
    if (at === k) return k;
    const level = ['thanh pho', 'tinh', 'trung uong'].find(
      (l) => l === `${tokens[at]?.w} ${tokens[at + 1]?.w ?? ''}`.trim() || l === tokens[at]?.w,
    );
    return level ? at + level.split(' ').length : k;
  }

  /**
   * "Tổng công ty, công ty và các đơn vị trực thuộc Thành phố": kinds listed before the level they all belong to
   * are one addressee, as written. From the end of the first kind, the end of the last when it names that level,
   * or 0.
   */
  private sharedKinds(text: string, tokens: Token[], k: number): number {
    let pos = k;
    while ([',', 'va'].includes(tokens[pos]?.w ?? '')) {
      const next = this.kindAt(text, tokens, pos + 1);
      if (next <= pos + 1) return 0;
      if ([2, 3, 4].some((n) => next - n > pos && this.ownedAt(text, tokens, next - n) === next)) return next;
      pos = next;
    }
    return 0;
  }

  /** Whether a list member starts at k: a plural, a kind's noun, a name the reader knows, or a capitalised head. */
  private opensMember(tokens: Token[], k: number): boolean {
    const m = this.matchAt(tokens, k);
    return (
      tokens[k]?.w === 'cac' ||
      PARTY_KINDS.some((h) => phraseAt(tokens, k, h)) ||
      (!!m && m.target.type !== 'skip') ||
      HEADS.some((h) => phraseAt(tokens, k, h))
    );
  }

  /** A verb, or a word of manner or obligation before one ("phải", "cần", "tích cực"), at k. */
  private verbAt(tokens: Token[], k: number): boolean {
    const two = `${tokens[k]?.w ?? ''} ${tokens[k + 1]?.w ?? ''}`;
    return (
      VERBS.has(two) ||
      VERBS.has(`${two} ${tokens[k + 2]?.w ?? ''}`) ||
      BEFORE_VERB.has(tokens[k]!.w) ||
      BEFORE_VERB.has(two)
    );
  }

  private kindBeforeVerb(text: string, tokens: Token[], j: number): number {
    for (let k = j + 1; k <= j + 3 && k < tokens.length; k++) {
      const t = tokens[k - 1]!;
      if (!t.word || !/^\p{Ll}/u.test(text.slice(t.start, t.end)) || FILLER_WORDS.has(t.w) || RELATIVE_ENDS.has(t.w))
        return j;
      // "… các tỉnh, thành phố trực thuộc Trung ương khẩn trương thực hiện …": a verb of manner is no kind of province.
      if (VERBS.has(`${t.w} ${tokens[k]?.w ?? ''}`)) return j;
      const two = `${tokens[k]?.w ?? ''} ${tokens[k + 1]?.w ?? ''}`;
      if (VERBS.has(two) || VERBS.has(`${two} ${tokens[k + 2]?.w ?? ''}`)) return k;
    }
    return j;
  }

  /**
   * A group that goes on the one before it at j, after a comma or "và" ("các Bộ, ngành, địa phương"),
   * with where it ends. One with a head of its own ("…, các tập đoàn", "… và UBND các xã") is another addressee.
   */
  private groupAfter(tokens: Token[], j: number, before: Group[] = []): { groups: Group[]; tok1: number } | null {
    let k = j;
    while (tokens[k]?.w === ',' || tokens[k]?.w === 'va') k++;
    if (k === j) return null;
    // "Bộ trưởng, Thủ trưởng cơ quan ngang bộ, cơ quan thuộc Chính phủ, Chủ tịch Ủy ban nhân dân các tỉnh, thành
    // phố trực thuộc trung ương": the Government's formula for every minister and every province's chairman, one
    // addressee — the chairman's title before the provinces' group.
    // After "và" the chairman's title opens a second addressee ("Bộ trưởng, Thủ trưởng các cơ quan ngang bộ, cơ
    // quan thuộc Chính phủ và Chủ tịch UBND các tỉnh …"): "và" closes the list of the ministers' titles.
    const chair = tokens[k]?.w === 'chu' && tokens[k + 1]?.w === 'tich' && tokens[k - 1]?.w !== 'va' ? 2 : 0;
    // "các Bộ, ngành, các địa phương": a plural of the same generic kinds, "các" written again, goes on with it;
    // the state groups ("…, các tập đoàn, tổng công ty nhà nước") have heads of their own.
    const again = tokens[k]?.w === 'cac';
    if (!chair && !again && OWN_HEAD.has(tokens[k]?.w ?? '')) return null;
    const m = this.matchAt(tokens, k + chair);
    if (chair && !(m?.target.type === 'group' && m.target.groups.includes('provinces'))) return null;
    if (m?.target.type !== 'group') return null;
    if (again && [...m.target.groups, ...before].some((g) => !GENERIC.has(g))) return null;
    return { groups: m.target.groups, tok1: m.tok1 };
  }

  /** The one body named in brackets at j ("(Tập đoàn Đèo Cả)"), and the token after the bracket. */
  private nameInBrackets(text: string, tokens: Token[], j: number): { lead: Lead; tokEnd: number } | null {
    if (tokens[j]?.w !== '(') return null;
    const inner = this.unknownAt(text, tokens, j + 1);
    if (!inner || tokens[inner.tokEnd]?.w !== ')') return null;
    return { lead: this.resolve(inner.text), tokEnd: inner.tokEnd + 1 };
  }

  /** Leads listed in brackets right after a group (fillers such as "có liên quan" between). */
  private namedInBrackets(text: string, tokens: Token[], j: number): { leads: Lead[]; tokEnd: number } | null {
    let k = j;
    for (let m = this.matchAt(tokens, k); m && m.target.type === 'skip'; m = this.matchAt(tokens, k)) k = m.tok1;
    if (tokens[k]?.w !== '(') return null;
    const close = tokens.findIndex((t, n) => n > k && t.w === ')');
    if (close < 0) return null;
    // Only names between the brackets: a bracket holding anything else is a remark, not the list.
    const inner = this.leadSpan(text, tokens.slice(0, close), k + 1, true);
    if (inner.leads.length === 0 || inner.tokEnd !== close) return null;
    return { leads: inner.leads, tokEnd: close + 1 };
  }

  /**
   * The notice's own issuer, named in its header block, is never a lead: a name read from the start
   * of one of its lines ("Văn phòng Chính phủ", "Ủy ban nhân dân thành phố Hà Nội" over two lines),
   * not one inside a line ("ĐẢNG ỦY ỦY BAN NHÂN DÂN TỈNH" is the party committee, not the people's committee).
   */
  private isIssuer(name: string): boolean {
    const key = nameKey(name);
    const hay = this.issuerWords;
    return key.length > 0 && [...this.issuerStarts].some((i) => key.every((w, k) => hay[i + k] === w));
  }

  /**
   * End of a proper name from j: capitalised words, and a dash between two of them ("Công nghiệp - Viễn
   * thông Quân đội", "Bưu chính Viễn thông Việt Nam").
   */
  private properName(text: string, tokens: Token[], j: number): number {
    const cap = (k: number) => !!tokens[k]?.word && /^\p{Lu}/u.test(text.slice(tokens[k].start, tokens[k].end));
    let k = j;
    let end = j;
    while (k < tokens.length) {
      const t = tokens[k]!;
      // Each word of a name is capitalised on its first syllable only: "Quân đội", "Bưu chính", "Công nghiệp".
      const syllable =
        t.word && k > j && cap(k - 1) && !NOT_IN_NAME.has(t.w) && !VERBS.has(`${t.w} ${tokens[k + 1]?.w ?? ''}`);
      const dash = ['-', '–'].includes(t.w) && k > j && cap(k + 1);
      if (cap(k) || syllable || dash) {
        k++;
        if (!dash) end = k;
        continue;
      }
      break;
    }
    return end;
  }

  /** Index of the first token from j on that is not a word starting with a capital (a place, a proper name). */
  private capitalisedRun(text: string, tokens: Token[], j: number): number {
    const cap = (k: number) => !!tokens[k]?.word && /^\p{Lu}/u.test(text.slice(tokens[k].start, tokens[k].end));
    let k = j;
    for (;;) {
      while (cap(k)) k++;
      // "phường Xuân Hương - Đà Lạt": a ward named with its old city after a dash (Lâm Đồng since 2025).
      if (k > j && ['-', '–'].includes(tokens[k]?.w ?? '') && cap(k + 1)) k++;
      else return k;
    }
  }

  /**
   * "các Bộ: Công an, Tài chính, Nông nghiệp và Môi trường": one lead per name after the colon,
   * the head put back in front ("Bộ Công an"). Sector names are taken whole (they contain "và" and
   * commas); other names run over capitalised words; the list ends at the first word of neither.
   */
  private listAt(text: string, tokens: Token[], j: number): { leads: Lead[]; tokEnd: number } | null {
    // "các Bộ, cơ quan:": the head's words with the commas between them.
    // "các tỉnh Nghệ An, Quảng Ngãi, Cao Bằng", "các bộ Xây dựng, Tài chính": provinces and sectors are
    // known by name, so their list needs no colon.
    const provinceAt = (k: number) => this.provinceKeyAt(tokens, k);
    const sectorAt = (k: number) => SECTOR_KEYS.find((key) => this.wordsAt(tokens, k, key) > 0);
    const known = (head: string, k: number) =>
      (PROVINCE_HEADS.has(head) && provinceAt(k)) || (SECTOR_HEADS.has(head) && sectorAt(k));
    const hit = LIST_HEADS.map(([key, head]) => ({ to: this.wordsAt(tokens, j, key), head }))
      .filter((h) => h.to > 0 && (tokens[h.to]?.w === ':' || known(h.head, h.to)))
      .sort((a, b) => b.to - a.to)[0];
    if (!hit) return null;
    const head = hit.head;
    const leads: Lead[] = [];
    let k = tokens[hit.to]?.w === ':' ? hit.to + 1 : hit.to;
    while (k < tokens.length) {
      if (tokens[k]?.w === 'va' && leads.length > 0) k++;
      const sector = sectorAt(k);
      const province = PROVINCE_HEADS.has(head) ? provinceAt(k) : undefined;
      // "Các Bộ: …, Khoa học và Công nghệ, Ủy ban nhân dân thành phố Hà Nội và …": after the members, a body named
      // whole by its own head ends the list, and is read as any name is.
      // So does a group ("…, Nội vụ và UBND các xã, phường và các đơn vị có liên quan:").
      const whole = this.matchAt(tokens, k)?.target.type;
      const headed = leads.length > 0 && (whole === 'named' || whole === 'group');
      if (headed && !sector && !province) break;
      const to = sector
        ? this.wordsAt(tokens, k, sector)
        : province
          ? this.wordsAt(tokens, k, province)
          : this.memberName(text, tokens, k);
      if (to <= k) break;
      const name = text.slice(tokens[k]!.start, tokens[to - 1]!.end);
      // "Các Bộ, cơ quan: Tài chính, …, Tập đoàn Điện lực Việt Nam": a member with a head of its own keeps it.
      const ownHead = OWN_NAME_HEADS.some((h) => phraseAt(tokens, k, h));
      // "Ủy ban nhân dân các tỉnh, thành phố: Tuyên Quang, …, Hồ Chí Minh": each at its own level.
      const prefix = !province ? head : head.startsWith('Ủy ban') ? `Ủy ban nhân dân ${levelOf(name)}` : levelOf(name);
      leads.push(this.resolve(ownHead ? name : `${prefix} ${name}`));
      k = to;
      if (tokens[k]?.w !== ',' && tokens[k]?.w !== 'va') break;
      if (tokens[k]?.w === ',') k++;
    }
    return leads.length > 0 ? { leads, tokEnd: k } : null;
  }

  /** The folded name of the province written from token k on ("Nghệ An", "Bà Rịa - Vũng Tàu"), if one is. */
  private provinceKeyAt(tokens: Token[], k: number): string[] | undefined {
    return PROVINCE_KEYS.find((key) => this.wordsAt(tokens, k, key) > 0);
  }

  /** Token index after "khu vực II" / "khu vực 8" at j (a branch's region), or j when there is none. */
  private regionAt(tokens: Token[], j: number): number {
    const w = (k: number) => tokens[j + k]?.w ?? '';
    return w(0) === 'khu' && w(1) === 'vuc' && /^([ivxl]+|\d{1,2})$/.test(w(2)) ? j + 3 : j;
  }

  /**
   * A list member's name: its capitalised words, or on to the comma when it ends on one after words in
   * lower case ("Bưu chính viễn thông Việt Nam", as a copy may write "Bưu chính Viễn thông Việt Nam").
   */
  private memberName(text: string, tokens: Token[], k: number): number {
    const to = this.properName(text, tokens, k);
    let j = to;
    while (j < tokens.length && j - to < 4 && tokens[j]!.word && tokens[j]!.w !== 'va') {
      if (VERBS.has(`${tokens[j]!.w} ${tokens[j + 1]?.w ?? ''}`)) return to;
      j++;
    }
    if (j === to || ![',', ';', ')'].includes(tokens[j]?.w ?? '')) return to;
    const last = tokens[j - 1]!;
    return /^\p{Lu}/u.test(text.slice(last.start, last.end)) ? j : to;
  }

  /** Token index just after `key` read from token k ("và" and inner commas skipped), or 0 when it is not there. */
  private wordsAt(tokens: Token[], k: number, key: string[]): number {
    let n = 0;
    let j = k;
    while (n < key.length && j < tokens.length) {
      const t = tokens[j]!;
      if (n > 0 && !t.word && INNER_PUNCT.has(t.w)) {
        j++;
        continue;
      }
      if (t.w === 'va' && key[n] !== 'va') {
        j++;
        continue;
      }
      if (t.w !== key[n]) return 0;
      n++;
      j++;
    }
    return n === key.length ? j : 0;
  }

  /** A name written out in full ("Bộ Công an", "Sở Nội vụ"): a unit, a known body, or kept as written. */
  resolve(written: string): Lead {
    const tokens = this.tokens(written);
    const m = this.matchAt(tokens, 0);
    if (m && m.tok1 === tokens.length) {
      if (m.target.type === 'unit') return { type: 'unit', code: this.pick(m.target.codes), text: written };
      if (m.target.type === 'named') return { type: 'named', name: m.target.name, text: written, why: m.target.why };
    }
    return { type: 'named', name: normalName(written), text: written, why: 'other' };
  }

  /** An agency-like name the units table does not know: a head noun, then a capitalised name. */
  private unknownAt(text: string, tokens: Token[], i: number): { text: string; tokEnd: number } | null {
    // "Giao Phó Thủ tướng Chính phủ Trần Hồng Hà trực tiếp kiểm tra …": a Deputy Prime Minister, named.
    if (phraseAt(tokens, i, ['pho', 'thu', 'tuong'])) {
      const k = i + 3 + (tokens[i + 3]?.w === 'chinh' && tokens[i + 4]?.w === 'phu' ? 2 : 0);
      const to = this.capitalisedRun(text, tokens, k);
      return to > k ? { text: text.slice(tokens[i]!.start, tokens[to - 1]!.end), tokEnd: to } : null;
    }
    const head = HEADS.filter((h) => phraseAt(tokens, i, h)).sort((a, b) => b.length - a.length)[0];
    if (!head || VERBS.has(`${tokens[i]!.w} ${tokens[i + 1]?.w ?? ''}`)) return null;
    // Written with diacritics, the head must be the head ("Chỉ số CCHC" is no "Sở"); unaccented text cannot tell.
    const first = text.slice(tokens[i]!.start, tokens[i]!.end).normalize('NFC').toLowerCase();
    if (/[^\p{ASCII}]/u.test(first) && first !== HEAD_FIRST.get(head.join(' '))) return null;
    // "Đảng ủy Bộ Xây dựng", "Đảng ủy Tập đoàn Điện lực Việt Nam": a party committee is named by its body,
    // read whole as that body's name is.
    if (PARTY_HEADS.has(head.join(' ')) && /^\p{Lu}/u.test(text.slice(tokens[i + head.length]?.start ?? text.length))) {
      const k = i + head.length;
      const known = this.matchAt(tokens, k);
      const to = known && known.target.type !== 'skip' ? known.tok1 : (this.unknownAt(text, tokens, k)?.tokEnd ?? 0);
      if (to > k) return { text: text.slice(tokens[i]!.start, tokens[to - 1]!.end).trim(), tokEnd: to };
    }
    // Agencies are proper names ("Ban Quản lý dự án", "Sở Du lịch"); "bảo đảm chất lượng" is a verb phrase.
    const next = tokens[i + head.length];
    if (next?.word && LEVEL_HEADS.includes(head.join(' ')) && !/^\p{Lu}/u.test(text.slice(next.start, next.end))) {
      let at = i + head.length;
      at += BEFORE_LEVEL.find((b) => phraseAt(tokens, at, b))?.length ?? 0;
      const w = (k: number) => tokens[at + k]?.w ?? '';
      const region = this.regionAt(tokens, at) - at;
      let to = at + (region || (LEVELS.has(`${w(0)} ${w(1)}`) ? 2 : LEVELS.has(w(0)) ? 1 : 0));
      // "Thanh tra các Bộ, ngành, địa phương": the body of that name in each member of a group, as written.
      const group = w(0) === 'cac' ? this.matchAt(tokens, at) : null;
      if (group?.target.type === 'group') {
        to = group.tok1;
        for (
          let more = this.groupAfter(tokens, to, group.target.groups);
          more;
          more = this.groupAfter(tokens, to, group.target.groups)
        )
          to = more.tok1;
      }
      return to > at ? { text: text.slice(tokens[i]!.start, tokens[to - 1]!.end), tokEnd: to } : null;
    }
    if (!next?.word || !/^\p{Lu}/u.test(text.slice(next.start, next.end))) return null;
    // "Sở Văn hóa, Thể thao và Du lịch": a department's or ministry's sector is taken whole.
    // "Ban Xây dựng Đảng" is no sector: a capitalised word after it goes on with the name.
    const sector = SECTOR_KEYS.map((key) => this.wordsAt(tokens, i + head.length, key)).find(
      (to) => to > 0 && !(tokens[to]?.word && /^\p{Lu}/u.test(text.slice(tokens[to].start, tokens[to].end))),
    );
    if (sector) return { text: text.slice(tokens[i]!.start, tokens[sector - 1]!.end).trim(), tokEnd: sector };
    let j = i + head.length;
    // "Ban Quản lý dự án đầu tư xây dựng công trình giao thông tỉnh": fourteen words.
    while (j < tokens.length && j - i < 16) {
      const t = tokens[j]!;
      if (!t.word && t.w !== '&' && t.w !== '-' && t.w !== '–') break;
      const compound = NAME_COMPOUNDS.find((c) => phraseAt(tokens, j, c));
      if (compound) {
        j += compound.length;
        continue;
      }
      const bigram = `${t.w} ${tokens[j + 1]?.w ?? ''}`;
      // "Ban Xây dựng Đảng": a verb capitalised after the head, another capitalised word after it, is the name.
      const cap = (k: number) => !!tokens[k]?.word && /^\p{Lu}/u.test(text.slice(tokens[k].start, tokens[k].end));
      const named = j === i + head.length && cap(j) && cap(j + 2);
      if (!named && (VERBS.has(bigram) || VERBS.has(`${bigram} ${tokens[j + 2]?.w ?? ''}`) || VERB1.has(t.w))) break;
      // "Thường trực Chính phủ đã họp …": a tense word follows its subject and is never in a name ("Đà Nẵng" is).
      if (['đã', 'sẽ'].includes(text.slice(t.start, t.end).normalize('NFC'))) break;
      // "Trung tâm … tỉnh hỗ trợ các địa phương" (a verb) against "Quỹ Hỗ trợ nông dân" (a name, capitalised).
      if (LOWER_VERBS.has(bigram) && !/^\p{Lu}/u.test(text.slice(t.start, t.end))) break;
      // Another head noun starts another name ("Sở Nội vụ tham mưu Ủy ban nhân dân tỉnh", "Báo X và Đài Y").
      const headAt = (n: number) => HEADS.some((h) => phraseAt(tokens, n, h));
      // A party committee right after the name is whose body it is ("Ủy ban Kiểm tra Tỉnh ủy").
      const whose = PARTY_COMMITTEES.some((h) => phraseAt(tokens, j, h));
      if (j > i + head.length && !whose && HEADS.some((h) => h.length > 1 && phraseAt(tokens, j, h))) break;
      // "Văn phòng Đoàn đại biểu Quốc hội và HĐND tỉnh", "Văn phòng HĐND và UBND huyện": one office serves both.
      const serves = ELECTED.find((h) => phraseAt(tokens, j + 1, h));
      if (t.w === 'va' && serves && head.join(' ') === 'van phong') {
        j += 1 + serves.length;
        continue;
      }
      if (t.w === 'va' && headAt(j + 1) && /^\p{Lu}/u.test(text.slice(tokens[j + 1]!.start))) break;
      // "… Việt Nam tỉnh và các tổ chức chính trị - xã hội": a plural after "và" is another addressee.
      if ((t.w === 'va' || t.w === ',') && tokens[j + 1]?.w === 'cac') break;
      j++;
      // A national body's name ends on "Việt Nam" ("Tập đoàn Điện lực Việt Nam làm việc với …").
      // "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh" goes on to its level.
      const after = tokens[j];
      const ends = !after?.word || !(LEVELS.has(after.w) || /^\p{Lu}/u.test(text.slice(after.start, after.end)));
      if (tokens[j - 2]?.w === 'viet' && t.w === 'nam' && ends) break;
    }
    // A head alone is no name: "Ban Chỉ đạo đánh giá cao …" (the verb follows the head).
    if (j === i + head.length) return null;
    // "Cục Thuế các tỉnh, thành phố trực thuộc Trung ương": every province's office of a central body.
    const w = (n: number) => tokens[j + n]?.w;
    // "các Cục Hải quan tỉnh, thành phố" likewise.
    if (tokens[j - 1]?.w === 'tinh' && w(0) === ',' && w(1) === 'thanh' && w(2) === 'pho') {
      j += 3;
      if (w(0) === 'truc' && w(1) === 'thuoc' && w(2) === 'trung' && w(3) === 'uong') j += 4;
    }
    return { text: text.slice(tokens[i]!.start, tokens[j - 1]!.end).trim(), tokEnd: j };
  }

  /** Where a capitalised head noun at i ends ("Công ty", "Sở"), or -1: a body named by its kind alone. */
  headAt(text: string, tokens: Token[], i: number): number {
    const head = HEADS.filter((h) => phraseAt(tokens, i, h)).sort((a, b) => b.length - a.length)[0];
    const first = tokens[i] ? text.slice(tokens[i].start, tokens[i].end) : '';
    return head && first === HEAD_FIRST.get(head.join(' '))!.replace(/^\p{Ll}/u, (c) => c.toUpperCase())
      ? i + head.length
      : -1;
  }

  /** Whether a text opens (after "các") with an agency's head noun, as an addressee does. */
  opensWithHead(text: string): boolean {
    const tokens = this.tokens(text).filter((t) => t.word);
    const i = tokens[0]?.w === 'cac' ? 1 : 0;
    // "Phòng chống bệnh đường ruột" opens on a verb ("prevent"), not on a "Phòng" (inside a name, as in
    // "Ban Chỉ huy Phòng chống thiên tai", it is no verb).
    if (PREVENT.has(`${tokens[i]?.w ?? ''} ${tokens[i + 1]?.w ?? ''}`)) return false;
    // A singular head alone ("5. Sở" broken before "Khoa học và Công nghệ") names nobody; "các đơn vị" is a group.
    return ADDRESSEE_HEADS.some((h) => phraseAt(tokens, i, h) && (i === 1 || tokens.length > h.length));
  }

  /**
   * In a notice that is not the table's province's, a name that says it is one of the table's provinces'
   * ("Ủy ban nhân dân tỉnh An Giang", "tỉnh An Giang", "Sở Tài chính" of "tỉnh An Giang", "Công an tỉnh" of
   * "An Giang"): that province's unit, read as its own notice reads it, standing on the notice's day — the old
   * province before its merger, the merged one after. When no province of that name stands on the day (Kiên
   * Giang after its merger), or the notice has no date to tell the old from the merged, the name is kept and the
   * note says why. Null for any other name, and in the table's own notice, where names are matched already.
   */
  provinceNamed(lead: { name: string; of?: string }): ProvinceNamed | null {
    if (this.scope) return null;
    const said = placeAtEnd(lead.of ?? lead.name);
    if (!said) return null;
    const rest = lead.of ? lead.name : said.rest;
    const named = (u: Unit) => nameKey(placeName(u)).join(' ') === nameKey(said.province).join(' ');
    if (!tableProvinces(this.units).some(named)) return null;
    const found = this.units
      .filter((u) => u.kind === 'province' && named(u))
      .flatMap((p) => {
        const code = this.unitOf(p, rest);
        return code ? [{ province: p, code }] : [];
      });
    const standing = found.filter((f) => validOn(f.province, this.day));
    if (standing.length === 1) return { place: said.place, code: standing[0]!.code };
    if (found.length === 0) return null;
    const spans = found.map(({ province: p }) => `${p.code} ${p.valid_from ?? '…'}–${p.valid_to ?? '…'}`).join(', ');
    const ended = found.every(({ province: p }) => !!p.valid_to && !!this.day && p.valid_to < this.day);
    const why =
      standing.length > 1
        ? `the notice has no date to tell which it is (${spans}) — give --assigned-on`
        : `it ${ended ? 'no longer existed' : 'did not exist yet'} on ${this.day} (${spans}); its successor is not assumed`;
    return { place: said.place, code: null, why };
  }

  /** The unit of the province a name (with its province cut off) stands for: the province itself, or one of its units. */
  private unitOf(province: Unit, rest: string): string | null {
    if (['', 'uy ban nhan dan'].includes(nameKey(rest).join(' '))) return province.code;
    let own = this.scoped.get(province.code);
    if (!own) this.scoped.set(province.code, (own = new Matcher(this.units, province, this.day)));
    const lead = own.resolve(rest);
    return lead.type === 'unit' && own.ancestors(lead.code).includes(province.code) ? lead.code : null;
  }

  /** Of several units sharing a name, the one valid on the notice's day inside its scope. */
  private pick(codes: string[]): string {
    if (codes.length === 1 || !this.scope) return codes[0]!;
    const scope = this.scope;
    const inScope = (c: string) => this.ancestors(c).includes(scope.code);
    const score = (c: string) => (validOn(this.byCode.get(c)!, this.day) ? 2 : 0) + (inScope(c) ? 1 : 0);
    return [...codes].sort((a, b) => score(b) - score(a))[0]!;
  }

  /** Units a group stands for, valid on the notice's day. */
  expand(group: Group): string[] {
    const scope = this.scope;
    if (!scope) return [];
    const province = scope.kind === 'province' ? scope : (this.units.find((u) => u.code === scope.parent) ?? scope);
    const children = (parent: string, kind: string) =>
      this.units.filter((u) => u.parent === parent && u.kind === kind && validOn(u, this.day)).map((u) => u.code);
    switch (group) {
      case 'members':
      case 'provinces':
      case 'ministries':
      case 'enterprises':
        return [];
      case 'departments':
        return children(scope.code, 'department');
      case 'localities': {
        // In a two-tier province (no districts on the day) the localities are its communes.
        if (scope.kind !== 'province') return children(scope.code, 'commune');
        const districts = children(scope.code, 'district');
        return districts.length > 0 ? districts : children(scope.code, 'commune');
      }
      case 'districts':
        return children(province.code, 'district');
      case 'communes':
        return scope.kind === 'district'
          ? children(scope.code, 'commune')
          : [
              ...children(province.code, 'commune'),
              ...children(province.code, 'district').flatMap((d) => children(d, 'commune')),
            ];
    }
  }

  /**
   * Names the table lacks that a text mentions anywhere (a heading's one agency), issuers excluded — and the
   * mentions that name no addressee: a body above the issuer, whose directions a heading cites ("… thực hiện
   * nghiêm túc … chỉ đạo của Thành ủy:"), and a project's party written in lower case inside a phrase, the object
   * of a topic ("Đối với công tác lựa chọn nhà thầu:").
   */
  namesIn(text: string): Lead[] {
    const tokens = this.tokens(text);
    const out: Lead[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const m = this.matchAt(tokens, i);
      const cited =
        m?.target.type === 'named' &&
        (m.target.why === 'higher' || (ROLES.includes(m.target.name) && /^\p{Ll}/u.test(text.slice(m.start))));
      if (m?.target.type === 'named' && !this.isIssuer(m.target.name) && !cited) {
        out.push({ type: 'named', name: m.target.name, text: text.slice(m.start, m.end), why: m.target.why });
        i = m.tok1 - 1;
        continue;
      }
      const unknown = m ? null : this.unknownAt(text, tokens, i);
      if (unknown && !this.isIssuer(unknown.text)) {
        out.push({ type: 'named', name: normalName(unknown.text), text: unknown.text, why: 'other' });
        i = unknown.tokEnd - 1;
      } else if (m) i = m.tok1 - 1;
    }
    return out;
  }

  /** Every unit named in a text (for support units), issuers excluded. */
  unitsIn(text: string): { code: string; text: string }[] {
    const tokens = this.tokens(text);
    const out: { code: string; text: string }[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const m = this.matchAt(tokens, i);
      if (!m) continue;
      if (m.target.type === 'unit') {
        const code = this.pick(m.target.codes);
        if (!this.issuers.has(code)) out.push({ code, text: text.slice(m.start, m.end) });
      }
      i = m.tok1 - 1;
    }
    return out;
  }
}
