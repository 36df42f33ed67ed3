import type { Effects } from '../effects.ts';
import type { Period } from '../metrics/types.ts';
import type { DocumentOptions } from '../render/options.ts';
import type { BriefRequest, RenderSession } from './deps.ts';

/** The production renderer: one Chromium for the whole batch, `renderBrief` per unit. */
export async function openBriefSession(effects: Effects): Promise<RenderSession> {
  const { launchBrowser, closeBrowser } = await import('../render/browser.ts');
  const { renderBrief } = await import('../render/brief.ts');
  const browser = await launchBrowser();
  let closing: Promise<void> | undefined;
  return {
    async render(db, request) {
      const { files } = await renderBrief(
        db,
        { out: request.outDir, period: request.period.id, unit: request.unit, template: request.template, document: documentOptions(request), browser },
        effects,
      );
      return { files };
    },
    close: () => (closing ??= closeBrowser(browser)),
  };
}

/** The job file's header, with `{year}`, `{month}`, `{quarter}`, `{period}` and `{unit}` filled in the number and symbol. */
export function documentOptions({ header, period, unit }: Pick<BriefRequest, 'header' | 'period' | 'unit'>): DocumentOptions {
  const fill = (s: string | undefined) => (s === undefined ? undefined : fillPattern(s, period, unit));
  return {
    superior: header.superior,
    issuer: header.issuer,
    number: fill(header.number),
    symbol: fill(header.symbol),
    place: header.place,
    signer: header.signer,
    signerTitle: header.signer_title,
    recipients: header.recipients,
  };
}

export function fillPattern(pattern: string, period: Period, unit: string): string {
  const values: Record<string, string> = {
    year: String(period.year),
    month: period.end.slice(5, 7),
    quarter: String(Math.ceil(Number(period.end.slice(5, 7)) / 3)),
    period: period.id,
    unit,
  };
  return pattern.replace(/\{(year|month|quarter|period|unit)\}/g, (_, k: string) => values[k]!);
}
