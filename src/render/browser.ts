import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { RenderError } from '../errors.ts';
import { processAlive } from '../pid.ts';

export type { Browser, Page };

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
  removeStaleProfiles();
  const profile = makeProfile();
  const puppeteer = (await import('puppeteer-core')).default;
  try {
    const browser = await puppeteer.launch({
      executablePath: exe,
      headless: true,
      userDataDir: profile,
      // Chromium's own temp files (org.chromium.Chromium.*) go in the profile too, so they are
      // removed with it even when Chromium is killed before it can delete them.
      env: { ...process.env, TMPDIR: profile },
      // cchc owns its signals: jobs record a stop in the history and close the browser themselves,
      // where puppeteer's own handlers would exit the process (SIGINT) or close the browser under a render.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      // Over a pipe rather than a WebSocket, Chromium ends when the pipe closes, that is when this
      // process ends by any means (SIGKILL, OOM kill), instead of running on detached.
      pipe: true,
      args: [
        ...sandboxArgs(),
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
    // Puppeteer's own message ends in a long troubleshooting URL; the first line says what failed.
    const first = (e instanceof Error ? e.message : String(e)).split('\n')[0];
    throw new RenderError(
      `could not start Chromium (${exe}): ${first}. Reinstall it (\`apt-get install chromium\` or \`scripts/setup.sh\`) or set CCHC_CHROMIUM to a working binary.`,
      { cause: e },
    );
  }
}

const profiles = new Map<Browser, string>();
const PROFILE_PREFIX = 'cchc-chromium-';
/** Where a profile goes when the user's temp folder is too deep for Chromium's socket. */
const SHORT_TMP = '/tmp';

/**
 * The longest path, in bytes, of the Unix socket Chromium binds for a profile that this process
 * makes in `parent`, and whether it fits. Chromium's TMPDIR is the profile (see launchBrowser) and
 * it binds `<TMPDIR>/org.chromium.Chromium.XXXXXX/SingletonSocket` (Chromium 156; older versions
 * put a dot before the folder's name, counted here as the longer). Linux's sun_path holds 108 bytes
 * with the closing NUL, so 107 of path; past that Chromium cannot bind it and does not start, and
 * puppeteer only says "Target closed". Bytes, not characters: "ệ" is 3 bytes in UTF-8.
 */
export function chromiumSocket(parent: string, pid = process.pid): { bytes: number; limit: number; fits: boolean } {
  // mkdtemp's six random characters, then Chromium's own six in its folder's name.
  const profile = path.join(path.resolve(parent), `${PROFILE_PREFIX}${pid}-XXXXXX`);
  const bytes = Buffer.byteLength(path.join(profile, '.org.chromium.Chromium.XXXXXX', 'SingletonSocket'));
  const limit = 107;
  return { bytes, limit, fits: bytes <= limit };
}

/**
 * The user's temp folder, or /tmp when Chromium's socket would not fit under it (a TMPDIR deep in
 * "/home/u/Tài liệu/…"): the profile is fresh and removed on close either way.
 */
export function profileParent(candidates = [os.tmpdir(), SHORT_TMP], pid = process.pid): string {
  const parent = candidates.find((dir) => chromiumSocket(dir, pid).fits);
  if (parent !== undefined) return parent;
  const [first = ''] = candidates;
  const { bytes, limit } = chromiumSocket(first, pid);
  throw new RenderError(
    `Chromium cannot start with its temp files in ${first}: the path of its socket there would be ${bytes} bytes, over the ${limit} a Unix socket allows (${candidates.slice(1).join(', ')} too). Set TMPDIR to a shorter folder, e.g. TMPDIR=/tmp.`,
  );
}

function makeProfile(): string {
  const parent = profileParent();
  try {
    return mkdtempSync(path.join(parent, `${PROFILE_PREFIX}${process.pid}-`));
  } catch (e) {
    throw new RenderError(
      `could not make Chromium's profile folder in ${parent}: ${e instanceof Error ? e.message : String(e)}. Set TMPDIR to a short folder you can write to.`,
      { cause: e },
    );
  }
}

/**
 * A process killed outright cannot remove its profile (its Chromium ends with it, see `pipe`); the
 * next launch removes the profiles of processes that are gone, never one whose owner still runs,
 * in both places a profile is made.
 */
function removeStaleProfiles(): void {
  for (const dir of new Set([os.tmpdir(), SHORT_TMP])) {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      const pid = Number(new RegExp(`^${PROFILE_PREFIX}(\\d+)-`).exec(name)?.[1]);
      if (!pid || pid === process.pid || processAlive(pid)) continue;
      try {
        rmSync(path.join(dir, name), { recursive: true, force: true });
      } catch {
        // Another user's profile in the shared /tmp cannot be removed (sticky bit); it is theirs to clean.
      }
    }
  }
}

/** Closes the browser and removes its throwaway profile (after the process has exited, so nothing writes into it). */
export async function closeBrowser(browser: Browser): Promise<void> {
  await browser.close().catch(() => undefined);
  const profile = profiles.get(browser);
  profiles.delete(browser);
  if (profile) rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
}

const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;

/**
 * For one-shot commands (`cchc brief`): a stop signal kills the browsers this process launched and
 * removes their profiles before exiting, so neither outlives the command by a moment. The
 * brief's own temp folder is hidden and never renamed into place, so nothing half-written shows.
 * Jobs handle signals themselves (they record the stop in the run history).
 */
export function killBrowsersOnSignals(): () => void {
  const handlers = (Object.keys(SIGNAL_EXIT) as (keyof typeof SIGNAL_EXIT)[]).map((sig) => {
    const h = () => {
      for (const [browser, profile] of profiles) {
        browser.process()?.kill('SIGKILL');
        rmSync(profile, { recursive: true, force: true });
      }
      process.exit(SIGNAL_EXIT[sig]);
    };
    process.once(sig, h);
    return [sig, h] as const;
  });
  return () => handlers.forEach(([sig, h]) => process.off(sig, h));
}

/**
 * A tab that can reach nothing: every request but the page itself is aborted, so a stray URL in
 * data never reaches the network, and scripts are off. Opened ahead of time so it is ready when
 * the HTML is.
 */
export async function openPage(browser: Browser, options: PdfOptions = {}): Promise<Page> {
  let page: Page;
  try {
    page = await browser.newPage();
  } catch (e) {
    // Chromium died (e.g. mid-batch): say so as a render failure, not an unexpected error.
    throw new RenderError(
      `Chromium could not open a page (it may have crashed; run scripts/setup.sh to reinstall it): ${e instanceof Error ? e.message : String(e)}`,
      { cause: e },
    );
  }
  try {
    page.setDefaultTimeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    page.on('request', (req) => {
      if (req.isInterceptResolutionHandled()) return;
      if (req.isNavigationRequest() && req.url() === 'about:blank') void req.continue();
      else void req.abort('blockedbyclient');
    });
    return page;
  } catch (e) {
    await page.close().catch(() => undefined);
    throw new RenderError(`Chromium could not open a page: ${e instanceof Error ? e.message : String(e)}`, {
      cause: e,
    });
  }
}

/** Prints HTML on an open page, waiting for fonts first; fails with a RenderError after the timeout. */
export async function printPage(page: Page, html: string, options: PdfOptions = {}): Promise<Uint8Array> {
  const timeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let timer: NodeJS.Timeout | undefined;
  try {
    const work = (async () => {
      await page.setContent(html, { waitUntil: 'load', timeout });
      await page.evaluate('document.fonts.ready.then(() => true)');
      return page.pdf({ preferCSSPageSize: true, printBackground: true, timeout });
    })();
    // A hung page may ignore puppeteer's own timeouts; this one always fires.
    const hung = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new RenderError(`printing the brief took longer than ${timeout / 1000} s; gave up`)),
        timeout,
      );
    });
    work.catch(() => undefined);
    return await Promise.race([work, hung]);
  } catch (e) {
    if (e instanceof RenderError) throw e;
    throw new RenderError(`Chromium failed to print the brief: ${e instanceof Error ? e.message : String(e)}`, {
      cause: e,
    });
  } finally {
    clearTimeout(timer);
  }
}

/** Prints self-contained HTML to PDF on a fresh page, which is always closed. */
export async function printPdf(browser: Browser, html: string, options: PdfOptions = {}): Promise<Uint8Array> {
  const page = await openPage(browser, options);
  try {
    return await printPage(page, html, options);
  } finally {
    await page.close().catch(() => undefined);
  }
}

export interface PageLease {
  /** Rejects with a RenderError when Chromium cannot start; awaited only when the HTML is ready. */
  page: Promise<Page>;
  version: Promise<string>;
  /** Closes the page, and the browser when the lease launched it. */
  release(): Promise<void>;
}

/**
 * Starts getting a page ready (launching Chromium unless one is given) without waiting for it,
 * so Chromium starts up while the figures and charts are computed.
 */
export function leasePage(given: Browser | undefined, options: BrowserOptions & PdfOptions = {}): PageLease {
  const browser = given ? Promise.resolve(given) : launchBrowser(options);
  const page = browser.then((b) => openPage(b, options));
  const version = browser.then((b) => b.version());
  // Marked as handled now; the error surfaces where the page is awaited.
  page.catch(() => undefined);
  version.catch(() => undefined);
  return {
    page,
    version,
    async release() {
      await page.then((p) => p.close()).catch(() => undefined);
      if (!given) await browser.then(closeBrowser).catch(() => undefined);
    },
  };
}

/**
 * Chromium refuses to start its sandbox as root (a container, a root cron job); only then is it
 * turned off. Any other user keeps the sandbox, which contains a page that escapes the renderer.
 */
export function sandboxArgs(uid: number | undefined = process.getuid?.()): string[] {
  return uid === 0 ? ['--no-sandbox'] : [];
}
