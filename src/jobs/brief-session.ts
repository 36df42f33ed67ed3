import type { Effects } from '../effects.ts';
import type { DocumentOptions } from '../render/options.ts';
import type { DocumentHeaderSpec } from './config.ts';
import type { RenderSession } from './deps.ts';

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
        {
          out: request.outDir,
          period: request.period.id,
          unit: request.unit,
          template: request.template,
          document: documentOptions(request.header),
          incomplete: request.incomplete,
          browser,
        },
        effects,
      );
      return { files };
    },
    close: () => (closing ??= closeBrowser(browser)),
  };
}

/** The job file's header in the renderer's terms (placeholders are already filled by the run). */
export function documentOptions(header: DocumentHeaderSpec): DocumentOptions {
  return {
    superior: header.superior,
    issuer: header.issuer,
    number: header.number,
    symbol: header.symbol,
    place: header.place,
    signer: header.signer,
    signerTitle: header.signer_title,
    recipients: header.recipients,
  };
}
