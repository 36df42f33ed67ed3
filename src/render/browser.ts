import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import { RenderError } from '../errors.ts';

export type { Browser };

export interface BrowserOptions {
  /** Path of the Chromium binary; default `$CCHC_CHROMIUM`, else /usr/bin/chromium. */
  executablePath?: string;
}

export interface PdfOptions {
  /** Milliseconds before a render counts as hung; never 0, which would mean "wait forever". */
  timeoutMs?: number;
}

export const DEFAULT_TIMEOUT_MS = 60_000;

export function chromiumPath(options: BrowserOptions = {}): string {
  return options.executablePath ?? process.env.CCHC_CHROMIUM ?? '/usr/bin/chromium';
}

/**
 * Launches a headless Chromium with a throwaway profile. The caller must `closeBrowser()` it;
 * a batch of briefs shares one browser this way.
 */
export async function launchBrowser(options: BrowserOptions = {}): Promise<Browser> {
  const exe = chromiumPath(options);
  if (!existsSync(exe)) {
    throw new RenderError(
      `Chromium not found at ${exe}. Install it (\`apt-get install chromium\` or \`scripts/setup.sh\`) or set CCHC_CHROMIUM to its path.`,
    );
  }
  const profile = mkdtempSync(path.join(os.tmpdir(), 'cchc-chromium-'));
  const puppeteer = (await import('puppeteer-core')).default;
  try {
    const browser = await puppeteer.launch({
      executablePath: exe,
      headless: true,
      userDataDir: profile,
      args: [
        '--no-sandbox',
        '--headless',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--font-render-hinting=none',
      ],
    });
    profiles.set(browser, profile);
    return browser;
  } catch (e) {
    rmSync(profile, { recursive: true, force: true });
    throw new RenderError(`could not start Chromium (${exe}): ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
}

const profiles = new WeakMap<Browser, string>();

/** Closes the browser and removes its throwaway profile (after the process has exited, so nothing writes into it). */
export async function closeBrowser(browser: Browser): Promise<void> {
  await browser.close().catch(() => undefined);
  const profile = profiles.get(browser);
  if (profile) rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
}

/**
 * Prints self-contained HTML to PDF. Every request but the page itself is aborted, so a stray
 * URL in data can never reach the network; printing waits for fonts; the page is always closed.
 */
export async function printPdf(browser: Browser, html: string, options: PdfOptions = {}): Promise<Uint8Array> {
  const timeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const page = await browser.newPage();
  let timer: NodeJS.Timeout | undefined;
  try {
    const work = (async () => {
      page.setDefaultTimeout(timeout);
      await page.setJavaScriptEnabled(false);
      await page.setRequestInterception(true);
      page.on('request', (req) => {
        if (req.isInterceptResolutionHandled()) return;
        if (req.isNavigationRequest() && req.url() === 'about:blank') void req.continue();
        else void req.abort('blockedbyclient');
      });
      await page.setContent(html, { waitUntil: 'load', timeout });
      await page.evaluate('document.fonts.ready.then(() => true)');
      return page.pdf({ preferCSSPageSize: true, printBackground: true, timeout });
    })();
    const hung = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new RenderError(`printing the brief took longer than ${timeout / 1000} s; gave up`)), timeout);
    });
    return await Promise.race([work, hung]);
  } catch (e) {
    if (e instanceof RenderError) throw e;
    throw new RenderError(`Chromium failed to print the brief: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  } finally {
    clearTimeout(timer);
    await page.close().catch(() => undefined);
  }
}

/** Runs `fn` with the given browser, or with a fresh one that is closed afterwards whatever happens. */
export async function withBrowser<T>(given: Browser | undefined, options: BrowserOptions, fn: (b: Browser) => Promise<T>): Promise<T> {
  if (given) return fn(given);
  const browser = await launchBrowser(options);
  try {
    return await fn(browser);
  } finally {
    await closeBrowser(browser);
  }
}
