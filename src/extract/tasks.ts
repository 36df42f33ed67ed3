/**
 * From a notice's blocks to proposed tasks. The notice is read as a tree (sections, numbered
 * items, dashes, "+" items); headings and intros ("2. Phòng Nội vụ huyện", "đề nghị Sở Nội vụ:")
 * set the addressee of what follows, and an item's own "Giao X …"/"Đề nghị X …"/"X chủ trì …"
 * overrides it. Each proposal remembers where its lead came from, which sets its confidence.
 */
import { lineAt, type Block } from './blocks.ts';
import { classify } from './classify.ts';
import { findDeadline, type Deadline } from './deadline.ts';
import { headsFields, readFields } from './fields.ts';
import { fold } from '../text.ts';
import { phraseAt, type Token } from './fold.ts';
import { normalName, type Lead, type Matcher } from './match.ts';
import { foldedIssuingPattern } from './issuing.ts';
import { agencyOf } from './titles.ts';

/** How the lead was found, strongest first. */
export type LeadSource = 'explicit' | 'subject' | 'heading' | 'mention' | 'none';

export interface Proposal {
  leads: Lead[];
  source: LeadSource;
  /** The heading or intro an inherited lead came from. */
  from: string | null;
  support: string[];
  title: string;
  firstLine: number;
  lastLine: number;
  deadline: Deadline;
  area: string;
  index_code: string | null;
  /** The text opens on an assignment verb ("Giao …") whose addressee was not read: its inherited lead is doubtful. */
  ownAddresseeUnread: boolean;
  /** The text asks for no action (a description, the content of a provision): perhaps no task at all. */
  noAction: boolean;
  /** A point inside another task that inherits its addressee: perhaps that task's detail, not a task. */
  nested: boolean;
  /** The nearest heading the row sits under, for the confidence (a heading that reports findings). */
  heading: string | null;
  /** The row is a part of a sentence cut at an addressee, an enumeration or a "; ". */
  split: boolean;
}

interface Item {
  block: Block | null;
  parts: Part[];
}
type Part = { para: Block } | { item: Item };

interface Ctx {
  leads: Lead[];
  source: LeadSource;
  from: string | null;
  /** Enclosing headings, nearest first, for area and index. */
  headings: string[];
  /** A short "Giao Sở Nội vụ:"/"Tiếp tục tham mưu:" above "+" items, repeated in their titles. */
  prefix: string | null;
  /**
   * The dated deadline of an item that introduces its points ("… trước ngày 20 tháng 10 năm 2024. Trong
   * đó chú ý một số nội dung sau:"): a point of the same addressee without a date of its own keeps it.
   */
  due: Deadline | null;
  /** `due` is written in the sentence that introduces the points: each keeps it, whoever it names (see passedDue). */
  overAll: boolean;
  /** Task items passed since the addressee was set: a point inside a task is not a heading's own item. */
  depth: number;
}

/** Text of several blocks read as one, with its line map. */
interface Run {
  text: string;
  starts: { offset: number; line: number }[];
  prose: boolean;
  /** An item that quotes a provision: one task, whatever "(4) …", dates or names its quote holds. */
  whole?: boolean;
  /** Where the point's own text ends and the paragraphs hung under it begin. */
  pointEnd?: number;
}

interface Assignment {
  at: number;
  /** End of the addressee list: a list split by ";" is still one list. */
  end?: number;
  leads: Lead[];
  source: LeadSource;
}

const TRIGGERS = [['giao'], ['de', 'nghi'], ['yeu', 'cau'], ['rieng']];
/** "Chuyển Sở …": the letter forwards what it received to the body that is to act on it. */
const FORWARD = ['chuyen'];
/** Documents that assign tasks themselves: a sentence they open reports their assignments. */
const DOCUMENTS = ['luat', 'nghi dinh', 'nghi quyet', 'quyet dinh', 'thong tu', 'chi thi'];
const CONNECTIVES = [
  ['ngoai', 'ra'],
  ['dong', 'thoi'],
  ['ben', 'canh', 'do'],
  ['mat', 'khac'],
  ['ngoai', 'ra', 'can'],
  ['theo', 'do'],
];
/** Words of manner that an assignment verb of the addressee's own follows. */
const MANNER = ['khan truong', 'kip thoi', 'chu dong'];
/** Words that open a duty that goes on or is binding ("tiếp tục tăng cường", "nghiêm túc thực hiện"). */
const GOING_ON = ['tiep tuc', 'nghiem tuc', 'thuc hien'];
const SKIP_SECTION = /\b(ton tai|han che|ket qua dat duoc|danh gia ket qua)\b/;
/**
 * The parts of a plan that assign nothing — "I. ĐÁNH GIÁ TÌNH HÌNH THIỆT HẠI", "II. MỤC ĐÍCH, YÊU CẦU",
 * "III. PHẠM VI, ĐỐI TƯỢNG …", "KINH PHÍ …" — unless they also name the tasks ("MỤC TIÊU, NHIỆM VỤ").
 */
const PLAN_PART = /^(muc dich|muc tieu|pham vi|doi tuong|kinh phi|danh gia|tinh hinh|thuc trang|can cu)\b/;
/** Plurals of matters a sentence may open on, before "cần …" as a body's name would: "Các nhiệm vụ cần …". */
const MATTERS = /^(?:cac|toan) (?:nhiem vu|noi dung|giai phap|van de|y kien|kien nghi)\b/;
const ASSIGNING_PART = /\b(nhiem vu|giai phap|phan cong|to chuc thuc hien)\b/;
/** A point labelled as one of a counted set: "Phương án 1: …", "Phương án 2: …". */
const LABELLED = /^(\p{L}+(?: \p{L}+)?) \d+\s*:/u;
/**
 * A lead-in asking for a report on the points below it: "báo cáo … các vấn đề sau:", or listing what the report
 * holds: "báo cáo số liệu định kỳ hàng tháng … bao gồm:" over "(1). Tổng số gói thầu …", "(2). …".
 */
const REPORT_CONTENTS =
  /\bbao cao\b.*(?:\b(cac|nhung) (van de|noi dung)\b[^:]{0,20}\bsau( day)?|\b(?:bao )?gom(?: cac (?:noi dung|chi tieu|so lieu|thong tin)(?: sau)?)?)\s*:$/;
/** The section of a plan that says who does what. */
const ASSIGNING_SECTION = /^(phan cong|to chuc thuc hien|trach nhiem)\b/;
/** A leading sentence this short before an assignment is its preamble, not a task of its own. */
const PREAMBLE_WORDS = 15;

/** Decisions and praise open some paragraphs ("Chấp thuận chủ trương …"); they introduce a task, they are not one. */
const NOT_A_TASK = /^(chap thuan|dong y|thong nhat chu truong|bieu duong|ghi nhan|hoan nghenh)\b/;
const DECISION = /^(thong nhat|dong y|chap thuan)\b/;
/**
 * Praise opens a paragraph that assigns nothing ("Đánh giá cao nỗ lực của Chủ đầu tư …", "Thay mặt Thủ
 * tướng Chính phủ, ghi nhận và đánh giá cao …"): with no deadline of its own it is no task.
 */
const PRAISE =
  /^((thay mat [^,]{3,60}, )?(danh gia cao|ghi nhan|bieu duong|hoan nghenh|bay to|cam on|chuc mung|khen ngoi))\b/;

/**
 * A finding reports what happened ("Tăng trưởng kinh tế 9 tháng ước đạt 8,19%", "đã hoàn thành …");
 * a task asks for an action. Text with a finding's marks and no action word is not a task.
 */
export const FINDING =
  /(\buoc dat\b|\bda (?:duoc|dat|hoan thanh|trien khai|thuc hien|ban hanh|co)\b|\bso voi cung ky\b|\b(?:tang|giam) [\d,.]+\s?% so voi\b)/;
export const ACTION = new RegExp(
  String.raw`\b(can|phai|tiep tuc|khan truong|chu tri|phoi hop|tham muu|trien khai|thuc hien|ra soat|bao cao|xay dung|to chuc|` +
    String.raw`hoan thanh|day manh|tang cuong|tap trung|chi dao|kiem tra|huong dan|don doc|nghien cuu|de xuat|quan tam|chu dong|` +
    String.raw`nang cao|giao|de nghi|yeu cau|bao dam|dam bao|khong de|khac phuc|chan chinh|ban hanh|cai thien|phan dau|theo doi|lam ro|xu ly|` +
    String.raw`hoan thien|thong nhat|cap nhat|cung cap|giam sat|tuyen truyen|pho bien|tong hop|tiep nhan)\b`,
);

/**
 * A point whose subject is the thing a task makes — the draft, the plan, the works — then "phải"/"cần" ("Nghị quyết
 * phải đưa ra các giải pháp cụ thể …", "Các đoạn tuyến đầu tư mở rộng phải bảo đảm quy mô theo quy hoạch …") says
 * what that thing must be: a requirement on it, no body's action.
 */
const REQUIREMENT =
  /^(cac )?(nghi quyet|nghi dinh|du thao|de an|doan tuyen|cong trinh|du an|ke hoach|quy hoach|viec)\b[^.;:]{0,60} (phai|can)\b/;

/**
 * "Bên cạnh đó, địa phương có thể áp dụng chính sách miễn, giảm …", "Trường hợp cần thiết, doanh nghiệp có thể đề
 * nghị …": a body that "có thể" do a thing is allowed to, not asked — its sentence sets no task.
 */
function permitted(folded: string, leads: Lead[]): boolean {
  return /^\s+co the\b/.test(afterSubject(folded, leads) ?? '');
}

/**
 * "Phó Thủ tướng Trần Hồng Hà nêu rõ, cần phân biệt …", "Thủ tướng nhấn mạnh rằng …": a body that only says what
 * it thinks asks no one; it is the sentence's speaker, no lead (the points of "… lưu ý:" are another rule's).
 */
function speaks(folded: string, leads: Lead[]): boolean {
  return /^\s+(?:da\s+)?(?:neu ro|nhan manh|luu y|cho rang|khang dinh|chi ro)\s*(?:,|rang\b|ve viec\b)/.test(
    afterSubject(folded, leads) ?? '',
  );
}

/** The folded text after the first lead's name where the text writes it, or null. */
function afterSubject(folded: string, leads: Lead[]): string | null {
  const name = leads[0] ? fold(leads[0].text) : '';
  const at = name ? folded.indexOf(name) : -1;
  return at >= 0 ? folded.slice(at + name.length) : null;
}

/** Words around "giao" that make it another word than the verb that assigns. */
const GIAO_BEFORE = new Set(['ngoai', 'ban', 'chuyen', 'tiep']);
const GIAO_AFTER = new Set(['thong', 'dich', 'luu', 'nhan', 'ket', 'duc']);

/** How many words a heading over items may have and still be only their topic. */
const TOPIC_WORDS = 10;

/** An action word at the start of a text; how many words a plural addressee in lower case may run. */
const ACTION_FIRST = new RegExp(`^(?:${ACTION.source})`);
const PLURAL_WORDS = 7;
/** A paragraph that goes on with the body above it is a sentence, not a caption of a few words. */
const CARRIED_WORDS = 8;
/** Its action is among its first words, after a word of manner too ("Kiên quyết xử lý …"). */
const OPENING_WORDS = 4;
/**
 * After an assignment verb that opens its sentence the noun phrase is the addressee, so it may run longer
 * ("Đề nghị các cơ quan quản lý trực tiếp cơ sở giáo dục đại học phối hợp …").
 */
const PLURAL_AFTER_VERB = 14;
/** "cấp ủy, tổ chức đảng, chính quyền, đoàn thể các cấp": collective addressees, and how many tokens (commas too) they may run. */
const COLLECTIVE = /^(cấp ủy|cấp uỷ|chính quyền)[\s,]/iu;
const COLLECTIVE_WORDS = 16;
/** How many tokens (commas too) "từng …, từng …" may run to, and the words of manner that end it. */
const EACH_TOKENS = 48;
const MANNER_WORDS = /^(tich cuc|quyet liet|nghiem tuc|kip thoi|khan truong|chu dong)$/;
/** How many words a reference back to bodies named above runs to, "nêu trên" included ("các cơ quan, đơn vị nêu trên"). */
const BACK_WORDS = 8;
const ASIDE = /^, (nhat la|dac biet la|trong do)\b/;

/** Openers of a clause before a sentence's subject (besides "Để"), and how long such a clause may run. */
const CLAUSES = [
  ['doi', 'voi'],
  ['voi', 'vai', 'tro'],
  ['trong', 'thoi', 'gian', 'toi'],
  ['tren', 'co', 'so'],
  ['thoi', 'gian', 'toi'],
  ['sau', 'khi'],
  ['can', 'cu'],
];
const CLAUSE_WORDS = 90;
/** "Tỉnh", "Thành phố" written alone with a capital, then a word of the sentence: the locality the notice is to. */
const LOCALITY = /^(Tỉnh|Thành phố)(?=\s+\p{Ll})/u;
/** "Tỉnh ủy", "Tỉnh đoàn", "Thành ủy", "Tỉnh lộ": other bodies and things; "Tỉnh đã …" reports what it did. */
const NOT_LOCALITY = /^\s*(uy|doan|lo|doi|da)\b/;

/** Kinds of establishment a notice addresses in the plural, no agency's head ("cơ sở dữ liệu" is none without "các"). */
const ESTABLISHMENTS = /^các\s+(?:cơ\s+sở|nhà\s+máy|doanh\s+nghiệp)\s/u;
/** An answer's topic: "Về …:" before the text that answers it (the colon not the run's last character). */
const TOPIC = /^\s*(Về|Đối với)\s[^:]{3,600}?:\s+(?=\S)/u;

/** A sentence that opens on its own time or condition, a recurring one too ("Định kỳ báo cáo …", "Hằng năm, …"). */
const OWN_TIME_FRAME =
  /^(sau (khi |hoi nghi|cuoc hop)|truong hop |trong (thang|quy|nam|tuan) |truoc ngay |den (ngay|thang|het) |dinh ky |(hang|moi) (nam|quy|thang|tuan)\b)/;

/**
 * Folded text without the nouns that fold like verbs: "cơ quan tham mưu, giúp việc" (the advisory
 * bodies), "các tổ chức, cá nhân", "tổ chức (chính trị -) xã hội", the passive "được giao" ("các đơn vị được giao quản lý …"), and
 * "đầu tư xây dựng" ("Các Ban Quản lý dự án đầu tư xây dựng"): what is left is tested for an action.
 */
function nounsThatFold(text: string): string {
  return fold(text).replace(
    /\btham muu,? giup viec\b|\b(cac )?to chuc,? ca nhan\b|\bcac to chuc\b|\bto chuc (chinh tri - )?xa hoi\b|\bla to chuc\b|\bduoc giao\b|\bdau tu xay dung\b/g,
    '',
  );
}

/** A text's deadline when it is one date. */
/** Whether a date is written as when the work is to be finished: "hoàn thành (dứt điểm) trong tháng 4 năm 2025". */
function finishedBy(text: string, due: Deadline): boolean {
  const at = due.phrase ? text.indexOf(due.phrase) : -1;
  // The phrase may hold "hoàn thành" itself ("hoàn thành trong tháng 5 năm 2025").
  const written = fold(text.slice(Math.max(0, at - 40), at) + due.phrase);
  return at >= 0 && /\bhoan thanh(?: dut diem)?\W*(?:trong\s+)?thang\b/.test(written);
}

function dated(text: string, day: string | null): Deadline | null {
  const d = findDeadline(text, day);
  return d.kind === 'date' ? d : null;
}

/** A point without a date of its own keeps the deadline of the item that introduces it. */
function inherit(own: Deadline, above: Deadline | null, sameAddressee: boolean): Deadline {
  return own.kind === 'none' && above && sameAddressee ? { ...above, inherited: true } : own;
}

const leadKey = (l: Lead) => (l.type === 'unit' ? l.code : l.type === 'named' ? l.name : l.group);
const sameLeads = (a: Lead[], b: Lead[]) => a.length === b.length && a.every((l, i) => leadKey(l) === leadKey(b[i]!));
/**
 * Whether `own` names a new addressee, not the one above in fewer words: "Các Cục Thuế rà soát …" under
 * "yêu cầu Cục Thuế các tỉnh, thành phố trực thuộc Trung ương …:" is that addressee again.
 */
const newAddressee = (own: Lead[], above: Lead[]) => {
  const key = (l: Lead) => fold(leadKey(l)).replace(/^cac /, '');
  return own.length !== above.length || !own.every((l, i) => key(above[i]!).startsWith(key(l)));
};
/** Whether a proposal's lead is the one its own sentence names (as subject, or after an assignment verb). */
const namesItsLead = (p: Proposal | null): p is Proposal =>
  p !== null && (p.source === 'subject' || p.source === 'explicit');

/** [start, end) begins or ends inside a sentence of the text. */
const midSentence = (text: string, start: number, end: number) =>
  /[^.!?\s]\s*$/.test(text.slice(0, start)) || (/\S/.test(text.slice(end)) && !/[.!?]\s*$/.test(text.slice(0, end)));

export const words = (s: string) => s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

/**
 * A portal article's byline, after its text: "Theo Cổng Thông tin điện tử Chính phủ", "Tác giả: …", "Link bài viết
 * gốc: …", "Giờ đăng: …". It names the source, not a task, and nothing of the notice follows it.
 */
const BYLINE =
  /^(?:theo (?:cong thong tin dien tu|bao dien tu)\b[^.,;:]{0,80}$|(?:tac gia|link bai viet goc|(?:gio|ngay) dang)\s*:)/;

/**
 * "Do đó, Phó Thủ tướng yêu cầu các tỉnh …", "Chủ tịch UBND tỉnh đề nghị …": the leader asking, in a paragraph above
 * an intro "… có yêu cầu cụ thể đối với các dự án như sau:", has begun the conclusions there (an article tells the
 * instructions in prose, then lists some).
 */
const LEADER_ASKS = /\b(?:thu tuong|chu tich)\b[^.;:,]{0,60}?\b(?:yeu cau|de nghi|giao)\b/;

/** The blocks that carry the conclusions: after "kết luận như sau:" (or the first "yêu cầu …:" intro), before the closing "… thông báo … để biết" and "Nơi nhận". */
export function conclusionBlocks(all: Block[], forwards: (text: string) => boolean): Block[] {
  const blocks = withoutSalutation(all);
  let start = 0;
  for (let i = 0; i < blocks.length; i++) {
    const f = fold(blocks[i]!.text);
    // "… kết luận như sau:", "Sau khi xem xét, Chủ tịch UBND tỉnh có ý kiến chỉ đạo:" (a portal's article
    // announces the same instruction in its first sentence, above it).
    if (
      /(ket luan|y kien|chi dao) nhu sau\s*:?$/.test(f) ||
      /ket luan nhu sau/.test(f) ||
      /\by kien chi dao\s*:$/.test(f)
    ) {
      start = i + 1;
      break;
    }
    if (blocks[i]!.kind === 'para' && f.endsWith(':') && ASSIGNS.test(f)) {
      const earlier = blocks.findIndex((b, k) => k < i && b.kind === 'para' && LEADER_ASKS.test(fold(b.text)));
      start = earlier >= 0 ? earlier : i;
      break;
    }
  }
  // No lead-in: the conclusions start at the first assignment or list item; what comes before
  // (issuer, title, the meeting and who attended) is context, never a task.
  if (start === 0) {
    const first = blocks.findIndex((b) => b.kind !== 'para' || ASSIGNS.test(fold(b.text)) || forwards(b.text));
    start = first < 0 ? blocks.length : first;
    // "… Ngân hàng Nhà nước Việt Nam và toàn hệ thống ngân hàng thương mại cần … thực hiện 8 nhóm nhiệm vụ, giải
    // pháp trọng tâm sau:" over the first items: the paragraph that introduces them is their lead-in, whoever
    // it names (its addressee may be its subject, with no assignment verb).
    const intro = blocks[start - 1];
    if (first > 0 && blocks[first]!.kind !== 'para' && intro?.kind === 'para' && intro.text.endsWith(':')) start--;
  }
  const out: Block[] = [];
  for (const b of blocks.slice(start)) {
    const f = fold(b.text);
    if (/^noi nhan/.test(f) || BYLINE.test(f)) break;
    // A letter's courtesy closes it: "Bộ Giáo dục và Đào tạo trân trọng cảm ơn./."
    if (/\btran trong cam on[\s./]*$/.test(f) && words(b.text) <= 12) break;
    // "… thông báo để các cơ quan biết, thực hiện" closes the notice; a dash asking to "thông báo rộng rãi … để
    // Nhân dân … biết" is a task.
    if (b.kind !== 'dash' && b.kind !== 'plus' && /thong bao/.test(f) && /(de biet|biet,|biet va|\.\/\.$)/.test(f))
      break;
    out.push(b);
    if (/\.\/\.$/.test(b.text)) break;
  }
  while (out.length > 0 && closingSentences(out[out.length - 1]!)) out.pop();
  return out;
}

/**
 * "Trong quá trình triển khai thực hiện, nếu có phát sinh khó khăn, vướng mắc, đề nghị các cơ quan … đề xuất UBND
 * tỉnh … xem xét, chỉ đạo", "… nếu có khó khăn, vướng mắc, các cơ quan … kịp thời báo cáo … để xem xét, giải quyết":
 * a sentence opening on the case of a problem says where to turn with it, which is no task.
 */
const WHEN_IN_TROUBLE =
  /^(?:trong qua trinh (?:trien khai )?(?:to chuc )?thuc hien,? )?(?:neu|truong hop) (?:co )?(?:phat sinh )?(?:kho khan|vuong mac)\b.*\b(?:bao cao|de xuat|phan anh|lien he)\b.*\b(?:xem xet|giai quyet|chi dao|huong dan)\b/;

/**
 * A last paragraph that is the closing call to act on the notice, or a last paragraph or item whose sentences are
 * that call and where to turn with problems: "Yêu cầu Thủ trưởng các cơ quan … nghiêm túc thực hiện. Trong quá
 * trình triển khai thực hiện, nếu có phát sinh khó khăn, vướng mắc, … đề xuất UBND tỉnh … xem xét, chỉ đạo./."
 * asks nothing of anyone. An item of one sentence may be a heading's own ("- Phối hợp thực hiện.").
 */
function closingSentences(b: Block): boolean {
  const { text } = b;
  const sentences = text.split(/(?<=[.!?])\s+(?=\p{Lu})/u);
  if (sentences.length === 1) return b.kind === 'para' && closing(text);
  return (
    findDeadline(text).kind === 'none' &&
    sentences.some((x) => closing(x)) &&
    sentences.every((x) => closing(x) || WHEN_IN_TROUBLE.test(fold(x)) || CONTACT.test(fold(x)))
  );
}

/**
 * "Kính gửi:" over "- Công an tỉnh;", "- Sở Khoa học và Công nghệ.": a letter's addressees, listed above its
 * text. They are whom the letter goes to, never a task nor a heading over the first paragraph; the text names
 * again whom it asks what of.
 */
function withoutSalutation(blocks: Block[]): Block[] {
  // The paragraph that ends on "Kính gửi:" may hold the header's lines joined above it: only the list goes. The
  // list may start on its line ("Kính gửi: - Sở Xây dựng;"), the paragraph then ending as a member does.
  const at = blocks.findIndex((b) => b.kind === 'para' && /\bkinh gui\s*:(?:\s*-[^:.]*[;,])?$/.test(fold(b.text)));
  if (at < 0) return blocks;
  let end = at + 1;
  while (blocks[end]?.kind === 'dash') end++;
  return [...blocks.slice(0, at + 1), ...blocks.slice(end)];
}

/**
 * The closing call to act on the notice — "Căn cứ ý kiến chỉ đạo trên, các cơ quan, đơn vị liên quan
 * nghiêm túc triển khai thực hiện./.", "Đề nghị … quan tâm, phối hợp thực hiện." — asks nothing of its
 * own: once the addressees and the words of implementing are taken away, no action and no date are left.
 */
function closing(text: string): boolean {
  const f = fold(text).replace(/[\s./]+$/, '');
  if (!/thuc hien$/.test(f) || findDeadline(text).kind !== 'none') return false;
  const rest = f.replace(
    /\b(can cu|(y kien|noi dung) chi dao|de nghi|yeu cau|giao|nghiem tuc|khan truong|trien khai|to chuc|phoi hop|quan tam|thuc hien)\b/g,
    ' ',
  );
  return !ACTION.test(rest);
}

/** Words that refer back to the notice itself, or call for a spirit of work: the closing section's. */
const EXHORTATION =
  /\b(?:(?:noi dung|nhiem vu|y kien chi dao|chi dao|ket luan)(?: neu)? tren|(?:ket luan|thong bao|van ban|cong van|chi thi|ke hoach) nay|neu cao (?:tinh than )?trach nhiem|moc thoi gian da giao|khong (?:dun day|ne tranh))\b/;
/** Where to turn with problems or questions: "… phản ánh về / liên hệ X … để (được) hướng dẫn, giải quyết". */
const CONTACT =
  /^(?:[^.]|\.(?!\s))*\b(phan anh|lien he)\b(?:[^.]|\.(?!\s)){0,300}\bde (duoc )?(huong dan|xem xet|giai quyet|phoi hop xu ly|ho tro)\b/;
/** "… (Hình từ Internet)", "… (Ảnh: TTXVN)": an article's caption ends on the picture's credit. */
const CAPTION = /\((?:hinh|anh)\b[^()]*\)[\s*_]*$/;
/** Accountability to a superior ("chịu trách nhiệm (trực tiếp) trước Chính phủ …"). */
const ANSWERS_FOR = /\bchiu (?:hoan toan )?trach nhiem (truc tiep )?truoc\b/;
/** "3. Tổ chức thực hiện": the heading of a closing section. */
const CLOSING_HEADING = /^to chuc thuc hien[.:]?$/;
const isGroup = (l: Lead) => l.type === 'group' || (l.type === 'named' && l.why === 'group');

/** A sentence that introduces the text of a provision. */
/**
 * Also a rule restated in the words of a provision, its regulated party in general terms: "Tổ chức, cá
 * nhân khai thác … phải lập Báo cáo định kỳ …" (the item is the rule, its points the rule's detail).
 */
const QUOTES =
  /(\b(khoan|dieu|diem|thong tu|nghi dinh|luat)\b.{0,200}\bquy dinh\s*:|^theo quy dinh tai\b|^(cac )?to chuc,? ca nhan\b[^.;:]{0,120}\bphai\b)/;

/** An assignment verb anywhere in folded text. */
const ASSIGNS = /\b(giao|de nghi|yeu cau)\b/;
/**
 * Whether a provision's lead-in assigns: "Theo Điều 6 QCVN … có quy định về điều khiển giao thông … như sau:" does not
 * ("giao thông", "giao dịch", "giáo dục" are other words than the verb).
 */
const introAssigns = (f: string) => ASSIGNS.test(f.replace(/\bgiao (?:thong|dich|luu|nhan|ket|duc)\b/g, ''));

/**
 * How an article's explainer opens the passage under its heading: on a provision ("Theo Điều 6 QCVN 41:2024/BGTVT
 * …", "Tại Điều 7 Nghị quyết 201/2025/QH15 có nêu …", "Căn cứ tại Điều 2 …") or on the making of a law ("Ngày
 * 11/01/2022, Quốc hội thông qua Nghị quyết 44/2022/QH15 …"). The passage tells the law, not the notice.
 */
const CITES_LAW = new RegExp(
  String.raw`^(?:(?:theo|tai|can cu)(?: theo| tai)? (?:quy dinh tai )?(?:dieu|khoan|diem) \d+|ngay [\d/]+, (?:quoc hoi|chinh phu)(?: da)? (?:thong qua|ban hanh) (?:${DOCUMENTS.join('|')})\b)`,
);

/**
 * A point that names a document by its number, as a list of what to study or apply: "Nghị định số 214/2025/NĐ-CP
 * ngày …", "Các Nghị định về lựa chọn nhà đầu tư: số 115/2024/NĐ-CP …", "Ý kiến chỉ đạo … tại Văn bản số 43-CV/TU".
 */
const DOCUMENT_POINT = new RegExp(
  String.raw`^(?:cac\s+)?(?:y kien chi dao|bo luat|hien phap|phap lenh|${DOCUMENTS.join('|')}|van ban|cong van|ket luan|ke hoach)\b[^.;]{0,160}?(?:\bso\s*\d|\d+\s*/\s*\d{4}|\d+\s*/\s*(?:ttg|qh|nd|tt|ct|qd|kh)\b)`,
);

/** "Văn phòng Trung ương Đảng ban hành Thông báo kết luận 177-TB/VPTW …": a body that issues a document, an article's news. */
const ISSUES = new RegExp(String.raw`^(?:vua |da )?${foldedIssuingPattern()}\b`);

/** A line that is only an ellipsis, where a quotation leaves text out. */
const isElision = (b: Block) => /^(?:\.{3,}|…)$/.test(b.text.trim());

/** An answer that quotes a notice or letter by its number: "… được nêu tại Mục 1 Thông báo 386/TB-VPCP năm 2025, như sau:". */
const QUOTES_NOTICE = /\b(?:thong bao|cong van)\s+(?:so\s+)?\d+\s*\/[^:]*\b(?:nhu sau|co neu)\W*:\W*$/;

/** A paragraph that introduces a provision's text: a law, decree or article "quy định" what follows. */
const PROVISION = /\b(dieu|khoan|diem) \d+\b.{0,160}\bquy dinh\b/;

/**
 * "Căn cứ theo Điều 26 Nghị định 243/2025/NĐ-CP quy định về … cụ thể như sau:" (a portal article after the
 * notice it quotes, a letter citing a circular): the items after it are the provision's text, never tasks,
 * and so is the paragraph itself; the next paragraph ("Theo đó, …") is the document's own again.
 */
function withoutProvisions(blocks: Block[]): Block[] {
  let quoting = false;
  // "### Điều 2 Nghị định số 177/2024/NĐ-CP quy định đối tượng áp dụng gồm:": an article's heading naming a
  // provision heads the provision's text, up to the next heading; so does one whose passage opens on a law.
  let section = false;
  return blocks.filter((b, i) => {
    const f = fold(b.text);
    if (b.heading) section = /^dieu \d+\b/.test(f) || CITES_LAW.test(fold(blocks[i + 1]?.text ?? ''));
    if (section) return false;
    // The article's own title ("Điều 17. Phạm vi bảo vệ …") and an elision ("[...]") are still the provision.
    const within = quoting && /^(dieu \d+\b|\[?(\.\.\.|…)\]?$)/.test(f);
    if (b.kind === 'para' && !within) quoting = b.text.endsWith(':') && PROVISION.test(f) && !introAssigns(f);
    return !quoting;
  });
}

/** An item's block and everything under it, in reading order. */
function flatten(item: Item): Block[] {
  return [
    ...(item.block ? [item.block] : []),
    ...item.parts.flatMap((p) => ('para' in p ? [p.para] : flatten(p.item))),
  ];
}

function tree(blocks: Block[]): Item {
  const root: Item = { block: null, parts: [] };
  const stack: Item[] = [];
  for (const b of blocks) {
    // An article's heading, or its elision of the rest, closes the items above it: what follows is another passage.
    if (b.heading || b.elision) stack.length = 0;
    if (b.kind === 'para') {
      (stack[stack.length - 1] ?? root).parts.push({ para: b });
      continue;
    }
    while (stack.length > 0 && stack[stack.length - 1]!.block!.level >= b.level) stack.pop();
    const item: Item = { block: b, parts: [] };
    (stack[stack.length - 1] ?? root).parts.push({ item });
    stack.push(item);
  }
  return root;
}

function toRun(blocks: Block[], prose: boolean): Run {
  let text = '';
  const starts: Run['starts'] = [];
  for (const b of blocks) {
    if (text) text += ' ';
    for (const s of b.starts) starts.push({ offset: text.length + s.offset, line: s.line });
    text += b.text;
  }
  return { text, starts, prose };
}

function runLine(run: Run, offset: number): number {
  return lineAt({ starts: run.starts, firstLine: run.starts[0]!.line }, offset);
}

function cleanTitle(s: string): string {
  return s
    .replace(/^[\s,;:.\-–]+/, '')
    .replace(/[\s,;:]+$/, '')
    .replace(/\s*\.\/\.$/, '.')
    .trim();
}

export class TaskReader {
  constructor(private readonly m: Matcher) {}

  read(blocks: Block[]): Proposal[] {
    const out: Proposal[] = [];
    const ctx: Ctx = {
      leads: [],
      source: 'none',
      from: null,
      headings: [],
      prefix: null,
      due: null,
      overAll: false,
      depth: 0,
    };
    // A line that is only "..." marks what a quotation leaves out ("1. Các bộ, ngành …:" / "..." / "đ) Đẩy nhanh
    // …"): the points after it still belong to the lead-in above it.
    const body = withoutProvisions(
      conclusionBlocks(this.beforeQuestions(blocks), (text) => this.forwards(text, this.m.tokens(text))),
    ).filter((b) => !isElision(b));
    this.dropClosingSection(body);
    const shared = this.sharedDeadline(body);
    this.parts(tree(body).parts, ctx, out, true);
    this.dropContents(body, out);
    if (shared)
      for (const p of out)
        if (p.firstLine >= shared.from && p.firstLine < shared.to && p.deadline.kind === 'none')
          p.deadline = { ...shared.due, inherited: true, afterItems: true };
    return out;
  }

  /**
   * A plan lists its activities ("IV. NỘI DUNG HOẠT ĐỘNG", "II. NỘI DUNG TRỌNG TÂM": "- Tổ chức thu gom …",
   * "- Lấy mẫu xét nghiệm …") and then says who does what in a section of its own ("III. PHÂN CÔNG NHIỆM
   * VỤ", "V. TỔ CHỨC THỰC HIỆN" over "1. Sở Y tế:", "2. Sở Nông nghiệp và Môi trường"). In such a plan an item
   * that names no one is the plan's content, which the section assigns, or inside the section an appeal to
   * everyone ("Doanh nghiệp, cộng đồng, tổ chức, cá nhân: Quan tâm …", "Tất cả lực lượng … phải tuân thủ …"):
   * no row. An item that names its body ("- Trung tâm Kiểm soát bệnh tật tỉnh chủ trì …") is still a task.
   */
  private dropContents(body: Block[], out: Proposal[]): void {
    const sections = body.filter((b) => b.kind === 'roman');
    const assigning = sections.find((s, k) => {
      if (!ASSIGNING_SECTION.test(fold(s.text))) return false;
      const end = sections[k + 1]?.firstLine ?? Infinity;
      const inside = out.filter((p) => p.firstLine > s.lastLine && p.firstLine < end);
      return new Set(inside.filter((p) => p.source === 'heading').map((p) => p.from)).size >= 2;
    });
    if (!assigning) return;
    const kept = out.filter((p) => p.leads.length > 0);
    out.splice(0, out.length, ...kept);
  }

  /**
   * "**Các hành vi bị nghiêm cấm trong kinh doanh xổ số là gì?**": an article quoting a notice goes on to
   * answer its readers' questions on the law, and the notice's text has ended there — so its lead-ins are
   * sought before it: the explainer's "Theo Điều 6 … quy định … như sau:" over "(1) …" is none. A question
   * that names an addressee ("## Yêu cầu đối với Sở Nông nghiệp và Môi trường … ra sao?") still heads the
   * notice's text, and so do the article's titles, the headings above its first paragraph ("# Toàn văn Công
   * văn … ra sao?").
   */
  private beforeQuestions(blocks: Block[]): Block[] {
    const opened = blocks.findIndex((b) => !b.heading);
    const asks = (b: Block, i: number) =>
      i > opened && b.heading && b.text.endsWith('?') && this.headingLeads(b.text).leads.length === 0;
    const end = blocks.findIndex(asks);
    if (opened < 0 || end < 0) return blocks;
    // "**Truyền hình trực tiếp … ở đâu?**" answered by "… được nêu tại Mục 1 Thông báo 386/TB-VPCP năm 2025, như
    // sau:": an answer that quotes a notice or letter by its number is the notice's text again, read as such.
    const quoted = blocks.flatMap((b, i) => {
      if (i < end || !asks(b, i)) return [];
      const next = blocks.findIndex((c, k) => k > i && asks(c, k));
      const section = blocks.slice(i, next < 0 ? blocks.length : next);
      const first = section.find((c) => !c.heading);
      if (!first || !QUOTES_NOTICE.test(fold(first.text))) return [];
      // The quotation marks what it leaves out with "..." and closes on one; the article's words follow
      // ("Theo đó, Đài Truyền hình Việt Nam … chủ trì …" retells point e).
      const elided = section.map(isElision).lastIndexOf(true);
      return elided > 0 ? section.slice(0, elided) : section;
    });
    return [...blocks.slice(0, end), ...quoted];
  }

  /**
   * "đơn vị nêu trên", "các doanh nghiệp nói trên", "cơ quan, đơn vị kể trên" before an action: a few words in
   * lower case that point back to bodies the notice named before (the inspected, the reported), kept as written.
   */
  private referredBack(text: string, tokens: Token[], first: number): Lead[] {
    // "Đề nghị Công ty tiếp tục tăng cường …": the body named above, by its kind alone, before a word of manner
    // or of going on (no word of a name).
    const head = this.m.headAt(text, tokens, first);
    const next = `${tokens[head]?.w ?? ''} ${tokens[head + 1]?.w ?? ''}`;
    if (head > 0 && (MANNER.includes(next) || GOING_ON.includes(next))) {
      const written = text.slice(tokens[first]!.start, tokens[head - 1]!.end);
      return [{ type: 'named', name: written, text: written, why: 'other' }];
    }
    for (let k = first + 2; k <= first + BACK_WORDS && k < tokens.length; k++) {
      const t = tokens[k - 1]!;
      if (!(t.word || t.w === ',') || /^\p{Lu}/u.test(text.slice(t.start, t.end))) return [];
      if (t.w !== 'tren' || !['neu', 'noi', 'ke'].includes(tokens[k - 2]!.w) || k - 2 === first) continue;
      const rest = tokens
        .slice(k, k + 3)
        .map((x) => x.w)
        .join(' ');
      if (!ACTION_FIRST.test(rest)) return [];
      const written = text.slice(tokens[first]!.start, t.end);
      return [{ type: 'named', name: written, text: written, why: 'group' }];
    }
    return [];
  }

  /**
   * "- Chịu trách nhiệm trước pháp luật nếu để xảy ra …", "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố Đà Nẵng,
   * Quảng Ngãi chịu hoàn toàn trách nhiệm trước Chính phủ … nếu tiếp tục chậm trễ": a clause that opens on
   * accountability, or on the names of those who answer and then it, says who answers for a failure, not what to do.
   */
  private answers(text: string): boolean {
    const folded = fold(text);
    const at = folded.search(ANSWERS_FOR);
    if (at === 0) return true;
    // One clause only: "…; lưu ý phải bảo đảm …" after it, or a task before it ("Tham mưu …. Nếu để xảy ra chậm trễ,
    // … Giám đốc Sở … chịu hoàn toàn trách nhiệm …"), asks more.
    if (at < 0 || /[.;:]\s/.test(folded.replace(/[.;:\s]+$/, ''))) return false;
    const tokens = this.m.tokens(text);
    const span = this.m.leadSpan(text, tokens, 0, true);
    return span.leads.length > 0 && tokens[span.tokEnd]?.start === at + (folded[at] === ' ' ? 1 : 0);
  }

  /** A paragraph with no date, addressed only to groups, that refers back to the notice or calls for a spirit of work. */
  private exhorts(text: string): boolean {
    if (findDeadline(text, this.m.day).kind === 'date' || !EXHORTATION.test(fold(text))) return false;
    const leads = this.ownLeads(text);
    return leads.length > 0 && leads.every(isGroup);
  }

  /** Whether a text's first sentence opens on a body (after a clause before it, too): "Sở Tài chính chủ trì …". */
  private opensOnBody(text: string): boolean {
    return this.subject(text, this.m.tokens(text)).length > 0;
  }

  /** Leads a text names itself: after an assignment verb, or opening a sentence. */
  private ownLeads(text: string): Lead[] {
    const tokens = this.m.tokens(text);
    return [...this.assignments(text, tokens).flatMap((a) => a.leads), ...this.subject(text, tokens)];
  }

  /**
   * The closing section after the last item: "Ủy ban nhân dân tỉnh yêu cầu Lãnh đạo các sở, ngành … và Ủy
   * ban nhân dân các xã, phường nêu cao tinh thần trách nhiệm …", "3. Tổ chức thực hiện" over "Thủ trưởng
   * các sở, ban, ngành …; Chủ tịch Ủy ban nhân dân các xã, phường … triển khai thực hiện nghiêm túc các nội
   * dung nêu trên …". A last paragraph that sets no date, is addressed to groups only, and refers back to
   * the notice or calls for a spirit of work asks nothing new of anyone: no row; a heading left with
   * nothing under it ("Tổ chức thực hiện") goes with it.
   */
  private dropClosingSection(body: Block[]): void {
    const exhorts = (b: Block) => b.kind === 'para' && this.exhorts(b.text);
    let dropped = false;
    while (body.length > 0 && exhorts(body[body.length - 1]!)) {
      body.pop();
      dropped = true;
    }
    const last = body[body.length - 1];
    if (dropped && last && last.kind !== 'para' && CLOSING_HEADING.test(fold(last.text))) body.pop();
  }

  /**
   * "Báo cáo của các cơ quan, đơn vị gửi về UBND tỉnh trước ngày 12/6/2026 …" after the last item: a
   * paragraph that sets a date, opens on a noun (not on a verb or a connective, which go on with the
   * item above: "Đồng thời, chủ trì …"), names the addressees only together ("các cơ quan, đơn vị") and
   * no lead of its own, is the deadline of every item of the list it closes that has none of its own; it
   * is no task itself.
   */
  private sharedDeadline(body: Block[]): { due: Deadline; from: number; to: number } | null {
    // It may close a list that one more item follows ("i. Giao Sở Tư pháp: Theo dõi, đôn đốc …"): the paragraph
    // is then the last one, with only items after it, the first of them at the level of the list it closes.
    let at = body.length - 1;
    while (at >= 0 && body[at]!.kind !== 'para') at--;
    const last = body[at];
    if (!last) return null;
    const due = dated(last.text, this.m.day);
    const f = fold(last.text);
    // "Báo cáo của …" is the report, a noun: a word that reads as a verb is one unless "của" follows it.
    const verbFirst = new RegExp(`^(?:${ACTION.source})(?! cua\\b)`).test(f);
    if (!due || verbFirst || CONNECTIVES.some((c) => f.startsWith(c.join(' ')))) return null;
    const tokens = this.m.tokens(last.text);
    // "Ban Chỉ đạo tỉnh yêu cầu các đơn vị, địa phương …; hoàn thành đăng ký … trước ngày 20/5/2026" asks them in
    // so many words: a task of its own, dated, not a date for the items above.
    if (/\b(?:yeu cau|de nghi)\b/.test(f)) return null;
    const together = tokens.some((_, i) => this.m.matchAt(tokens, i)?.target.type === 'group');
    const own = this.ownLeads(last.text);
    // "Kết quả thực hiện báo cáo UBND tỉnh (qua Sở …) trước ngày …" asks a report of no one named: of everyone above.
    const reportOfAll = own.length === 0 && /\bbao cao\b/.test(f);
    if (!(together || reportOfAll) || !own.every(isGroup) || this.opensOnBody(last.text)) return null;
    // The list it closes: the items at the level of the item above it, back to a heading above them.
    let k = at - 1;
    while (k >= 0 && body[k]!.kind === 'para') k--;
    if (k < 0) return null;
    // With an item after it, the list is the one that item goes on with: "a." to "g." before "i.".
    const next = body[at + 1];
    const level = next ? next.level : body[k]!.level;
    if (body[k]!.level < level) return null;
    let first = -1;
    for (let j = k; j >= 0 && (body[j]!.kind === 'para' || body[j]!.level >= level); j--)
      if (body[j]!.level === level) first = j;
    if (first < 0) return null;
    body.splice(at, 1);
    return { due, from: body[first]!.firstLine, to: next ? next.firstLine : Infinity };
  }

  /** "Giao X", "Đề nghị X", "yêu cầu X", "Riêng X" followed by agencies, and a sentence's "Chuyển X". */
  private assignments(text: string, tokens: Token[]): Assignment[] {
    const out: Assignment[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const forwards = this.forwardsAt(text, tokens, i);
      const trig = forwards
        ? FORWARD
        : TRIGGERS.find((t) => t.every((w, k) => tokens[i + k]?.w === w && tokens[i + k]!.word));
      // "làm việc với Bộ Xây dựng về việc giao Ủy ban nhân dân tỉnh …": the matter of an assignment, not one.
      const matter = trig?.[0] === 'giao' && (tokens[i - 1]?.w === 'viec' || !this.assigns(text, tokens, i));
      if (!trig || matter || this.citedAssignment(tokens, i) || this.addresseeAssigns(tokens, i)) continue;
      // "có yêu cầu sau đây đối với Bộ …": the requirements that follow, addressed to the body named after them.
      const ahead = tokens[i + trig.length]?.w === 'sau' ? (tokens[i + trig.length + 1]?.w === 'day' ? 2 : 1) : 0;
      const to = tokens[i + trig.length + ahead]?.w === 'doi' ? i + trig.length + ahead : i + trig.length;
      const span = this.m.leadSpan(text, tokens, to, true);
      // "Đề nghị các cơ quan quản lý trực tiếp cơ sở giáo dục đại học phối hợp …".
      // An assignment verb opening its sentence is followed by the addressee, however long its name.
      const opens = i === 0 || ['.', ';', ':'].includes(tokens[i - 1]!.w);
      const plural = span.leads.length === 0 ? this.pluralSubject(text, tokens, to, true, opens) : [];
      const leads = span.leads.length > 0 ? span.leads : plural;
      if (leads.length === 0) continue;
      out.push({ at: tokens[i]!.start, end: span.end, leads, source: 'explicit' });
      i = Math.max(i, span.tokEnd - 1);
    }
    return out;
  }

  /**
   * "Chuyển Sở Nông nghiệp và Môi trường kiểm tra, tham mưu …" (a letter on a court's or a ministry's request):
   * the verb that forwards the request assigns it, where it opens a sentence and a body's name follows it. Inside
   * a sentence it is the addressee's act ("… tổng hợp, chuyển Ủy ban nhân dân tỉnh"), and "Chuyển đổi …", "chuyển
   * các mô hình … sang …" name no body.
   */
  private forwardsAt(text: string, tokens: Token[], i: number): boolean {
    const t = tokens[i];
    if (!t || t.w !== FORWARD[0] || !t.word || (i > 0 && !['.', ':'].includes(tokens[i - 1]!.w))) return false;
    return this.m.leadSpan(text, tokens, i + 1, true).leads.length > 0;
  }

  /** Whether a sentence of the text opens on "Chuyển X" (see forwardsAt). */
  private forwards(text: string, tokens: Token[]): boolean {
    return tokens.some((_, i) => this.forwardsAt(text, tokens, i));
  }

  /**
   * Whether "giao" at i is the verb that assigns: not "Giáo dục" (folded alike), "Ngoại giao", "bàn giao",
   * "chuyển giao", "giao thông", "giao dịch".
   */
  private assigns(text: string, tokens: Token[], i: number): boolean {
    const t = tokens[i]!;
    if (text.slice(t.start, t.end).normalize('NFC').toLowerCase() !== 'giao') return false;
    return !GIAO_BEFORE.has(tokens[i - 1]?.w ?? '') && !GIAO_AFTER.has(tokens[i + 1]?.w ?? '');
  }

  /**
   * "Luật Bảo vệ môi trường … giao Bộ Tài chính chủ trì …", "Quyết định có hiệu lực kể từ ngày ký và giao
   * Ủy ban nhân dân các tỉnh …": a sentence whose subject is a document reports what that document
   * assigns; the notice assigns nothing there.
   */
  private citedAssignment(tokens: Token[], i: number): boolean {
    let k = i;
    while (k > 0 && !['.', ';', ':'].includes(tokens[k - 1]!.w)) k--;
    const first = tokens.slice(k, i).filter((t) => t.word);
    const two = first
      .slice(0, 2)
      .map((t) => t.w)
      .join(' ');
    return first.length > 0 && DOCUMENTS.some((d) => two === d || first[0]!.w === d);
  }

  /**
   * "…; khẩn trương giao Ban Quản lý dự án … cấp xã lập hồ sơ": an assignment verb after a word of manner
   * ("khẩn trương", "kịp thời", "chủ động"), or after a comma in a clause that opens on an act, is the addressee's
   * act — it assigns its own body — not the issuer's assignment; the issuer writes "Giao X khẩn trương …".
   */
  private addresseeAssigns(tokens: Token[], i: number): boolean {
    const before = `${tokens[i - 2]?.w ?? ''} ${tokens[i - 1]?.w ?? ''}`;
    if (MANNER.includes(before)) return true;
    // "- Tăng cường kiểm tra, giám sát các công trường …, yêu cầu các chủ đầu tư … thu gom …".
    let k = i;
    while (k > 0 && !['.', ';', ':'].includes(tokens[k - 1]!.w)) k--;
    const opening = tokens
      .slice(k, k + 3)
      .map((t) => t.w)
      .join(' ');
    return k < i && tokens[i - 1]?.w === ',' && ACTION_FIRST.test(opening);
  }

  /** Whether what follows "Đối với" names a body (an agency's head, or a plural kind of establishment). */
  private namesBody(text: string): boolean {
    return ESTABLISHMENTS.test(text) || this.m.opensWithHead(text);
  }

  /** "Bộ Tài chính đã nghiêm túc thực hiện …": the agency opens a report of what it did, not a task. */
  private reportsPast(text: string): boolean {
    const tokens = this.m.tokens(text);
    const first = tokens.findIndex((t) => t.word);
    if (first < 0) return false;
    const span = this.m.leadSpan(text, tokens, first, true);
    const next = tokens
      .slice(span.tokEnd, span.tokEnd + 6)
      .map((t) => t.w)
      .join(' ');
    return span.leads.length > 0 && (tokens[span.tokEnd]?.w === 'da' || ISSUES.test(next));
  }

  /** Agencies opening a sentence, followed by more words: "Sở Thông tin và Truyền thông chủ trì …". */
  private subject(text: string, tokens: Token[], bare: 'verb' | 'bare' = 'verb'): Lead[] {
    let first = tokens.findIndex((t) => t.word);
    if (first < 0) return [];
    // "Ngoài ra, Sở Y tế …", "Đồng thời, UBND các xã …", "đồng thời UBND phường Âu Lâu …": a connective before the agency.
    const conn = CONNECTIVES.find((c) => phraseAt(tokens, first, c));
    if (conn) first = tokens.findIndex((t, k) => k >= first + conn.length && t.word);
    if (first < 0) return [];
    // "Đối với các nhà máy xi măng, luyện thép: Tăng cường …": the kind of establishment before the colon, as
    // written, is whom the point is for (a heading's "Đối với các cơ sở …:" is read by addressees()).
    const aimed = /^Đối với\s+([^:]{3,300}?):\s+\S/u.exec(text.slice(tokens[first]!.start));
    if (aimed && bare === 'verb' && ESTABLISHMENTS.test(aimed[1]!))
      return [{ type: 'named', name: normalName(aimed[1]!), text: aimed[1]!, why: 'group' }];
    // "Để xác định vị trí cụ thể của dự án, Ủy ban nhân dân tỉnh …", "Với vai trò là chủ đầu tư, Tập đoàn …",
    // "Trong thời gian tới, Tỉnh …": a clause of purpose, role or time before the agency, up to its comma.
    const start0 = first;
    if (this.opensOnClause(tokens, first)) {
      // The clause may hold commas of its own ("Để … hoạt động hiệu lực, hiệu quả, thành phố Đà Nẵng cần …"):
      // the agency follows the first comma that a name follows.
      const start = first;
      // "Trên cơ sở ý kiến …, yêu cầu Sở … phối hợp với các sở, ngành, địa phương …": the clause ends where an
      // assignment's verb opens the main clause, whose addressee is no subject ("Trên cơ sở đề nghị của các Bộ,
      // …, Bộ Tài chính …": "đề nghị" there is a noun).
      const assigned = new Set(this.assignments(text, tokens).map((a) => a.at));
      const verb = tokens.findIndex((t, k) => k > start && tokens[k - 1]!.w === ',' && assigned.has(t.start));
      const commas = tokens.flatMap((t, k) =>
        k > start && k - start <= CLAUSE_WORDS && (verb < 0 || k < verb) && t.w === ',' ? [k] : [],
      );
      // "Để hoàn thành … trước ngày 30 tháng 11 năm 2025 theo chỉ đạo của Chính phủ, Thủ tướng Chính phủ thì Bộ
      // Y tế, … phải …": "thì" closes the purpose, and the subject follows it rather than a comma inside.
      const then = tokens.findIndex(
        (t, k) =>
          k > start &&
          k - start <= CLAUSE_WORDS &&
          (verb < 0 || k < verb) &&
          text.slice(t.start, t.start + 3).normalize('NFC') === 'thì',
      );
      const after = [...(then > 0 ? [then] : []), ...commas]
        .map((c) => tokens.findIndex((t, k) => k > c && t.word))
        .find(
          (k) =>
            k > 0 &&
            (this.m.leadSpan(text, tokens, k, true).leads.length > 0 ||
              this.pluralSubject(text, tokens, k, true).length > 0),
        );
      // "Đối với các chủ đầu tư cần …" has no clause: the addressee follows "Đối với" itself.
      if (after === undefined && tokens[first]!.w !== 'doi') return [];
      if (after !== undefined) first = after;
    }
    // "Tỉnh căn cứ …", "Thành phố cần …": in a notice to a province or city, the capitalised word alone is it.
    const itself = this.m.scope ? null : LOCALITY.exec(text.slice(tokens[first]!.start));
    if (itself && !NOT_LOCALITY.test(fold(text.slice(tokens[first]!.start + itself[0].length))))
      return [{ type: 'named', name: itself[1]!, text: itself[1]!, why: 'other' }];
    // A name the table lacks opens the sentence as well ("Sở Nông nghiệp và Môi trường chủ động …" in
    // another province's notice, "Công an tỉnh, Bộ Chỉ huy Quân sự tỉnh, … tổ chức …").
    const span = this.m.leadSpan(text, tokens, first, true);
    const more = tokens.slice(span.tokEnd).some((t) => t.word);
    // "Căn cứ tài liệu …, các cơ sở đào tạo thực hiện …": after a clause the plural is in lower case.
    if (span.leads.length === 0 && bare === 'verb') return this.pluralSubject(text, tokens, first, first > start0);
    // "Ngân hàng Nhà nước Việt Nam và toàn hệ thống ngân hàng thương mại cần …": a plural no list names, after
    // "và" or a comma, is one more subject, as written.
    const joined = tokens[span.tokEnd]?.w === 'va' ? span.tokEnd + 1 : span.tokEnd;
    const after = [',', 'va'].includes(tokens[joined - 1]?.w ?? '')
      ? this.pluralSubject(text, tokens, joined, true)
      : [];
    if (span.leads.length > 0 && after.length > 0 && bare === 'verb') return [...span.leads, ...after];
    return span.leads.length > 0 && (more ? bare === 'verb' : bare === 'bare') ? span.leads : [];
  }

  /**
   * "Các cơ sở đào tạo rà soát …", "Các cơ sở giáo dục đại học khẩn trương …": "Các" and a few words in lower
   * case, then an action — a plural addressee no list of agencies names, kept as written.
   */
  private pluralSubject(text: string, tokens: Token[], first: number, afterVerb = false, long = false): Lead[] {
    if (!tokens[first]) return [];
    const at = text.slice(tokens[first].start);
    // "yêu cầu cấp uỷ, tổ chức đảng, chính quyền, đoàn thể các cấp tập trung …", "Cấp uỷ, chính quyền địa
    // phương các cấp, nhất là …, phải đi đầu …": the Party's way of naming every level's committees and
    // authorities together, a plural addressee as well; an aside naming examples ("nhất là …") is not in it.
    const collective = COLLECTIVE.test(at) && (afterVerb || /^\p{Lu}/u.test(at));
    // "Yêu cầu từng bộ, ngành, địa phương, từng cán bộ, công chức, …, các đơn vị tư vấn tích cực đổi mới …": each
    // of many kinds, with their commas, one addressee as written up to the act or its word of manner.
    const each = afterVerb && /^từng\s/iu.test(at);
    // "yêu cầu đơn vị nêu trên thực hiện …": the addressee named above, referred back to, as written.
    const back = afterVerb ? this.referredBack(text, tokens, first) : [];
    if (back.length > 0) return back;
    // "toàn hệ thống ngân hàng thương mại", "toàn ngành": the whole of a kind, as "các" is each of them.
    if (!collective && !each && !(afterVerb ? /^(các|toàn)\s/iu : /^Các\s/u).test(at)) return [];
    // "2. Các nhiệm vụ cần tập trung làm ngay …:", "Các vấn đề phát sinh … cần được …": matters, not bodies.
    if (MATTERS.test(fold(at))) return [];
    const most = each ? EACH_TOKENS : collective ? COLLECTIVE_WORDS : long ? PLURAL_AFTER_VERB : PLURAL_WORDS;
    for (let k = first + 2; k <= first + most && k < tokens.length; k++) {
      if (!tokens[k - 1]!.word && !((collective || each) && tokens[k - 1]!.w === ',')) return [];
      // "cán bộ" folds like "cần": the word as written.
      const word = text.slice(tokens[k]!.start, tokens[k]!.end).normalize('NFC').toLowerCase();
      if (each && tokens[k]!.w === 'can' && word !== 'cần' && word !== 'can') continue;
      if (each && MANNER_WORDS.test(`${tokens[k]!.w} ${tokens[k + 1]?.w ?? ''}`)) {
        const named = text.slice(tokens[first].start, tokens[k - 1]!.end);
        return [{ type: 'named', name: named, text: named, why: 'group' }];
      }
      // "Đề nghị các doanh nghiệp viễn thông (VNPT, Viettel, MobiFone và doanh nghiệp khác): Đảm bảo …": examples in
      // brackets belong to the name as written, and a colon may stand before the action.
      const close = tokens[k]?.w === '(' ? tokens.findIndex((t, n) => n > k && t.w === ')') : -1;
      if (close > 0) {
        const from = tokens[close + 1]?.w === ':' ? close + 2 : close + 1;
        const next = tokens.slice(from, from + 3).map((t) => t.w);
        if (ACTION_FIRST.test(next.join(' '))) {
          const written = text.slice(tokens[first].start, tokens[close]!.end);
          return [{ type: 'named', name: written, text: written, why: 'group' }];
        }
      }
      const rest = tokens
        .slice(k, k + 3)
        .map((t) => t.w)
        .join(' ');
      const aside = collective && ASIDE.test(rest);
      if (collective && /^to chuc dang\b/.test(rest)) continue;
      // "Các cơ sở giáo dục đại học …": "giáo dục" folds like the verb "giao".
      const giao = tokens[k]!.w === 'giao' && GIAO_AFTER.has(tokens[k + 1]?.w ?? '');
      if (!aside && (!ACTION_FIRST.test(rest) || giao)) continue;
      if (aside && !ACTION.test(fold(text.slice(tokens[k]!.end).split(/[.;]/)[0]!))) return [];
      const written = text.slice(tokens[first].start, tokens[k - 1]!.end);
      return [{ type: 'named', name: written, text: written, why: 'group' }];
    }
    return [];
  }

  /**
   * "I. ĐÁNH GIÁ CHUNG" that goes on "… thành phố Đà Nẵng cần tập trung thực hiện tốt một số nhiệm vụ, giải
   * pháp sau đây:" over items: an assessment section that ends by assigning is read from that lead-in on.
   */
  private leadInAt(item: Item): number {
    return item.parts.findIndex(
      (p) => 'para' in p && p.para.text.endsWith(':') && this.headingLeads(p.para.text).leads.length > 0,
    );
  }

  /** Whether the words at `first` open a clause of purpose, role or time ("Để …", not "Đề nghị", "Đề án"). */
  private opensOnClause(tokens: Token[], first: number): boolean {
    const w = (k: number) => tokens[first + k]?.w ?? '';
    if (w(0) === 'de') return !['nghi', 'xuat', 'an', 'ra', 'cao', 'cap'].includes(w(1));
    return CLAUSES.some((c) => c.every((x, k) => w(k) === x));
  }

  /** Whether a numbered line is a heading: it only names addressees ("3. Sở Xây dựng", "2. Thanh tra tỉnh") or heads the closing section. */
  isHeading(text: string): boolean {
    if (CLOSING_HEADING.test(fold(text))) return true;
    // "d) Ủy ban nhân dân các tỉnh, thành phố: Tuyên" / "Quang, Đồng Nai, … quyết liệt chỉ đạo …": names after
    // a colon are a list the next line goes on with, not a heading over it.
    if (/:\s*\S/.test(text)) return false;
    // "5. Các chủ rừng là tổ chức (các" / "Ban quản lý rừng đặc dụng, …)": a bracket left open goes on.
    if ((text.match(/\(/g) ?? []).length > (text.match(/\)/g) ?? []).length) return false;
    return this.addressees(text).length > 0 || this.onlyAgencies(text).length > 0;
  }

  /** A heading that is only an addressee: "2. Phòng Nội vụ huyện". */
  private onlyAgencies(text: string): Lead[] {
    return this.subject(text, this.m.tokens(text), 'bare');
  }

  /** Addressee a heading or intro sets for what follows it. */
  private headingLeads(text: string): { leads: Lead[]; source: LeadSource } {
    const tokens = this.m.tokens(text);
    const a = this.assignments(text, tokens);
    if (a.length > 0) return { leads: a.flatMap((x) => x.leads), source: 'heading' };
    // "Căn cứ Báo cáo của Sở Nội vụ và chức năng, nhiệm vụ của các sở, ngành, địa phương:" with no assignment: the
    // basis the points are drawn from, whose bodies are no addressees.
    if (/^can cu\b/.test(fold(text))) return { leads: [], source: 'none' };
    const s = this.subject(text, tokens).concat(this.subject(text, tokens, 'bare'));
    if (s.length > 0) return { leads: s, source: 'heading' };
    // "Theo Thông báo … năm 2025 có ý nghĩa đặc biệt quan trọng …. Để đạt được mục tiêu trên, Ngân hàng Nhà nước
    // Việt Nam … cần … thực hiện 8 nhóm nhiệm vụ … sau:": a paragraph's lead-in is its last sentence, and its
    // subject is whom the points are for.
    const last = text.endsWith(':') ? /(?<=[.!?]\s+)(?=\p{Lu})[^.!?]*$/u.exec(text) : null;
    if (last) {
      const l = this.headingLeads(last[0]);
      if (l.source === 'heading') return l;
    }
    // "Đối với các lĩnh vực chuyên môn khác của Sở Nội vụ:" names its addressee without a verb; a name in an aside
    // in brackets does not ("Để đấu thầu … (Sở Tài chính đã tổng hợp và đề nghị tại Văn bản số …):").
    const said = text.replace(/\([^()]*\)/g, ' ');
    const named = [...new Map(this.m.unitsIn(said).map((u) => [u.code, u])).values()];
    const others = [...new Map(this.m.namesIn(said).map((l) => [l.type === 'named' ? l.name : '', l])).values()];
    if (named.length === 1)
      return { leads: [{ type: 'unit', code: named[0]!.code, text: named[0]!.text }], source: 'mention' };
    if (named.length === 0 && others.length === 1) return { leads: others, source: 'mention' };
    return { leads: [], source: 'none' };
  }

  private parts(parts: Part[], ctx: Ctx, out: Proposal[], root: boolean): void {
    let c = ctx;
    // "Các bộ Xây dựng, Tài chính … khẩn trương rà soát …." then dashes naming nobody: the dashes go on with
    // the duties of the sentence's addressees.
    let said: Ctx | null = null;
    /** The items under a lead-in that names no one go on with the addressee of the paragraph before it. */
    let follow: Ctx | null = null;
    const fielded = readFields(parts, this.m, ctx.headings);
    /** Parts read already with the paragraph above them (a report's contents). */
    let readTo = -1;
    for (const [i, p] of parts.entries()) {
      if (i <= readTo) continue;
      if (fielded.has(i)) {
        out.push(...fielded.get(i)!);
        said = null;
        continue;
      }
      if ('item' in p) {
        const dash = p.item.block!.kind === 'dash' || p.item.block!.kind === 'plus';
        if (!dash) said = null;
        this.item(p.item, follow ?? said ?? c, out);
        continue;
      }
      follow = null;
      // "Thường trực Chính phủ giao Bộ Xây dựng chủ trì …." then paragraphs with no subject ("Rà soát tổng thể
      // …", "Chỉ đạo, kiểm tra …"): they go on with the duties of the addressee the paragraph above named, until
      // a paragraph names another body.
      const carried: Ctx | null = said;
      said = null;
      const text = p.para.text;
      // An article's heading ("## Phó Thủ tướng yêu cầu … đối với Bộ …") opens a passage: the addressee it
      // assigns leads the passage, else the lead-in above it no longer does. It is no task. A bold subheading
      // naming no one is the article's own summary: the addressee of the paragraphs above goes on under it.
      if (p.para.elision) continue;
      if (p.para.heading) {
        // Only an assignment in it names the passage's addressee: a headline on a body's doings ("Tập đoàn Sơn Hải
        // phản đối kết quả lựa chọn nhà thầu, đề nghị kiểm tra") is the article's news, addressed to no one.
        const assigns = this.assignments(text, this.m.tokens(text)).length > 0;
        const h = assigns ? this.headingLeads(text) : { leads: [], source: 'none' as const };
        c = { ...ctx, leads: h.leads, source: h.source, from: h.leads.length > 0 ? text : null, prefix: null };
        if (h.leads.length === 0) said = carried;
        continue;
      }
      if (text.endsWith(':')) {
        const h = this.headingLeads(text);
        // "Bộ Lao động - Thương binh và Xã hội chủ trì …, báo cáo Thủ tướng Chính phủ trong tháng 3 năm 2020 các
        // vấn đề sau:" over dashes: the points are what the report is to cover, one task with the paragraph
        // (points that name their own body, "1. Ban Quản lý Khu kinh tế tỉnh báo cáo …", are tasks of their own).
        const items = parts.slice(i + 1).findIndex((q) => !('item' in q));
        const contents = parts.slice(i + 1, items < 0 ? parts.length : i + 1 + items);
        const anonymous = contents.every((q) => 'item' in q && this.ownLeads(q.item.block!.text).length === 0);
        if (h.source === 'heading' && REPORT_CONTENTS.test(fold(text)) && contents.length > 0 && anonymous) {
          const blocks = [p.para, ...contents.flatMap((q) => ('item' in q ? flatten(q.item) : []))];
          const own = { ...c, leads: h.leads, source: h.source, from: text, prefix: null };
          this.emit({ ...toRun(blocks, false), whole: true }, own, out, root);
          readTo = i + contents.length;
          continue;
        }
        // "Giao Sở Xây dựng … gửi báo cáo cho Sở Tài chính trước 12 giờ ngày 27 tháng 11 năm 2025, cụ thể như
        // sau:" is a task of its own, and its points keep its date, as a dated item over its points does.
        // A month there is when the matter is planned ("dự kiến tổ chức trong tháng 6 năm 2026"), not a deadline,
        // unless it is when the work is to be finished ("… hoàn thành dứt điểm trong tháng 04 năm 2025 để …:").
        const set = h.source === 'heading' ? dated(text, this.m.day) : null;
        const due = set && (/\bngay\b|\d\s*\/\s*\d/.test(fold(set.phrase ?? '')) || finishedBy(text, set)) ? set : null;
        c = {
          ...c,
          ...(h.leads.length > 0 ? { leads: h.leads, source: h.source, from: text } : {}),
          prefix: text.length <= 120 ? text : null,
          ...(due ? this.passedDue(text) : {}),
        };
        // "Phó Thủ tướng giao Bộ Xây dựng chủ trì … trình Quốc hội …." then "Trong đó, Phó Thủ tướng lưu ý:" over
        // dashes: a lead-in that names no one, right after a paragraph that named its own addressee, introduces
        // more of that addressee's duties (the leader who asks is no lead); its points have no date of theirs.
        if (h.leads.length === 0 && carried)
          follow = {
            ...c,
            leads: carried.leads,
            source: carried.source,
            from: carried.from,
            due: null,
            overAll: false,
          };
        if (due && !this.dividedAmong(text, contents))
          this.emit(toRun([p.para], true), { ...c, prefix: null }, out, root);
        // "… hoàn chỉnh hồ sơ 02 phương án đầu tư, … cụ thể như sau:" over "(1) Phương án 1: …", "(2) Phương án
        // 2: …": the points are the alternatives the lead-in counts, what its one task prepares.
        const labels = contents.map((q) => ('item' in q ? LABELLED.exec(q.item.block!.text)?.[1] : undefined));
        const counted = (l: string | undefined) => !!l && new RegExp(`\\b\\d+ ${fold(l)}\\b`).test(fold(text));
        if (due && contents.length > 1 && labels.every(counted)) {
          // What a copy hangs under the last point ("Giao Sở Tài chính …") is read as before.
          for (const q of contents) if ('item' in q) this.parts(q.item.parts, { ...c, overAll: false }, out, root);
          readTo = i + contents.length;
        }
        continue;
      }
      const before = out.length;
      this.emit(toRun([p.para], true), carried && this.goesOn(text) ? carried : c, out, root);
      const own = out.length > before ? out[out.length - 1]! : null;
      const named = namesItsLead(own);
      if (named && newAddressee(own.leads, c.leads))
        said = { ...c, leads: own.leads, source: 'heading', from: text, prefix: null, depth: 1 };
      else if (!named) said = carried;
    }
  }

  /**
   * Whether a paragraph with no subject goes on with the duties of the body named above it: a sentence that
   * opens on what to do ("Rà soát …", "Kiên quyết xử lý …", an action among its first four words), not a caption or a source note ("Xem chi tiết
   * công văn đính kèm.", "(Theo Công văn số …)").
   */
  private goesOn(text: string): boolean {
    const f = fold(text);
    const opening = f.split(/\s+/).slice(0, OPENING_WORDS).join(' ');
    return (
      words(text) >= CARRIED_WORDS &&
      /[.;]$/.test(text.trim()) &&
      // "Theo báo cáo trước đó của Cổng Thông tin …, nhiều ý kiến cho rằng …": a source it cites, no action.
      !/^theo (?!do\b)/.test(f) &&
      ACTION.test(opening) &&
      this.ownLeads(text).length === 0
    );
  }

  /**
   * The date a lead-in passes to the points under it. Written in the sentence that introduces them ("… yêu cầu
   * các địa phương … giải quyết dứt điểm các tồn tại trước ngày 10 tháng 6 năm 2025, cụ thể:"), the points are
   * that dated task's parts: each keeps the date, whoever it names ("- Tỉnh Tuyên Quang: …"). Written in a
   * sentence or clause before it ("… trình trước ngày 20/10/2024. Trong đó chú ý …:", "…; trong đó lưu ý …:"),
   * the points are notes on the task: one naming the same addressee again keeps it, one naming no one does not
   * (`overAll` false). An aim's date ("phấn đấu …") is passed to none. Null when the text has no date.
   */
  private passedDue(text: string): Pick<Ctx, 'due' | 'overAll'> | null {
    const due = dated(text, this.m.day);
    if (!due) return null;
    if (due.aim) return { due: null, overAll: false };
    const sentence = Math.max(0, ...[...text.matchAll(/[.;!?]\s+(?=\S)/g)].map((m) => m.index + m[0].length));
    return { due, overAll: text.lastIndexOf(due.phrase ?? '') >= sentence };
  }

  /**
   * A heading that only names who the items under it are for: "2. Thanh tra tỉnh", "2. Các cơ quan
   * chuyên trách …; các chi bộ, đảng bộ cơ sở", "2. Đề nghị UBND các xã, phường", "1. Yêu cầu đối với
   * các tổ chức, cá nhân được cấp giấy phép …". It has no action word; each addressee (split at ";")
   * opens with an agency's head noun, unless an assignment verb introduces them. Names the table
   * lacks are kept as written.
   */
  private addressees(text: string): Lead[] {
    // "5. Các chủ rừng là tổ chức (các Ban quản lý rừng đặc dụng, …, các Công ty nông, lâm nghiệp…)": the
    // bracket gives examples of the addressee, not more addressees.
    const body = text.replace(/[\s:;.,]+$/, '').replace(/\s*\([^()]*\)$/, '');
    // "Đối với …" also opens a topic ("Đối với các lĩnh vực chuyên môn khác"): only an agency follows it here.
    // "Trách nhiệm (chung) của các cơ quan, đơn vị", "Nhiệm vụ của …": the addressee is inside the phrase.
    const intro = /^(?:giao|de nghi|yeu cau(?: doi voi)?|(?:trach nhiem|nhiem vu)(?: chung)? cua|(doi voi))\s+/.exec(
      fold(body),
    );
    const rest = body.slice(intro?.[0].length ?? 0);
    const anyName = intro !== null && intro[1] === undefined;
    // "Đối với các cơ sở sản xuất có lưu lượng xả bụi … lớn:", "Đối với các đơn vị thực hiện dịch vụ thu gom …:":
    // a kind of body and what marks out the ones meant, up to the colon — its verbs describe, they assign nothing.
    const described =
      intro?.[1] !== undefined && (ESTABLISHMENTS.test(rest) || (/^các\s/u.test(rest) && this.m.opensWithHead(rest)));
    // An addressee is a name: a sentence ("… trình trước ngày 20 tháng 3 năm 2026. Trong đó …") or a date is a task.
    if (rest === '' || words(rest) > (described ? 40 : 30) || /[.!?]\s/.test(rest)) return [];
    if (findDeadline(rest, this.m.day).kind !== 'none') return [];
    const leads: Lead[] = [];
    // The action test looks only at what is not read as a name: "Giao Sở Xây dựng" names a department.
    const unread: string[] = [];
    for (const titled of rest.split(/\s*;\s*/)) {
      // "Thủ trưởng các cơ quan chuyên môn thuộc UBND tỉnh, Trưởng Ban Quản lý …": the bodies the titles head.
      const part = agencyOf(titled);
      const tokens = this.m.tokens(part);
      const span = this.m.leadSpan(part, tokens, 0, true);
      if (span.leads.length > 0 && !tokens.slice(span.tokEnd).some((t) => t.word)) leads.push(...span.leads);
      // "1. Yêu cầu chung:", "Nhiệm vụ cụ thể": a word that qualifies the requirements names no one.
      else if (anyName && !this.m.opensWithHead(part) && words(part) <= 2 && /^\p{Ll}/u.test(part)) return [];
      else if (anyName || described || this.m.opensWithHead(part)) {
        // "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội": a comma or "và" before
        // another agency's head (capitalised, or a plural) separates two addressees.
        for (const name of part.split(/\s*,\s*|\s+và\s+/).reduce<string[]>((names, piece) => {
          // "các chi bộ, đảng bộ cơ sở" is one: a head in lower case after a comma goes on with the plural.
          const another = this.m.opensWithHead(piece) && /^(\p{Lu}|các\s)/u.test(piece);
          if (names.length > 0 && !another)
            names[names.length - 1] = part.slice(
              part.indexOf(names[names.length - 1]!),
              part.indexOf(piece) + piece.length,
            );
          else names.push(piece);
          return names;
        }, [])) {
          const written = normalName(name);
          leads.push({ type: 'named', name: written, text: name, why: /^cac\b/.test(fold(name)) ? 'group' : 'other' });
        }
        unread.push(part);
      } else return [];
    }
    return !described && ACTION.test(nounsThatFold(unread.join(' '))) ? [] : leads;
  }

  private item(whole: Item, ctx: Ctx, out: Proposal[]): void {
    const item = withoutBracketed(whole);
    const b = item.block!;
    const f = fold(b.text);
    const named = item.parts.length > 0 && b.kind !== 'dash' && b.kind !== 'plus' ? this.addressees(b.text) : [];
    const h: { leads: Lead[]; source: LeadSource } =
      named.length > 0 ? { leads: named, source: 'heading' } : this.headingLeads(b.text);
    const isHeading =
      b.kind === 'roman' ||
      b.kind === 'star' ||
      b.text.endsWith(':') ||
      named.length > 0 ||
      (item.parts.length > 0 && this.onlyAgencies(b.text).length > 0) ||
      headsFields(item, this.m);
    if (isHeading) {
      const planPart = PLAN_PART.test(f) && !ASSIGNING_PART.test(f);
      let parts = item.parts;
      if ((b.kind === 'roman' || b.kind === 'star') && (SKIP_SECTION.test(f) || planPart) && h.source !== 'heading') {
        const leadIn = this.leadInAt(item);
        // "III. KINH PHÍ BẢO ĐẢM" states where the money comes from, but an item of it that opens on a body ("3.
        // Sở Tài chính, trên cơ sở …, chủ trì tổng hợp …") is that body's task.
        const named = planPart ? item.parts.filter((p) => 'item' in p && this.opensOnBody(p.item.block!.text)) : [];
        if (leadIn < 0 && named.length === 0) return;
        parts = leadIn < 0 ? named : item.parts.slice(leadIn);
      }
      const c: Ctx = {
        leads: h.leads.length > 0 ? h.leads : ctx.leads,
        source: h.leads.length > 0 ? h.source : ctx.source,
        from: h.leads.length > 0 ? b.text : ctx.from,
        headings: [b.text, ...ctx.headings],
        prefix:
          (b.kind === 'dash' || b.kind === 'plus') && b.text.endsWith(':') && b.text.length <= 120 ? b.text : null,
        ...(this.passedDue(b.text) ?? { due: ctx.due, overAll: ctx.overAll }),
        depth: h.leads.length > 0 ? 0 : ctx.depth,
      };
      // "1. Bộ Tài chính … trình Thủ tướng trước ngày 20 tháng 10 năm 2024. Trong đó chú ý một số nội dung
      // sau:" is a task of its own before it introduces its points, and so is "- Giao Đảng uỷ Chính phủ lãnh
      // đạo, chỉ đạo … triển khai thực hiện chủ trương trên. Trong đó chỉ đạo:" (an assignment in a sentence
      // before the one that introduces them).
      // "1.1. Nghiên cứu, quán triệt và thực hiện nghiêm túc quy định pháp luật …:" over "- Nghị định số 214/2025/NĐ-CP
      // …", "- Chỉ thị số 24/TTg …": points that each name a document are what the heading's one task acts on.
      const points = item.parts.filter((p) => 'item' in p);
      if (
        b.text.endsWith(':') &&
        points.length > 0 &&
        points.every((p) => 'item' in p && DOCUMENT_POINT.test(fold(p.item.block!.text)))
      ) {
        this.emit({ ...toRun(flatten(item), false), whole: true }, c, out, false);
        return;
      }
      const assigned = /[.!?]\s+\S/.test(b.text) && this.assignments(b.text, this.m.tokens(b.text)).length > 0;
      const divided = this.dividedAmong(b.text, item.parts);
      if (
        b.kind !== 'roman' &&
        b.kind !== 'star' &&
        (dated(b.text, this.m.day) || assigned) &&
        !divided &&
        !named.length
      )
        this.emit(toRun([b], false), c, out, false);
      this.parts(parts, c, out, false);
      return;
    }
    // An item that quotes a provision ("Khoản 1 Điều 59 Nghị định … quy định: …", "Theo quy định tại …")
    // is one task: the a), b), dashes under it are the provision's text, not tasks of their own.
    const all = flatten(item);
    if (all.slice(0, 3).some((x) => QUOTES.test(fold(x.text)))) {
      this.emit({ ...toRun(all, false), whole: true }, ctx, out, false);
      return;
    }
    // A topic heading ("1. Về giảm nhẹ phát thải khí nhà kính" over a), b), …) asks nothing itself: its
    // items are the tasks, and they keep the addressee above it. With no addressee above, a phrase over points
    // that name their own is their topic though it names a day ("(3) Công tác chuẩn bị lễ khởi công … vào ngày 19
    // tháng 12 năm 2025" over "- Các địa phương …", "- Bộ Xây dựng …"): a row of it would have no lead.
    const firstItem = item.parts.findIndex((p) => 'item' in p);
    const ownText = [
      b.text,
      ...(firstItem < 0 ? [] : item.parts.slice(0, firstItem)).map((p) => (p as { para: Block }).para.text),
    ].join(' ');
    // A short heading is a topic too though it holds an action word ("2. Nội dung triển khai", "a) Rà soát,
    // chuẩn bị điều kiện kết nối" over dashes): it names no one, sets no date and has no sentence of its own.
    const topicHeading =
      words(ownText) <= TOPIC_WORDS && !/[.;:]\s*\S/.test(ownText) && h.leads.length === 0 && named.length === 0;
    // "1. Tháo gỡ khó khăn, tạo thuận lợi về tiếp cận vốn, tín dụng, …" over "a) Ngân hàng Nhà nước Việt Nam:":
    // a heading of one phrase whose first point names its own addressee ("a) Bộ Giao thông vận tải chủ trì …")
    // is the points' topic, however long. A name the phrase only mentions ("… chào mừng Đại hội Đảng toàn quốc …")
    // is no addressee of it.
    const sub = firstItem === 0 ? (item.parts[0] as { item: Item }).item : null;
    const overAddressees =
      sub !== null &&
      (this.addressees(sub.block!.text).length > 0 || this.ownLeads(sub.block!.text).length > 0) &&
      !/[.;:]\s*\S/.test(ownText) &&
      h.source !== 'heading' &&
      named.length === 0;
    if (
      firstItem >= 0 &&
      (((topicHeading || overAddressees || !ACTION.test(fold(ownText))) &&
        findDeadline(ownText, this.m.day).kind === 'none') ||
        (overAddressees && ctx.leads.length === 0))
    ) {
      this.parts(item.parts, { ...ctx, headings: [b.text, ...ctx.headings] }, out, false);
      return;
    }
    // "6. Tập trung xử lý vướng mắc về lao động" over "Bộ Lao động - Thương binh và Xã hội chủ trì, …": a short
    // title with no stop over a paragraph that names its own lead is the topic; the paragraph is the task.
    const first = item.parts[0];
    const titled =
      b.kind !== 'dash' &&
      b.kind !== 'plus' &&
      words(b.text) <= TOPIC_WORDS &&
      !/[.;:!?]/.test(b.text) &&
      h.leads.length === 0 &&
      findDeadline(b.text, this.m.day).kind === 'none' &&
      first !== undefined &&
      'para' in first &&
      this.ownLeads(first.para.text).length > 0;
    if (titled) {
      this.parts(item.parts, { ...ctx, headings: [b.text, ...ctx.headings] }, out, false);
      return;
    }
    // An item's own paragraphs continue it; its sub-items are tasks of their own.
    const firstChild = item.parts.findIndex((p) => 'item' in p);
    const own = firstChild < 0 ? item.parts : item.parts.slice(0, firstChild);
    const blocks = [b, ...own.map((p) => (p as { para: Block }).para)];
    const before = out.length;
    this.emit({ ...toRun(blocks, false), pointEnd: b.text.length }, ctx, out, false);
    if (firstChild >= 0) {
      const intro = blocks[blocks.length - 1]!.text.endsWith(':')
        ? this.passedDue(blocks.map((x) => x.text).join(' '))
        : null;
      // "(1) Bộ Y tế chỉ đạo … ." then "- Chỉ đạo Ban Quản lý dự án …", "- Chủ trì, phối hợp …": the item's own
      // subject goes on into its points, as a sentence's does into the dashes after it.
      const opened = out.length > before ? out[before]! : null;
      const said =
        namesItsLead(opened) && newAddressee(opened.leads, ctx.leads)
          ? { leads: opened.leads, source: 'heading' as const, from: b.text }
          : {};
      const c = { ...ctx, ...said, ...intro, headings: [b.text, ...ctx.headings], depth: ctx.depth + 1 };
      this.parts(item.parts.slice(firstChild), c, out, false);
    }
  }

  /** Splits a run into tasks at each new addressee, "(1) … (2) …" enumeration, and, in prose, at "; " before a capital. */
  private emit(run: Run, ctx: Ctx, out: Proposal[], root: boolean): void {
    // "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc … kịp thời phản ánh về Ủy ban nhân dân tỉnh … để xem
    // xét, giải quyết", "đề nghị liên hệ Cục … để được hướng dẫn, hỗ trợ": where to turn with problems, no task.
    if (CONTACT.test(fold(run.text)) && findDeadline(run.text, this.m.day).kind !== 'date') return;
    // An article's caption retells the notice in its headline's words, a phrase with no sentence: no task.
    if (CAPTION.test(fold(run.text)) && !/[.!?;:]\s/.test(run.text)) return;
    // "2. Về dự án …: Bộ Xây dựng khẩn trương …", "7. Về đề nghị Chính phủ chỉ đạo Bộ Tài chính …: giao Bộ
    // Tài chính …": the topic names the matter (often the province's own request, whose "đề nghị" assigns
    // nothing); the answer after its colon assigns. The topic stays in the title.
    // "(2) Đối với dự án đã được chấp thuận …: Thủ tướng Chính phủ thống nhất …" is a case and its answer, as
    // "Về …:" is; "Đối với Sở Y tế: …" names the addressee, not a case.
    const asked = run.whole ? null : (TOPIC.exec(run.text) ?? this.headed(run.text));
    const topic =
      asked && asked[1] === 'Đối với' && this.namesBody(run.text.slice(asked[1].length, asked[0].length).trim())
        ? null
        : asked;
    const from = topic ? topic[0].length : 0;
    const cuts: { at: number; kind: 'enum' | 'stop' | 'semi'; skip: number }[] = [{ at: from, kind: 'stop', skip: 0 }];
    for (const m of run.whole ? [] : run.text.matchAll(/\((?:\d{1,2}|i{1,3}|iv|vi{0,3}|ix|x)\)\s*/g))
      cuts.push({ at: m.index, kind: 'enum', skip: m[0].length });
    for (const m of run.whole ? [] : run.text.matchAll(/(?<=[.!?])\s+(?=[\p{Lu}“"(])/gu))
      cuts.push({ at: m.index, kind: 'stop', skip: m[0].length });
    // "Giao các sở, ngành tỉnh; UBND các huyện, thành phố; Các Ban QLDA … báo cáo": the ";" inside the addressee list do not cut.
    const lists = run.whole ? [] : this.assignments(run.text, this.m.tokens(run.text));
    const inList = (at: number) => lists.some((a) => a.at <= at && at < (a.end ?? a.at));
    if (run.prose) {
      for (const m of run.text.matchAll(/(?<=;)\s+(?=\p{Lu})/gu))
        if (!inList(m.index)) cuts.push({ at: m.index, kind: 'semi', skip: m[0].length });
    }
    // "…; đồng thời UBND phường Âu Lâu đề xuất …": after "; " a connective and a capitalised name open another
    // addressee's task, in an item as in prose (the part goes back to the task before when no agency opens it).
    for (const m of run.text.matchAll(/(?<=;)\s+(?=(?:[Đđ]ồng thời|[Nn]goài ra),?\s+\p{Lu})/gu))
      cuts.push({ at: m.index, kind: 'semi', skip: m[0].length });
    // "… hoàn thành trong tháng 12 năm 2025; Bộ Khoa học và Công nghệ hướng dẫn …": in an item too, a body
    // that acts after "; " opens its own task; so does one written in lower case ("… thống nhất chủ trương …;
    // các địa phương cần tập trung xây dựng …"), in prose as in an item — a second addressee of the sentence.
    if (!run.whole)
      for (const m of run.text.matchAll(/(?<=;)\s+(?=\p{L})/gu)) {
        const clause = run.text.slice(m.index + m[0].length);
        if (inList(m.index) || (run.prose && /^\p{Lu}/u.test(clause))) continue;
        // "…; đối với các nhà thầu chậm tiến độ cần kịp thời thực hiện điều chuyển khối lượng …": what the act
        // concerns, not who acts — the clause goes on with the task before it.
        if (/^đối với\s/iu.test(clause)) continue;
        if (this.actsFirst(clause)) cuts.push({ at: m.index, kind: 'semi', skip: m[0].length });
      }
    cuts.sort((a, b) => a.at - b.at);
    if (topic) cuts.splice(0, cuts.length, ...cuts.filter((c, k) => k === 0 || c.at > from));

    interface Seg {
      start: number;
      end: number;
      leads: Lead[];
      source: LeadSource;
      from: string | null;
      own: boolean;
      prefix: string | null;
    }
    const segs: Seg[] = [];
    let pendingPrefix: string | null = topic ? `${cleanTitle(topic[0])}:` : null;
    const last = () => segs[segs.length - 1];
    cuts.forEach((cut, k) => {
      const start = cut.at + cut.skip;
      const end = k + 1 < cuts.length ? cuts[k + 1]!.at : run.text.length;
      if (end <= start) return;
      const piece = run.text.slice(start, end);
      const tokens = this.m.tokens(piece);
      const points = this.assignments(piece, tokens).map((a) => ({ ...a, at: a.at + start }));
      if (points.length === 0 || points[0]!.at > start) {
        // "Sở Nội vụ chủ trì …", or "Sở Nội vụ: (i) … (ii) …" where the name alone heads an enumeration.
        // "Về kinh phí: Các địa phương phải …" later in an item: a topic, then the sentence's own subject.
        const about = k > 0 ? TOPIC.exec(piece) : null;
        const answer = about ? piece.slice(about[0].length) : '';
        const s = about ? this.subject(answer, this.m.tokens(answer)) : this.subject(piece, tokens);
        const heads = s.length === 0 && /:\s*$/.test(piece) ? this.subject(piece, tokens, 'bare') : [];
        // "Để thúc đẩy …, Thường trực Chính phủ yêu cầu Bộ trưởng, …": the body right before the assignment's verb
        // is the one that asks, not a lead.
        const before = points.length > 0 ? run.text.slice(start, points[0]!.at).trimEnd() : '';
        const asks = s.length > 0 && before !== '' && s.some((l) => before.endsWith(l.text));
        if (!asks && !speaks(fold(piece), s) && (s.length > 0 || heads.length > 0))
          points.unshift({ at: start, leads: s.length > 0 ? s : heads, source: 'subject' });
      }
      // "4. Khẩn trương khắc phục các công trình hạ tầng thiết yếu …, các địa phương phải huy động các lực lượng":
      // a sentence that opens on the action names who must do it after a comma, then "phải"/"cần".
      const must = points.length === 0 && ACTION_FIRST.test(fold(piece.trimStart())) ? this.mustAfterComma(piece) : [];
      if (must.length > 0) points.push({ at: start, leads: must, source: 'subject' });
      if (points.length === 0) {
        const prev = last();
        // After "; " a new task opens on its verb ("…; Phối hợp với …"); "…; Quy chế làm việc của Chính phủ …"
        // goes on listing.
        const verbFirst = ACTION_FIRST.test(fold(piece.trimStart()));
        if (prev && (cut.kind === 'stop' || (cut.kind === 'semi' && !verbFirst))) prev.end = end;
        else {
          const carry = prev ?? { leads: ctx.leads, source: ctx.source, from: ctx.from };
          segs.push({
            start,
            end,
            leads: carry.leads,
            source: carry.source,
            from: carry.from,
            own: false,
            prefix: null,
          });
        }
        return;
      }
      points.forEach((p, j) => {
        const segStart = j === 0 ? start : p.at;
        const segEnd = j + 1 < points.length ? points[j + 1]!.at : end;
        const prev = last();
        // A short sentence without addressee before an assignment introduces it ("Tiếp tục nâng cao các Chỉ số …"), and
        // so does one of any length that no addressee above leads and sets no date ("- Đây là dự án có ý nghĩa đặc
        // biệt quan trọng …. Thời gian … còn lại rất ngắn, … do vậy yêu cầu các bộ, cơ quan …"): it is the context.
        const prevText = prev ? run.text.slice(prev.start, prev.end) : '';
        if (
          j === 0 &&
          prev &&
          !prev.own &&
          segs.length === 1 &&
          (words(prevText) <= PREAMBLE_WORDS ||
            NOT_A_TASK.test(fold(cleanTitle(prevText))) ||
            (prev.leads.length === 0 && findDeadline(prevText, this.m.day).kind === 'none' && !this.reportsPast(piece)))
        ) {
          pendingPrefix = cleanTitle(prevText);
          segs.pop();
        }
        segs.push({
          start: segStart,
          end: segEnd,
          leads: p.leads,
          source: p.source,
          from: null,
          own: true,
          prefix: pendingPrefix,
        });
        pendingPrefix = null;
      });
    });

    // One deadline per task: a sentence that brings a time frame of its own after a dated part is a new task.
    const split = run.whole
      ? segs.slice(0, 1).map((seg) => ({ ...seg, end: run.text.length }))
      : segs.flatMap((seg) =>
          this.byTimeFrame(run.text, seg.start, seg.end).map(([a, b]) => ({ ...seg, start: a, end: b })),
        );
    segs.splice(0, segs.length, ...split);

    // "Giao Sở Nội vụ : (1) …" — the part before the enumeration only names the addressee.
    const proposals: Proposal[] = [];
    let enumPrefix: string | null = null;
    segs.forEach((s, i) => {
      const text = cleanTitle(run.text.slice(s.start, s.end));
      const nextIsEnum =
        cuts.some((c) => c.kind === 'enum' && c.at >= s.end && c.at <= s.end + 2) && i + 1 < segs.length;
      if (nextIsEnum && (text.endsWith(':') || words(text) <= 6 || /:\s*$/.test(run.text.slice(s.start, s.end)))) {
        enumPrefix = text.length <= 120 ? `${text}:` : null;
        return;
      }
      if (words(text) < 3) return;
      // "Tổng cục Thuế đề nghị Cục Thuế các tỉnh, thành phố rà soát …": the body that asks, cut off before the
      // assignment verb, is a name and nothing else — no task of its own.
      const tokens = this.m.tokens(text);
      if (s.own && s.source === 'subject' && this.m.leadSpan(text, tokens, 0, true).tokEnd >= tokens.length) return;
      const folded = fold(text);
      const undated = findDeadline(text, this.m.day).kind === 'none';
      if (undated && ((FINDING.test(folded) && !ACTION.test(folded)) || PRAISE.test(folded) || this.reportsPast(text)))
        return;
      if (s.leads.length === 0 && root) return;
      // "Bộ trưởng, …, Chủ tịch Ủy ban nhân dân các tỉnh … chịu trách nhiệm trực tiếp trước Chính phủ … về kết quả
      // thực hiện Chỉ thị này": who answers for the whole notice, wherever it stands, is given nothing new to do.
      // A point that opens on it ("- Chịu trách nhiệm trước pháp luật nếu để xảy ra …") states accountability too.
      // A question asks nothing of anyone: an article's caption "Có mấy phương án …? (Hình từ Internet)".
      if (undated && /^[^.!?]*\?\s*(\([^()]*\))?\s*$/.test(text)) return;
      if (undated && REQUIREMENT.test(folded)) return;
      if (undated && s.own && s.source === 'subject' && permitted(folded, s.leads)) return;
      if (ANSWERS_FOR.test(folded) && (this.exhorts(text) || (undated && this.answers(text)))) return;
      // "- Thống nhất nguyên tắc để báo cáo cấp có thẩm quyền …", "Đồng ý …": the chair decides; with no one
      // named and no date, nothing is asked of anyone.
      if (undated && s.leads.length === 0 && DECISION.test(folded)) return;
      const prefix = [ctx.prefix, enumPrefix, s.prefix].filter((x): x is string => !!x).join(' ');
      const joined = prefix ? `${prefix} ${text}` : text;
      const title = joined.charAt(0).toUpperCase() + joined.slice(1);
      const { area, index_code } = classify(title, ctx.headings);
      proposals.push({
        leads: s.leads,
        source: s.leads.length > 0 ? s.source : 'none',
        from: s.from,
        support: this.support(text, s.leads),
        title,
        firstLine: runLine(run, s.start),
        lastLine: runLine(run, Math.max(s.start, s.end - 1)),
        deadline: inherit(findDeadline(text, this.m.day), ctx.due, this.keepsDue(run, s, ctx)),
        ownAddresseeUnread: !s.own && /^(giao|de nghi|yeu cau)\b/.test(folded),
        noAction: !ACTION.test(folded),
        nested: !s.own && ctx.depth > 0,
        heading: ctx.headings[0] ?? null,
        split: midSentence(run.text, s.start, s.end),
        area,
        index_code,
      });
    });
    out.push(...proposals);
  }

  /**
   * "… yêu cầu các địa phương … giải quyết dứt điểm các tồn tại trước ngày 10 tháng 6 năm 2025, cụ thể:" over "-
   * Tỉnh Tuyên Quang: …", "- Tỉnh Cao Bằng: …": a lead-in whose points each name their own addressee divides
   * its task among them; it is no row of its own. A task written in a sentence or clause before the one that
   * introduces the points ("… trình trước ngày 20 tháng 3 năm 2026. Trong đó chú ý …:") is a row still.
   */
  private dividedAmong(text: string, parts: Part[]): boolean {
    const points = parts.filter((q): q is { item: Item } => 'item' in q);
    return (
      !/[.;!?]\s+\S/.test(text) &&
      points.length > 0 &&
      points.every(
        (q) => this.ownLeads(q.item.block!.text).length > 0 || this.onlyAgencies(q.item.block!.text).length > 0,
      )
    );
  }

  /**
   * Whether a part without a date of its own keeps the date of the lead-in above (`passedDue`): a part that names
   * the same addressee again, or none, or — when the lead-in's own sentence holds the date — any part of the
   * point's own text. A paragraph hung under the point that names another body ("(1) Phương án 1: …" then "Theo
   * đó, Sở Tài chính chủ trì …") is that body's task, not a share of the lead-in's.
   */
  private keepsDue(run: Run, s: { start: number; own: boolean; leads: Lead[] }, ctx: Ctx): boolean {
    if (s.own && sameLeads(s.leads, ctx.leads)) return true;
    return ctx.overAll && (!s.own || s.start < (run.pointEnd ?? Infinity));
  }

  /** The body named after a comma of the first sentence and before "phải"/"cần": it is who must act. */
  /** A text that opens on a body and then its act ("Bộ Khoa học và Công nghệ hướng dẫn …", "các địa phương cần …"). */
  private actsFirst(text: string): boolean {
    const tokens = this.m.tokens(text);
    const span = this.m.leadSpan(text, tokens, 0, true);
    const plural = span.leads.length > 0 ? [] : this.pluralSubject(text, tokens, 0, true);
    const written = plural[0]?.type === 'named' ? plural[0].text : '';
    const end =
      span.leads.length > 0
        ? span.tokEnd
        : plural.length > 0
          ? tokens.findIndex((t) => t.end > tokens[0]!.start + written.length)
          : -1;
    // The act is written in lower case mid-sentence; a capital goes on with a name ("thường trực Ban Chỉ đạo là …").
    const after = end >= 0 ? tokens[end] : undefined;
    return !!after && /^\p{Ll}/u.test(text.slice(after.start)) && ACTION_FIRST.test(fold(text.slice(after.start)));
  }

  private mustAfterComma(text: string): Lead[] {
    const sentence = text.split(/(?<=[.!?;])\s/)[0]!;
    const tokens = this.m.tokens(sentence);
    // "phải", "cần" as written ("cán bộ" folds like "cần").
    const modal = (t: Token | undefined) =>
      !!t && ['phải', 'cần'].includes(sentence.slice(t.start, t.end).normalize('NFC').toLowerCase());
    for (let k = 1; k < tokens.length; k++) {
      if (tokens[k - 1]!.w !== ',') continue;
      const span = this.m.leadSpan(sentence, tokens, k, true);
      if (span.leads.length > 0) {
        if (modal(tokens[span.tokEnd])) return span.leads;
        continue;
      }
      const plural = this.pluralSubject(sentence, tokens, k, true);
      const written = plural[0]?.type === 'named' ? plural[0].text : '';
      const end = tokens.findIndex((t, n) => n >= k && t.end >= tokens[k]!.start + written.length);
      if (plural.length > 0 && modal(tokens[end + 1])) return plural;
    }
    return [];
  }

  /**
   * "2. Đẩy mạnh rà soát, xây dựng, hoàn thiện thể chế, cơ chế chính sách: Các bộ khẩn trương trình …": an
   * item's own heading before a colon, naming no one, then a sentence opening on its subject — the heading is
   * the topic, as "Về …:" is, and the sentence gives the lead.
   */
  private headed(text: string): RegExpExecArray | null {
    const h = /^[^:.;]{3,200}?:\s+(?=\p{Lu})/u.exec(text);
    if (!h || this.ownLeads(h[0]).length > 0) return null;
    const rest = text.slice(h[0].length);
    const tokens = this.m.tokens(rest);
    if (this.subject(rest, tokens).length === 0) return null;
    // The subject acts: "Tăng cường phối hợp giữa các cơ quan: Sở Nông nghiệp và Môi trường, Sở Công Thương, …
    // trong công tác …" lists whom to work with.
    const span = this.m.leadSpan(rest, tokens, 0, true);
    const after = tokens[span.tokEnd];
    return span.leads.length === 0 || (after && ACTION_FIRST.test(fold(rest.slice(after.start)))) ? h : null;
  }

  /**
   * Parts of [start, end) that each carry one time frame: after a sentence with a dated deadline,
   * a sentence with another date, or one opening on a time or condition of its own ("Sau Hội nghị …",
   * "Trong tháng 01/2025, …"), starts a new task. "Trước ngày 15/11 … . Trong báo cáo nêu rõ …" stays one.
   */
  private byTimeFrame(text: string, start: number, end: number): [number, number][] {
    const cuts = [start];
    // "… phải hoàn thành trước ngày 31/12/2025; nhà bị sập đổ … hoàn thành trước ngày 31/01/2026": a clause
    // after "; " is a time frame of its own as a sentence is, when it brings another date.
    const clauses = new Set<number>();
    for (const m of text.slice(start, end).matchAll(/(?<=[.!?])\s+(?=\p{Lu})|(?<=;)\s+/gu)) {
      cuts.push(start + m.index + m[0].length);
      if (text[start + m.index - 1] === ';') clauses.add(cuts.length - 1);
    }
    if (cuts.length === 1) return [[start, end]];
    const out: [number, number][] = [];
    let from = start;
    let due: string | null = null;
    cuts.forEach((at, k) => {
      const to = k + 1 < cuts.length ? cuts[k + 1]! : end;
      const sentence = text.slice(at, to);
      const d = findDeadline(sentence, this.m.day);
      const opensTime = !clauses.has(k) && OWN_TIME_FRAME.test(fold(sentence));
      // "Giao Bộ … nghiên cứu …. Trường hợp cần thiết đề xuất …, trình Quốc hội tại kỳ họp tháng 10 năm 2025": after
      // an undated sentence, one opening on its own condition is a new task when it sets its own date.
      const newFrame = due ? (d.kind === 'date' && d.due !== due) || opensTime : opensTime && d.kind === 'date';
      if (k > 0 && newFrame) {
        // "…; gửi văn bản cam kết …; hoàn thành trước ngày 25 tháng 11 năm 2025": a clause that only sets the
        // date closes the clause before it, which starts the new task.
        const tail = clauses.has(k) && words(sentence) <= 10 && /^(hoan thanh|truoc|cham nhat)\b/.test(fold(sentence));
        const cut = tail && k > 1 && cuts[k - 1]! > from && clauses.has(k - 1) ? cuts[k - 1]! : at;
        out.push([from, cut]);
        from = cut;
        due = null;
      }
      if (d.kind === 'date' && !due) due = d.due;
    });
    out.push([from, end]);
    return out;
  }

  /** Agencies after "phối hợp (với)"; groups ("các đơn vị liên quan") are not expanded. */
  private support(text: string, leads: Lead[]): string[] {
    const tokens = this.m.tokens(text);
    const lead = new Set(leads.flatMap((l) => (l.type === 'unit' ? [l.code] : [])));
    const out: string[] = [];
    for (let i = 0; i + 1 < tokens.length; i++) {
      if (tokens[i]!.w !== 'phoi' || tokens[i + 1]!.w !== 'hop') continue;
      const span = this.m.leadSpan(text, tokens, i + 2);
      for (const l of span.leads) if (l.type === 'unit' && !lead.has(l.code) && !out.includes(l.code)) out.push(l.code);
    }
    return out;
  }
}

/** Brackets an item's text opens and does not close. */
function openBrackets(text: string): number {
  return (text.match(/\(/g) ?? []).length - (text.match(/\)/g) ?? []).length;
}

/**
 * "(4) Bộ Giao thông vận tải … (Bộ Giao thông vận tải thành lập Tổ công tác …, gồm 03 nhóm:" over "- Nhóm rà soát
 * …;", "- Nhóm rà soát … Thành phố Hồ Chí Minh).": the points up to the one that closes the item's bracket are the
 * bracket's text, an aside on how the task is done, no tasks of their own.
 */
function withoutBracketed(item: Item): Item {
  let open = openBrackets(item.block!.text);
  let k = 0;
  while (open > 0 && k < item.parts.length) {
    const p = item.parts[k]!;
    if (!('item' in p) || p.item.parts.length > 0) return item;
    open += openBrackets(p.item.block!.text);
    k++;
  }
  return open === 0 && k > 0 ? { ...item, parts: item.parts.slice(k) } : item;
}
