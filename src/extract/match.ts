/**
 * Finds agencies named in notice text. Names are compared as folded word sequences (case,
 * diacritics, spacing, "UBND"/"Ủy ban nhân dân", "TT&TT"/"Thông tin và Truyền thông"), longest
 * match first, so "Văn phòng HĐND và UBND huyện" is one office and not "… và UBND huyện".
 */
import { nameKey, tokenize, type Token } from './fold.ts';
import { validOn, type Unit } from './units.ts';

/** Plural addressees, resolved against the units table relative to the notice's scope. */
export type Group = 'departments' | 'localities' | 'districts' | 'communes';

export type Target = { type: 'unit'; codes: string[] } | { type: 'group'; groups: Group[] } | { type: 'skip' };

export interface Mention {
  target: Target;
  /** Token range [tok0, tok1) and character range in the text. */
  tok0: number;
  tok1: number;
  start: number;
  end: number;
}

export type Lead = { type: 'unit'; code: string; text: string } | { type: 'group'; group: Group; text: string } | { type: 'unknown'; text: string };

/** Phrase → groups; keys are compared after folding, with "và" and punctuation ignored. */
const GROUPS: [string, Group[]][] = [
  ['các sở ban ngành', ['departments']],
  ['sở ban ngành', ['departments']],
  ['các sở ngành', ['departments']],
  ['các cơ quan đơn vị', ['departments']],
  ['các phòng ban', ['departments']],
  ['các phòng ban chuyên môn', ['departments']],
  ['các cơ quan địa phương', ['departments', 'localities']],
  ['các cơ quan đơn vị địa phương', ['departments', 'localities']],
  ['cơ quan đơn vị địa phương', ['departments', 'localities']],
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
  ['các xã thị trấn', ['communes']],
  ['xã thị trấn', ['communes']],
  ['UBND các xã thị trấn', ['communes']],
  ['các xã phường thị trấn', ['communes']],
  ['UBND các xã phường thị trấn', ['communes']],
];

/** Titles and fillers inside an addressee list: "Thủ trưởng các sở…", "Chủ tịch UBND…", "… có liên quan". */
const SKIPS = [
  'thủ trưởng',
  'chủ tịch',
  'lãnh đạo',
  'ban thường trực',
  'ban giám đốc',
  'các cơ quan',
  'các thành viên ban chỉ đạo',
  'thành viên ban chỉ đạo',
  'riêng các phòng',
  'các phòng',
  'có liên quan',
  'liên quan',
  'trên địa bàn huyện',
  'trên địa bàn tỉnh',
  'trên địa bàn',
];
const FILLER_WORDS = new Set(['va', 'tinh', 'huyen', 'cac', 'cung', 'voi']);
const FILLER_PUNCT = new Set([',', ';', ':', '(', ')', '&', '-', '–', '—', '/', '“', '”', '"']);
/** Punctuation a name may contain ("Sở Văn hóa, Thể thao và Du lịch", "Tài chính – Kế hoạch"). */
const INNER_PUNCT = new Set([',', '-', '–', '—', '&', '.']);

/** Nouns that start an agency's name: after "giao"/"đề nghị" they mark a name missing from units. */
const HEADS = ['sở', 'ban', 'phòng', 'văn phòng', 'trung tâm', 'ủy ban', 'ubnd', 'báo', 'đài', 'tỉnh đoàn', 'huyện đoàn', 'hội', 'công an', 'thanh tra', 'chi cục', 'chi nhánh', 'bưu điện'].map((h) => nameKey(h));
/** Heads after which notices abbreviate the rest to initials ("Sở NV", "Trung tâm VH-TT-TT"); one written word per folded word. */
const INITIAL_HEADS = ['sở', 'phòng', 'trung tâm', 'ban'].map((h) => nameKey(h));
/** Words that end an agency's name: the verb of the assignment. */
const VERBS = new Set(
  ['chủ trì', 'phối hợp', 'tiếp tục', 'tăng cường', 'khẩn trương', 'thực hiện', 'tham mưu', 'triển khai', 'kiểm tra', 'rà soát', 'hướng dẫn', 'chủ động', 'nghiên cứu', 'xây dựng', 'tổ chức', 'hoàn thành', 'chỉ đạo', 'báo cáo', 'theo dõi', 'đôn đốc', 'quan tâm', 'tuyên truyền', 'ban hành', 'đề xuất', 'nâng cao', 'tập trung', 'nhanh chóng'].map((v) => nameKey(v).join(' ')),
);
const VERB1 = new Set(['co', 'can', 'phai', 'trinh']);

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

  constructor(
    private readonly units: Unit[],
    readonly scope: Unit,
    readonly day: string | null,
  ) {
    for (const u of units) this.byCode.set(u.code, u);
    this.issuers = new Set(this.ancestors(scope.code));
    for (const u of units) for (const v of this.variants(u)) this.add(v, { type: 'unit', codes: [u.code] });
    // The notice calls its own issuer "UBND tỉnh"/"UBND huyện"; known as such, it is never read as an unknown lead.
    for (const code of this.issuers) {
      const u = this.byCode.get(code)!;
      if (u.short_name && u.name.endsWith(` ${u.short_name}`)) this.add(nameKey(u.name.slice(0, -u.short_name.length)), { type: 'unit', codes: [code] });
    }
    for (const [phrase, groups] of GROUPS) this.add(nameKey(phrase), { type: 'group', groups });
    for (const s of SKIPS) this.add(nameKey(s), { type: 'skip' });
  }

  unit(code: string): Unit | undefined {
    return this.byCode.get(code);
  }

  private ancestors(code: string): string[] {
    const out: string[] = [];
    for (let u = this.byCode.get(code); u && !out.includes(u.code); u = u.parent ? this.byCode.get(u.parent) : undefined) out.push(u.code);
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
   * The addressee list starting at token i ("Thủ trưởng các sở, ban, ngành; Chủ tịch UBND các huyện…"):
   * names and groups separated by fillers, up to the first word that is neither (the verb).
   */
  leadSpan(text: string, tokens: Token[], i: number, allowUnknown = false): { leads: Lead[]; end: number; tokEnd: number } {
    const leads: Lead[] = [];
    let j = i;
    let end = tokens[i]?.start ?? text.length;
    while (j < tokens.length) {
      const t = tokens[j]!;
      if (t.w === '.') break;
      const m = this.matchAt(tokens, j);
      if (m && m.target.type !== 'skip') {
        const written = text.slice(m.start, m.end);
        if (m.target.type === 'group') for (const g of m.target.groups) leads.push({ type: 'group', group: g, text: written });
        else {
          const code = this.pick(m.target.codes);
          if (!this.issuers.has(code)) leads.push({ type: 'unit', code, text: written });
        }
        j = m.tok1;
        end = m.end;
        continue;
      }
      if (m) {
        j = m.tok1;
        continue;
      }
      if ((t.word && FILLER_WORDS.has(t.w)) || (!t.word && FILLER_PUNCT.has(t.w))) {
        j++;
        continue;
      }
      if (allowUnknown && leads.length === 0 && j - i <= 1) {
        const unknown = this.unknownAt(text, tokens, j);
        if (unknown) {
          leads.push({ type: 'unknown', text: unknown.text });
          j = unknown.tokEnd;
          end = tokens[j - 1]!.end;
          continue;
        }
      }
      break;
    }
    return { leads, end, tokEnd: j };
  }

  /** An agency-like name the units table does not know, kept as written. */
  private unknownAt(text: string, tokens: Token[], i: number): { text: string; tokEnd: number } | null {
    const head = HEADS.find((h) => h.every((w, k) => tokens[i + k]?.w === w));
    if (!head || VERBS.has(`${tokens[i]!.w} ${tokens[i + 1]?.w ?? ''}`)) return null;
    let j = i + head.length;
    while (j < tokens.length && j - i < 12) {
      const t = tokens[j]!;
      if (!t.word && t.w !== '&' && t.w !== '-' && t.w !== '–') break;
      const bigram = `${t.w} ${tokens[j + 1]?.w ?? ''}`;
      if (VERBS.has(bigram) || VERB1.has(t.w)) break;
      j++;
    }
    if (j === i + head.length) return null;
    return { text: text.slice(tokens[i]!.start, tokens[j - 1]!.end).trim(), tokEnd: j };
  }

  /** Of several units sharing a name, the one valid on the notice's day inside its scope. */
  private pick(codes: string[]): string {
    if (codes.length === 1) return codes[0]!;
    const inScope = (c: string) => this.ancestors(c).includes(this.scope.code);
    const score = (c: string) => (validOn(this.byCode.get(c)!, this.day) ? 2 : 0) + (inScope(c) ? 1 : 0);
    return [...codes].sort((a, b) => score(b) - score(a))[0]!;
  }

  /** Units a group stands for, valid on the notice's day. */
  expand(group: Group): string[] {
    const province = this.scope.kind === 'province' ? this.scope : this.units.find((u) => u.code === this.scope.parent) ?? this.scope;
    const children = (parent: string, kind: string) => this.units.filter((u) => u.parent === parent && u.kind === kind && validOn(u, this.day)).map((u) => u.code);
    switch (group) {
      case 'departments':
        return children(this.scope.code, 'department');
      case 'localities':
        return children(this.scope.code, this.scope.kind === 'province' ? 'district' : 'commune');
      case 'districts':
        return children(province.code, 'district');
      case 'communes':
        return this.scope.kind === 'district' ? children(this.scope.code, 'commune') : children(province.code, 'district').flatMap((d) => children(d, 'commune'));
    }
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

