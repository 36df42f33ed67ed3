import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RenderError } from '../src/errors.ts';
import { closeBrowser, launchBrowser, leasePage, printPage, printPdf, type Browser } from '../src/render/browser.ts';

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
