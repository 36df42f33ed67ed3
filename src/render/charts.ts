import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { TEMPLATES_DIR } from '../paths.ts';

/** Where the Vega-Lite specs live; a template set may bring its own `charts/` folder. */
export const DEFAULT_CHARTS_DIR = path.join(TEMPLATES_DIR, 'charts');

export type Datasets = Record<string, Record<string, unknown>[]>;

/** Vietnamese number locale: `43,0%`, `1.234`. */
const NUMBER_LOCALE = { decimal: ',', thousands: '.', grouping: [3], currency: ['', ' ₫'], percent: '%' };

/**
 * Shared look of every chart. Fonts are the ones the PDF embeds; sizes are in CSS px at the
 * chart's printed width (about 150 mm), so 11 px labels print near 8 pt.
 */
const CONFIG = {
  locale: { number: NUMBER_LOCALE },
  font: 'Noto Sans',
  background: 'white',
  padding: 4,
  view: { stroke: null },
  axis: {
    labelFont: 'Noto Sans',
    titleFont: 'Noto Sans',
    labelFontSize: 11,
    titleFontSize: 11,
    titleFontWeight: 'normal',
    labelLimit: 160,
    gridColor: '#e4e4e4',
    domainColor: '#888',
    tickColor: '#888',
  },
  legend: { labelFont: 'Noto Sans', labelFontSize: 11, symbolSize: 90, labelLimit: 260 },
  text: { font: 'Noto Sans', fontSize: 10.5 },
  bar: { discreteBandSize: { band: 0.75 } },
};

/** How one line of a chart is drawn: colour, stroke dash and point shape (so it reads in grayscale too). */
export interface SeriesStyle {
  colour: string;
  dash: number[];
  shape: string;
}

/** The scope's own line, in every chart: solid blue with circles. */
export const SCOPE_STYLE: SeriesStyle = { colour: '#0072B2', dash: [1, 0], shape: 'circle' };

/** The other Okabe-Ito colours, each with its own dash and shape, for lines of other units. */
const NAMED_STYLES: SeriesStyle[] = [
  { colour: '#D55E00', dash: [6, 3], shape: 'square' },
  { colour: '#009E73', dash: [2, 2], shape: 'triangle-up' },
  { colour: '#CC79A7', dash: [8, 2, 2, 2], shape: 'diamond' },
  { colour: '#E69F00', dash: [4, 4], shape: 'cross' },
];

/**
 * The style of each named line: the scope's is SCOPE_STYLE; any other takes the style its name
 * hashes to, so a unit ("An Giang (cũ)") is drawn alike in every chart and every brief, whichever
 * lines stand beside it. Names of one chart that hash alike take the next free style, in
 * Vietnamese name order, so the outcome does not depend on the order of the lines either.
 */
export function seriesStyles(names: readonly string[], scope: string | null): Map<string, SeriesStyle> {
  const out = new Map<string, SeriesStyle>();
  if (scope !== null && names.includes(scope)) out.set(scope, SCOPE_STYLE);
  const taken = new Set<number>();
  const others = [...new Set(names.filter((n) => n !== scope))].sort((a, b) => a.localeCompare(b, 'vi'));
  for (const name of others) {
    let slot = fnv1a(name.normalize('NFC')) % NAMED_STYLES.length;
    // More names than styles share them again, still by name.
    for (let k = 0; k < NAMED_STYLES.length && taken.has(slot); k++) slot = (slot + 1) % NAMED_STYLES.length;
    taken.add(slot);
    out.set(name, NAMED_STYLES[slot]!);
  }
  return out;
}

/** 32-bit FNV-1a over UTF-16 code units: a small stable hash, the same in every run and release. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export interface ChartRenderer {
  /** Renders `templates/charts/NAME.vl.json` filled with the datasets to an SVG string. */
  render(name: string, datasets: Datasets): Promise<string>;
}

/** Compiled specs, by file and dataset names: compiling costs more than drawing, and the data goes in afterwards. */
const compiled = new Map<string, Promise<unknown>>();

/** Loads vega and vega-lite (heavy, so only when a brief is drawn) and draws specs with them. */
export async function chartRenderer(chartsDir = DEFAULT_CHARTS_DIR): Promise<ChartRenderer> {
  const [vega, vl] = await Promise.all([import('vega'), import('vega-lite')]);
  // Without canvas vega guesses 0.8 em per character and cuts labels that would fit.
  (vega as unknown as { textMetrics: { width: typeof estimateTextWidth } }).textMetrics.width = estimateTextWidth;
  const runtime = (file: string, names: string[]) => {
    const key = JSON.stringify([file, names]);
    let r = compiled.get(key);
    if (!r) {
      r = (async () => {
        const spec = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
        const empty = Object.fromEntries(names.map((n) => [n, []]));
        const full = { ...spec, datasets: empty, config: { ...CONFIG, ...(spec.config as object | undefined) } };
        // Vega-Lite's warnings concern spec details (e.g. merged sorts), not the reader; keep stderr quiet.
        return vega.parse(vl.compile(full as never, { logger: quietLogger(vega) }).spec);
      })();
      // A broken spec is reported to every caller, not cached.
      r.catch(() => compiled.delete(key));
      compiled.set(key, r);
    }
    return r as Promise<ReturnType<typeof vega.parse>>;
  };
  return {
    async render(name, datasets) {
      const file = path.join(chartsDir, `${name}.vl.json`);
      // renderer 'none': no canvas in Node; text widths come from estimateTextWidth.
      const view = new vega.View(await runtime(file, Object.keys(datasets).sort()), { renderer: 'none' });
      try {
        for (const [n, rows] of Object.entries(datasets)) view.data(n, rows);
        await view.runAsync();
        return responsive(await view.toSVG());
      } finally {
        view.finalize();
      }
    },
  };
}

/** Lets the SVG shrink to a phone's width: keep the viewBox, let CSS decide the size. */
function responsive(svg: string): string {
  return svg.replace(/^<svg([^>]*?)>/, (tag) => tag.replace(/>$/, ' style="max-width:100%;height:auto">'));
}

function quietLogger(vega: typeof import('vega')) {
  return vega.logger(vega.Error);
}

/**
 * Text width in px for Noto Sans, from per-class advance widths (em) measured on the font and
 * rounded up a little: wide enough that labels never overlap, narrow enough not to cut them.
 */
export function estimateTextWidth(item: object, text: unknown): number {
  const size = Number((item as { fontSize?: number }).fontSize ?? 11);
  const bold = (item as { fontWeight?: string | number }).fontWeight;
  const s = String(text ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
  let em = 0;
  for (const ch of s) em += charEm(ch);
  return em * size * (bold === 'bold' || Number(bold) >= 600 ? 1.07 : 1);
}

function charEm(ch: string): number {
  if (" .,:;!|'ijlIỉ".includes(ch)) return 0.28;
  if ('ftr()[]/-'.includes(ch)) return 0.36;
  if ('mwMW%'.includes(ch)) return 0.9;
  if (/[A-ZĐ]/.test(ch)) return 0.68;
  if (/[0-9]/.test(ch)) return 0.58;
  return 0.56;
}
