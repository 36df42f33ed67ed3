import type { Metrics } from '../metrics/types.ts';
import type { BriefContext, UnitInfo } from './context.ts';
import { localDate } from '../dates.ts';

/** What the document says about itself; every field has a default (docs/brief.md lists them). */
export interface DocumentOptions {
  /** First line of the issuer block, the superior body: default `UBND TỈNH <PROVINCE>` from the units table. */
  superior?: string;
  /** Second line, bold: the issuing body. */
  issuer?: string;
  /** The number before the slash; empty leaves the blank the clerk fills in on signing. */
  number?: string;
  /** The symbol after the slash. */
  symbol?: string;
  /** Place of the place-date line: default the province name. */
  place?: string;
  /** ISO date of the document: default today in Asia/Ho_Chi_Minh. */
  date?: string;
  /** Lines of the signer's title, e.g. ['KT. CHÁNH VĂN PHÒNG', 'PHÓ CHÁNH VĂN PHÒNG']. */
  signerTitle?: string[];
  signer?: string;
  /** Recipients without the closing "Lưu: VT.", which every document ends with. */
  recipients?: string[];
}

export interface DocumentHeader {
  superior: string;
  issuer: string;
  number: string;
  symbol: string;
  place: string;
  date: string;
  signerTitle: string[];
  signer: string;
  recipients: string[];
}

export const DEFAULT_RECIPIENTS = [
  'Chủ tịch, các PCT UBND tỉnh;',
  'Ban Chỉ đạo CCHC tỉnh;',
  'Sở Nội vụ;',
  'Các sở, ban, ngành tỉnh;',
];

/** The local level below the province, as the recipients list names it; none when it has neither. */
const LOCAL_RECIPIENTS: Record<string, string> = {
  district: 'UBND các huyện, thị xã, thành phố;',
  commune: 'UBND các xã, phường, đặc khu;',
};

/** The default list: the fixed lines, then the province's own local level (districts before 2025, communes after). */
function defaultRecipients(province: UnitInfo | undefined, ctx: BriefContext): string[] {
  const kinds = new Set(ctx.units.filter((u) => province && u.parent_code === province.unit_code).map((u) => u.kind));
  const local = (['district', 'commune'] as const).filter((k) => kinds.has(k)).map((k) => LOCAL_RECIPIENTS[k]!);
  // Without a units tree (a metrics.json rendered on its own), say what the brief always said.
  return [...DEFAULT_RECIPIENTS, ...(province ? local : [LOCAL_RECIPIENTS.district!])];
}

/** Fills every field: given values win, then what the data says (the province), then fixed defaults. */
export function documentHeader(
  options: DocumentOptions,
  metrics: Metrics,
  ctx: BriefContext,
  now: Date,
): DocumentHeader {
  const unit = provinceOf(metrics, ctx);
  const province = (unit?.name ?? metrics.scope.name).replace(
    /^(UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+(tỉnh|thành phố)\s+/i,
    '',
  );
  return {
    superior: options.superior ?? `UBND TỈNH ${province.toLocaleUpperCase('vi')}`,
    issuer: options.issuer ?? 'VĂN PHÒNG',
    number: options.number ?? '',
    symbol: options.symbol ?? 'BC-VPUBND',
    place: options.place ?? province,
    date: options.date ?? localDate(now),
    signerTitle: options.signerTitle ?? ['KT. CHÁNH VĂN PHÒNG', 'PHÓ CHÁNH VĂN PHÒNG'],
    signer: options.signer ?? '',
    recipients: options.recipients ?? defaultRecipients(unit, ctx),
  };
}

/** The province the scope belongs to, from the units tree; none when the tree holds no province. */
function provinceOf(metrics: Metrics, ctx: BriefContext): UnitInfo | undefined {
  const byCode = new Map(ctx.units.map((u) => [u.unit_code, u]));
  let u = byCode.get(metrics.scope.unit_code);
  const seen = new Set<string>();
  while (u && u.kind !== 'province' && u.parent_code && !seen.has(u.unit_code)) {
    seen.add(u.unit_code);
    u = byCode.get(u.parent_code);
  }
  return u?.kind === 'province' ? u : undefined;
}
