import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smtpTransport } from '../src/deliver/smtp.ts';
import type { JobDeps } from '../src/jobs/deps.ts';
import { runJob } from '../src/jobs/run.ts';
import { type Browser, closeBrowser, launchBrowser } from '../src/render/browser.ts';
import { type Sandbox, buildDb, fakeSession, sandbox } from './jobs-fixture.ts';
import { type TestServer, startServer } from './mail-helpers.ts';

const METRICS = path.resolve('test/fixtures/brief/metrics-ag-2024-Q4.json');
/** Screenshots for people to look at; kept out of the repo. */
const SHOTS = process.env.CCHC_SHOTS;

let box: Sandbox;
let server: TestServer;
let browser: Browser;
let archive: string;

beforeAll(async () => {
  box = sandbox();
  fs.mkdirSync(path.join(box.root, 'out'));
  await buildDb(path.join(box.root, 'out', 'cchc.duckdb'), 'fp1');
  server = await startServer();
  let t = Date.parse('2025-01-05T00:00:00Z');
  const deps: JobDeps = box.deps({
    clock: { now: () => new Date((t += 60_000)) },
    openSession: fakeSession({ metrics: METRICS }),
    delivery: {
      env: { CCHC_SMTP_URL: `smtp://127.0.0.1:${server.port}`, CCHC_SMTP_FROM: 'vp@angiang.gov.vn' },
      sleep: async () => {},
      transport: smtpTransport,
    },
  });
  box.writeJob('quarterly', {
    period: 'previous-quarter',
    deliver: { email: { to: ['bcd@angiang.gov.vn', 'snv@angiang.gov.vn'] } },
  });
  // A job folder with a space and Vietnamese letters: links must be percent-encoded.
  box.writeJob('districts', { period: 'previous-quarter', units: ['AG.LX', 'AG.CD', 'AG.TT'], output: 'cấp huyện' });
  for (const p of ['2024-Q3', '2024-Q4']) await runJob(box.job('quarterly'), { period: p }, deps);
  await runJob(box.job('districts'), { period: '2024-Q4' }, deps);
  archive = path.join(box.root, 'out', 'index.html');
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await closeBrowser(browser);
  await server.close();
  fs.rmSync(box.root, { recursive: true, force: true });
});

describe('out/index.html, the archive of issued briefs', () => {
  it('lists every brief by period, newest first, with its headline figures, links, fingerprint and delivery', () => {
    const html = fs.readFileSync(archive, 'utf8');
    const periods = [...html.matchAll(/<section class="period" data-period="([^"]+)"/g)].map((m) => m[1]);
    expect(periods).toEqual(['2024-Q4', '2024-Q3']);
    const cards = html.split('<article class="brief"').slice(1);
    // 2024-Q4: districts AG.CD, AG.LX, AG.TT (job "districts" sorts before "quarterly"), then quarterly AG; 2024-Q3: AG.
    expect(cards.map((c) => /<span class="code">([^<]+)</.exec(c)![1])).toEqual([
      'AG.CD',
      'AG.LX',
      'AG.TT',
      'AG',
      'AG',
    ]);
    const ag = cards[3]!;
    // From the fixture by hand: 96/141 = 68,1% done; 25 overdue; 43,0% online against the 80% target;
    // the main index is PAR INDEX 2024 (first of the section III order), 86,72, rank 22 of 63.
    expect(ag).toContain('<dd>68,1%</dd>');
    expect(ag).toContain('<dd>25</dd>');
    expect(ag).toContain('43,0% <span class="vs low">chỉ tiêu 80%</span>');
    expect(ag).toMatch(/<dt>PAR INDEX 2024<\/dt><dd>86,72 · hạng 22\/63<\/dd>/);
    expect(ag).toContain('href="quarterly/2024-Q4/AG/brief.pdf"');
    expect(ag).toContain('href="quarterly/2024-Q4/AG/brief.html"');
    expect(ag).toContain('<code>sha256:3f1c0d9e2b7a</code>');
    expect(ag).toMatch(/Đã gửi 2 người nhận, \d\d:\d\d ngày 5\/1\/2025/);
    expect(cards[0]).toContain('Không gửi thư');
    expect(cards[0]).toContain('href="c%E1%BA%A5p%20huy%E1%BB%87n/2024-Q4/AG.CD/brief.pdf"');
    expect(html).not.toMatch(/null|undefined|NaN/);
    // Self-contained: nothing fetched from anywhere.
    expect(html).not.toMatch(/\s(src|href)="(https?:)?\/\//);
    expect(html).not.toMatch(/<link|<img|@import/);
    for (const c of cards) {
      const href = /href="([^"]+)\/brief\.pdf"/.exec(c)![1]!;
      expect(fs.existsSync(path.join(box.root, 'out', decodeURIComponent(href), 'brief.pdf'))).toBe(true);
    }
  });

  for (const width of [390, 1280]) {
    it(`fits a ${width} px screen from file:// (nothing wider than the viewport) and filters without a server`, async () => {
      const page = await browser.newPage();
      try {
        await page.setViewport({ width, height: 844, deviceScaleFactor: 1, isMobile: width < 500 });
        await page.goto(`file://${archive}`, { waitUntil: 'load' });
        const overflow = () =>
          page.evaluate(() => {
            const vw = document.documentElement.clientWidth;
            const wide = [...document.querySelectorAll('body *')]
              .filter((el) => (el as HTMLElement).offsetParent !== null)
              .filter((el) => el.getBoundingClientRect().right > vw + 0.5 || el.getBoundingClientRect().left < -0.5)
              .map((el) => `${el.tagName}.${el.className}`);
            return { vw, scroll: document.documentElement.scrollWidth, wide };
          });
        const before = await overflow();
        expect(before.wide).toEqual([]);
        expect(before.scroll).toBeLessThanOrEqual(before.vw);
        if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `archive-${width}.png`), fullPage: true });
        // Typed without accents, as on many phones: "long xuyen" finds "UBND TP Long Xuyên".
        await page.type('#q', 'long xuyen');
        const visible = () => page.$$eval('.brief:not([hidden]) .code', (els) => els.map((e) => e.textContent));
        expect(await visible()).toEqual(['AG.LX']);
        expect(await page.$eval('#count', (e) => e.textContent)).toBe('1 / 5 báo cáo');
        expect(
          await page.$$eval('.period:not([hidden])', (els) => els.map((e) => e.getAttribute('data-period'))),
        ).toEqual(['2024-Q4']);
        await page.$eval('#q', (e) => ((e as HTMLInputElement).value = ''));
        await page.type('#q', 'quý III');
        expect(await visible()).toEqual(['AG']);
        await page.$eval('#q', (e) => ((e as HTMLInputElement).value = ''));
        await page.type('#q', '2024-Q4 AG');
        expect(await visible()).toEqual(['AG.CD', 'AG.LX', 'AG.TT', 'AG']);
        // The links work from file://: the HTML link of a brief in "cấp huyện/" opens that brief.
        await Promise.all([page.waitForNavigation(), page.click('.brief:not([hidden]) .links a[href$="brief.html"]')]);
        expect(await page.title()).toBe('AG.CD');
      } finally {
        await page.close();
      }
    }, 60_000);
  }
});
