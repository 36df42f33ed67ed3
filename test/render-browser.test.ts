import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { RenderError } from '../src/errors.ts';
import {
  chromiumSocket,
  closeBrowser,
  launchBrowser,
  leasePage,
  printPage,
  printPdf,
  profileParent,
  type Browser,
} from '../src/render/browser.ts';

let browser: Browser;
let server: Server;
let hits = 0;

beforeAll(async () => {
  server = createServer((_, res) => {
    hits++;
    res.end('x');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  browser = await launchBrowser();
}, 30_000);

afterAll(async () => {
  if (browser) await closeBrowser(browser);
  server?.close();
});

describe('printPdf(browser, html, options)', () => {
  it('prints without letting the page reach the network', async () => {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const html = `<!doctype html><meta charset="utf-8"><link rel="stylesheet" href="${url}/a.css"><style>@import "${url}/b.css"; body { background: url(${url}/c.png) }</style><p>Sở Nội vụ</p><img src="${url}/d.png"><iframe src="${url}/e"></iframe>`;
    const pdf = await printPdf(browser, html);
    expect(Buffer.from(pdf.slice(0, 5)).toString()).toBe('%PDF-');
    expect(hits).toBe(0);
  });

  it('gives up with a clear RenderError when printing exceeds the timeout', async () => {
    await expect(printPdf(browser, '<p>x</p>', { timeoutMs: 1 })).rejects.toThrow(RenderError);
    await expect(printPdf(browser, '<p>x</p>', { timeoutMs: 1 })).rejects.toThrow(/took longer than/);
    // The browser survives for the next brief of a batch.
    expect((await printPdf(browser, '<p>ok</p>')).length).toBeGreaterThan(100);
  });
});

describe('launchBrowser(options)', () => {
  it('says how to install Chromium when it is missing', async () => {
    const err = await launchBrowser({ executablePath: '/nonexistent/chromium' }).catch((e) => e);
    expect(err).toBeInstanceOf(RenderError);
    expect(err.message).toMatch(/apt-get install chromium/);
    expect(err.message).toMatch(/CCHC_CHROMIUM/);
  });

  it('lends a page of a given browser and leaves the browser open', async () => {
    const lease = leasePage(browser);
    expect(await lease.version).toMatch(/Chrom/);
    const pdf = await printPage(await lease.page, '<p>Sở Nội vụ</p>');
    expect(pdf.length).toBeGreaterThan(100);
    await lease.release();
    expect((await lease.page).isClosed()).toBe(true);
    expect(browser.connected).toBe(true);
  });

  it('launches and closes its own browser, reporting a missing Chromium only when the page is needed', async () => {
    const own = leasePage(undefined);
    const b = (await own.page).browser();
    await own.release();
    expect(b.connected).toBe(false);
    const missing = leasePage(undefined, { executablePath: '/nonexistent/chromium' });
    await expect(missing.page).rejects.toThrow(/apt-get install chromium/);
    await missing.release();
  });
});

describe("a temp folder too deep for Chromium's socket", () => {
  // Counted by hand, in UTF-8 bytes: "/home/u/" 8, "Tài liệu" 11 (à 2, ệ 3), "/" 1, "Báo cáo quý" 14
  // (á 2 twice, ý 2): 34 bytes in 28 characters. The profile adds "/cchc-chromium-12345-XXXXXX" 27
  // (a 5-digit pid), Chromium "/.org.chromium.Chromium.XXXXXX" 30 and "/SingletonSocket" 16: 107.
  const deep = '/home/u/Tài liệu/Báo cáo quý';

  it('counts the socket path in bytes, up to the 107 a Unix socket holds', () => {
    expect(chromiumSocket(deep, 12345)).toEqual({ bytes: 107, limit: 107, fits: true });
    // A 6-digit pid is one byte more.
    expect(chromiumSocket(deep, 123456)).toEqual({ bytes: 108, limit: 107, fits: false });
    // "/tmp" 4 + 27 + 30 + 16.
    expect(chromiumSocket('/tmp', 12345).bytes).toBe(77);
  });

  it('puts the profile in the first folder that fits, else says to set TMPDIR shorter', () => {
    expect(profileParent([deep, '/tmp'], 123456)).toBe('/tmp');
    expect(profileParent([deep, '/tmp'], 12345)).toBe(deep);
    // "/x" makes the folder 36 bytes: 36 + 27 + 30 + 16 = 109.
    const tooDeep = () => profileParent([`${deep}/x`, `${deep}/y`], 12345);
    expect(tooDeep).toThrow(RenderError);
    expect(tooDeep).toThrow(`${deep}/x: the path of its socket there would be 109 bytes`);
    expect(tooDeep).toThrow(/Set TMPDIR to a shorter folder/);
  });

  it('launches Chromium with its profile in /tmp, prints, and removes the profile on close', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'Tài liệu '));
    onTestFinished(() => rmSync(root, { recursive: true, force: true }));
    const long = path.join(root, 'Báo cáo quý', 'Năm 2026', 'Quý IV — bản nháp', 'Sở Nội vụ');
    mkdirSync(long, { recursive: true });
    // The socket under a profile here would pass 107 bytes, whatever the run's own temp folder.
    expect(Buffer.byteLength(long)).toBeGreaterThan(100);
    vi.stubEnv('TMPDIR', long);
    onTestFinished(() => {
      vi.unstubAllEnvs();
    });
    const own = await launchBrowser();
    const profile = own
      .process()!
      .spawnargs.find((a) => a.startsWith('--user-data-dir='))!
      .slice('--user-data-dir='.length);
    try {
      expect(path.dirname(profile)).toBe('/tmp');
      expect(Buffer.from((await printPdf(own, '<p>Sở Nội vụ</p>')).slice(0, 5)).toString()).toBe('%PDF-');
    } finally {
      await closeBrowser(own);
    }
    expect(existsSync(profile)).toBe(false);
  });
});
