import { performance } from 'node:perf_hooks';
import type { Db } from '../db.ts';
import { defaultEffects, type Effects } from '../effects.ts';
import type { Missing } from '../load/readiness.ts';
import type { Metrics } from '../metrics/types.ts';
import { toolVersion } from '../paths.ts';
import { leasePage, printPage, type Browser } from './browser.ts';
import { chartRenderer } from './charts.ts';
import { contextFromDb, emptyContext, unitNames, type BriefContext } from './context.ts';
import { documentHeader, type DocumentOptions } from './options.ts';
import { writeFolderAtomic } from './output.ts';
import { renderHtml, templateFiles } from './template.ts';
import { briefView } from './view.ts';
import { incompleteLines } from './view-incomplete.ts';

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
  /** Data the brief requires that is missing (rendered anyway, `--force`): the brief opens with a note listing it. */
  incomplete?: Missing[];
}

export interface BriefFromMetricsOptions extends BriefOptions {
  /** Unit names and the data folder; without it labels fall back to codes. */
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
export async function renderBrief(
  db: Db,
  options: BriefDbOptions,
  effects: Effects = defaultEffects,
): Promise<BriefResult> {
  const { computeMetrics, parsePeriod } = await import('../metrics/index.ts');
  // A bad period fails before Chromium is started.
  const period = parsePeriod(options.period);
  return render(options, effects, async () => {
    // computeMetrics runs on connections of its own, so the labels are read meanwhile on db.
    const [metrics, [context, duckdb]] = await Promise.all([
      computeMetrics(db, { period, unit: options.unit }),
      (async () =>
        [await contextFromDb(db), (await db.one<{ v: string }>('SELECT version() AS v'))?.v ?? 'unknown'] as const)(),
    ]);
    return { metrics, context, versions: { duckdb } };
  });
}

/** Renders a brief from a metrics object alone (plus context): charts, HTML, PDF, metrics.json, manifest. */
export async function renderBriefFromMetrics(
  metrics: Metrics,
  options: BriefFromMetricsOptions,
  effects: Effects = defaultEffects,
): Promise<BriefResult> {
  return render(options, effects, async () => ({
    metrics,
    context: options.context ?? emptyContext(),
    versions: options.versions ?? {},
  }));
}

interface Figures {
  metrics: Metrics;
  context: BriefContext;
  versions: Record<string, string>;
}

/** Chromium gets its page ready while the figures, charts and HTML are made; then it prints. */
async function render(options: BriefOptions, effects: Effects, figures: () => Promise<Figures>): Promise<BriefResult> {
  const timings: Record<string, number> = {};
  let t = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    timings[name] = round(now - t);
    t = now;
  };
  const t0 = t;
  const lease = leasePage(options.browser, { executablePath: options.chromium, timeoutMs: options.timeoutMs });
  try {
    const { metrics, context, versions } = await figures();
    lap('metrics');
    const now = effects.clock.now();
    const header = documentHeader(options.document ?? {}, metrics, context, now);
    const view = await briefView(metrics, context, header, await chartRenderer());
    view.incomplete = incompleteLines(options.incomplete ?? [], unitNames(context, metrics), {
      period: metrics.period.id,
      unit_code: metrics.scope.unit_code,
    });
    lap('charts');
    const html = await renderHtml(view, templateFiles(options.template));
    lap('html');
    const pdf = await printPage(await lease.page, html, { timeoutMs: options.timeoutMs });
    lap('pdf');
    const manifest = {
      period: metrics.period,
      unit: { unit_code: metrics.scope.unit_code, name: metrics.scope.name },
      data: {
        fingerprint: metrics.data?.fingerprint ?? null,
        sample: metrics.data?.sample ?? false,
        loaded_at: metrics.data?.loaded_at ?? null,
        rows: metrics.data?.rows ?? {},
      },
      versions: { cchc: toolVersion(), node: process.version, chromium: await lease.version, ...versions },
      timings: { ...timings, total: round(performance.now() - t0) },
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
    lap('write');
    timings.total = round(performance.now() - t0);
    return { dir, files: written, timings, metrics };
  } finally {
    await lease.release();
  }
}

function round(ms: number): number {
  return Math.round(ms);
}
