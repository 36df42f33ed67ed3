import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { Db } from '../db.ts';
import { defaultEffects, type Effects } from '../effects.ts';
import type { Metrics } from '../metrics/types.ts';
import { printPdf, withBrowser, type Browser } from './browser.ts';
import { chartRenderer } from './charts.ts';
import { contextFromDb, emptyContext, type BriefContext } from './context.ts';
import { documentHeader, type DocumentOptions } from './options.ts';
import { writeFolderAtomic } from './output.ts';
import { renderHtml, templateFiles } from './template.ts';
import { briefView } from './view.ts';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

export interface BriefOptions {
  /** The folder to write, replaced as a whole when complete; a function picks it once the scope is known. */
  out: string | ((metrics: Metrics) => string);
  document?: DocumentOptions;
  /** Template name under templates/ or a path to a .hbs file. */
  template?: string;
  /** An already-launched browser (a batch shares one); otherwise one is launched and closed. */
  browser?: Browser;
  /** Chromium binary when this call launches the browser. */
  chromium?: string;
  timeoutMs?: number;
}

export interface BriefFromMetricsOptions extends BriefOptions {
  /** Unit names, peer scores and data provenance; without it labels fall back to codes. */
  context?: BriefContext;
  /** Versions for the manifest that only the caller knows (e.g. DuckDB). */
  versions?: Record<string, string>;
}

export interface BriefDbOptions extends BriefOptions {
  period: string;
  unit?: string;
}

export interface BriefResult {
  dir: string;
  files: string[];
  /** Milliseconds per stage. */
  timings: Record<string, number>;
  metrics: Metrics;
}

/** Computes the metrics from the database, then renders them. */
export async function renderBrief(db: Db, options: BriefDbOptions, effects: Effects = defaultEffects): Promise<BriefResult> {
  const t0 = performance.now();
  const { computeMetrics, parsePeriod } = await import('../metrics/index.ts');
  const metrics = await computeMetrics(db, { period: parsePeriod(options.period), unit: options.unit });
  const context = await contextFromDb(db, metrics);
  const duckdb = (await db.one<{ v: string }>('SELECT version() AS v'))?.v ?? 'unknown';
  const tMetrics = performance.now() - t0;
  const result = await renderBriefFromMetrics(metrics, { ...options, context, versions: { duckdb } }, effects);
  result.timings = { metrics: round(tMetrics), ...result.timings, total: round(performance.now() - t0) };
  return result;
}

/** Renders a brief from a metrics object alone (plus context): charts, HTML, PDF, metrics.json, manifest. */
export async function renderBriefFromMetrics(
  metrics: Metrics,
  options: BriefFromMetricsOptions,
  effects: Effects = defaultEffects,
): Promise<BriefResult> {
  const timings: Record<string, number> = {};
  const lap = (name: string, since: number) => (timings[name] = round(performance.now() - since));
  const t0 = performance.now();
  const context = options.context ?? emptyContext();
  const now = effects.clock.now();
  const header = documentHeader(options.document ?? {}, metrics, context, now);
  const charts = await chartRenderer();
  const view = await briefView(metrics, context, header, charts);
  lap('charts', t0);
  const t1 = performance.now();
  const html = await renderHtml(view, templateFiles(options.template));
  lap('html', t1);
  const t2 = performance.now();
  const { pdf, chromium } = await withBrowser(options.browser, { executablePath: options.chromium }, async (b) => ({
    pdf: await printPdf(b, html, { timeoutMs: options.timeoutMs }),
    chromium: await b.version(),
  }));
  lap('pdf', t2);
  timings.render = round(performance.now() - t0);
  const manifest = {
    period: metrics.period,
    unit: { unit_code: metrics.scope.unit_code, name: metrics.scope.name },
    data: {
      fingerprint: context.data.fingerprint,
      sample: context.data.sample,
      loaded_at: context.data.loaded_at,
      rows: Object.fromEntries(context.data.tables.map((t) => [t.name, t.rows])),
    },
    versions: { cchc: pkg.version, node: process.version, chromium, ...options.versions },
    timings,
    generated_at: now.toISOString(),
    document: header,
  };
  const files: Record<string, string | Uint8Array> = {
    'brief.pdf': pdf,
    'brief.html': html,
    'metrics.json': JSON.stringify(metrics, null, 2) + '\n',
    'manifest.json': JSON.stringify(manifest, null, 2) + '\n',
  };
  for (const [name, svg] of Object.entries(view.charts)) files[`charts/${name}.svg`] = svg;
  const dir = typeof options.out === 'function' ? options.out(metrics) : options.out;
  const written = writeFolderAtomic(dir, files);
  effects.logger.info(`brief written to ${dir} (${written.length} files, ${timings.render} ms)`);
  return { dir, files: written, timings, metrics };
}

function round(ms: number): number {
  return Math.round(ms);
}
