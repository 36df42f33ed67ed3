/** One real Chromium for a test file's tests: launched before the first, closed after the last. */
import { afterAll, beforeAll } from 'vitest';
import { closeBrowser, launchBrowser, type Browser } from '../src/render/browser.ts';

export function sharedBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    if (browser) await closeBrowser(browser);
  });
  return () => {
    if (!browser) throw new Error('the browser is used before beforeAll launched it');
    return browser;
  };
}
