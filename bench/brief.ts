/**
 * The whole brief (database already loaded) against Chromium printing the same finished HTML, in
 * one run, so the ratio shows what the brief adds on top of printing. Two settings: warm (one
 * browser shared, as a batch of jobs runs) and cold (each side launches and closes its own
 * Chromium, as one `cchc brief` does). Target: ratio ≤ 1.5.
 * Usage: tsx bench/brief.ts [--db FILE] [--period 2024-Q4] [--unit CODE] [--runs 3]
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Db } from '../src/db.ts';
import { fixedClock, silentLogger } from '../src/effects.ts';
import { loadData } from '../src/load/index.ts';
import { renderBrief } from '../src/render/brief.ts';
import { closeBrowser, launchBrowser, printPdf } from '../src/render/browser.ts';

const { values: args } = parseArgs({
  options: {
    db: { type: 'string' },
    period: { type: 'string', default: '2024-Q4' },
    unit: { type: 'string' },
    runs: { type: 'string', default: '3' },
  },
});
const runs = Math.max(1, Number(args.runs));
const tmp = mkdtempSync(path.join(os.tmpdir(), 'cchc-bench-brief-'));
const effects = { clock: fixedClock('2025-01-05T03:00:00Z'), logger: silentLogger };

try {
  let dbFile = args.db ?? 'out/cchc.duckdb';
  if (!existsSync(dbFile)) {
    dbFile = path.join(tmp, 'cchc.duckdb');
    process.stderr.write(`loading data/ into ${dbFile} (not timed)\n`);
    await loadData('data', dbFile);
  }
  const db = await Db.open(dbFile, { readOnly: true });
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const browser = await launchBrowser();
  try {
    const brief = { warm: [] as number[], cold: [] as number[] };
    const print = { warm: [] as number[], cold: [] as number[] };
    const stages: Record<string, number>[] = [];
    const options = (name: string) => ({ out: path.join(tmp, name), period: args.period, unit: args.unit });
    // One untimed warm-up of each, so module loading and font caches count in neither.
    const warm = await renderBrief(db, { ...options('warm'), browser }, effects);
    const html = readFileSync(path.join(warm.dir, 'brief.html'), 'utf8');
    await printPdf(browser, html);
    const time = async (f: () => Promise<unknown>) => {
      const t = performance.now();
      await f();
      return performance.now() - t;
    };
    for (let i = 0; i < runs; i++) {
      brief.warm.push(
        await time(async () => stages.push((await renderBrief(db, { ...options(`w${i}`), browser }, effects)).timings)),
      );
      print.warm.push(await time(() => printPdf(browser, html)));
      brief.cold.push(await time(() => renderBrief(db, options(`c${i}`), effects)));
      print.cold.push(
        await time(async () => {
          const own = await launchBrowser();
          try {
            await printPdf(own, html);
          } finally {
            await closeBrowser(own);
          }
        }),
      );
    }
    const mid = stages[brief.warm.indexOf(med(brief.warm))]!;
    console.log(`brief ${args.period} ${warm.metrics.scope.unit_code}, median of ${runs} runs (ms)`);
    for (const k of ['warm', 'cold'] as const) {
      const b = med(brief[k]);
      const p = med(print[k]);
      console.log(
        `  ${k}: whole brief ${b.toFixed(0)}, print finished HTML ${p.toFixed(0)}, ratio ${(b / p).toFixed(2)}× (target ≤ 1.5×)`,
      );
    }
    console.log(
      `  warm brief stages: metrics ${mid.metrics}, charts ${mid.charts}, html ${mid.html}, pdf ${mid.pdf}, write ${mid.write}`,
    );
  } finally {
    await closeBrowser(browser);
    db.close();
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
