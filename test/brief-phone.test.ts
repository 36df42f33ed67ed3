import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Metrics } from '../src/metrics/types.ts';
import { sharedBrowser } from './browser.ts';
import { chartRenderer } from '../src/render/charts.ts';
import type { BriefContext } from '../src/render/context.ts';
import { documentHeader } from '../src/render/options.ts';
import { renderHtml, templateFiles } from '../src/render/template.ts';
import { briefView } from '../src/render/view.ts';
import { lineageContext, lineageMetrics } from './fixtures/brief/lineage.ts';

const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`./fixtures/brief/${name}`, import.meta.url), 'utf8'));
/** An iPhone 12–15 in portrait, CSS pixels. */
const PHONE = { width: 390, height: 844, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

const browser = sharedBrowser();

async function html(m: Metrics, ctx: BriefContext): Promise<string> {
  const header = documentHeader({ date: '2026-10-05' }, m, ctx, new Date('2026-10-05T03:00:00Z'));
  return renderHtml(await briefView(m, ctx, header, await chartRenderer()), templateFiles());
}

interface Overflow {
  scrollWidth: number;
  /** Elements reaching past the right edge that are not inside a box that scrolls sideways. */
  outside: string[];
  /** Boxes that scroll sideways but are themselves wider than the screen. */
  wideScrollers: string[];
  widestChart: number;
}

/** Lays the page out at phone width and reports whatever a reader would have to scroll sideways for. */
async function overflowAt390(page: string): Promise<Overflow> {
  const tab = await browser().newPage();
  try {
    await tab.setViewport(PHONE);
    await tab.emulateMediaType('screen');
    await tab.setContent(page, { waitUntil: 'load' });
    return await tab.evaluate(() => {
      const vw = document.documentElement.clientWidth;
      const scrolls = (e: Element) => ['auto', 'scroll'].includes(getComputedStyle(e).overflowX);
      const inScroller = (e: Element) => {
        for (let p = e.parentElement; p; p = p.parentElement) if (scrolls(p)) return true;
        return false;
      };
      const name = (e: Element) =>
        `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} "${(e.textContent ?? '').trim().slice(0, 40)}"`;
      const all = [...document.body.querySelectorAll('*')];
      return {
        scrollWidth: document.documentElement.scrollWidth,
        outside: all.filter((e) => !inScroller(e) && e.getBoundingClientRect().right > vw + 0.5).map(name),
        wideScrollers: all.filter((e) => scrolls(e) && e.getBoundingClientRect().right > vw + 0.5).map(name),
        widestChart: Math.max(
          0,
          ...[...document.querySelectorAll('.chart svg')].map((s) => s.getBoundingClientRect().right),
        ),
      };
    });
  } finally {
    await tab.close();
  }
}

describe('brief.html on a 390 px phone, in Chromium', () => {
  it('a merged province with communes: nothing wider than the screen, wide tables scroll inside themselves', async () => {
    const o = await overflowAt390(await html(lineageMetrics(), lineageContext()));
    expect(o.outside).toEqual([]);
    expect(o.wideScrollers).toEqual([]);
    expect(o.scrollWidth).toBeLessThanOrEqual(390);
    expect(o.widestChart).toBeLessThanOrEqual(390);
  }, 60_000);

  it('an old-period province brief with districts', async () => {
    const o = await overflowAt390(await html(fixture('metrics-ag-2024-Q4.json'), fixture('context-ag.json')));
    expect(o.outside).toEqual([]);
    expect(o.wideScrollers).toEqual([]);
    expect(o.scrollWidth).toBeLessThanOrEqual(390);
    expect(o.widestChart).toBeLessThanOrEqual(390);
  }, 60_000);
});
