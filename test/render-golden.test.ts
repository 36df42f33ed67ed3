/**
 * Golden directories for the brief's HTML and chart data: each case's inputs (a metrics.json and a
 * context from test/fixtures/brief/, hand-made or made by the engine, and a document date) and,
 * under test/golden/brief/<case>/, the expected brief.html and charts/<chart>.json (the Vega-Lite
 * spec each chart uses and the datasets it is filled with). Charts are stood in for by placeholders,
 * so the HTML does not depend on vega's drawing. These are regression snapshots of the renderer's
 * own output, reviewed when written: the figures in them are checked elsewhere (test/oracle/,
 * test/render-view.test.ts). On a mismatch, and for a case with no golden yet, the new output goes to
 * test/golden/brief/<case>-changed/ (off CI only; ignored by git): diff it, and when the change is
 * intended, replace the golden with it (rm -r <case> && mv <case>-changed <case>).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Metrics } from '../src/metrics/types.ts';
import type { BriefContext } from '../src/render/context.ts';
import { documentHeader } from '../src/render/options.ts';
import { renderHtml, templateFiles } from '../src/render/template.ts';
import { briefView } from '../src/render/view.ts';

const FIXTURES = path.join(import.meta.dirname, 'fixtures', 'brief');
const GOLDEN = path.join(import.meta.dirname, 'golden', 'brief');
const read = (name: string) => JSON.parse(readFileSync(path.join(FIXTURES, name), 'utf8'));

const CASES = [
  { name: 'ag-2024-Q4', metrics: 'metrics-ag-2024-Q4.json', context: 'context-ag.json', date: '2025-01-05' },
  { name: 'empty-2024-Q4', metrics: 'metrics-empty-2024-Q4.json', context: 'context-ag.json', date: '2025-01-05' },
  // Made by the engine from the sample data (test/fixtures/brief/make.ts): the merged province.
  { name: 'agm-2026-Q1', metrics: 'metrics-agm-2026-Q1.json', context: 'context-agm.json', date: '2026-04-05' },
];

/** brief.html and charts/*.json of one case, as file name → text. */
async function render({
  metrics: metricsFile,
  context: contextFile,
  date,
}: (typeof CASES)[number]): Promise<Record<string, string>> {
  const m: Metrics = read(metricsFile);
  const ctx: BriefContext = read(contextFile);
  const calls: { spec: string; datasets: unknown }[] = [];
  const charts = {
    render: async (spec: string, datasets: unknown) => `<svg data-chart="${calls.push({ spec, datasets }) - 1}"/>`,
  };
  const header = documentHeader({ date }, m, ctx, new Date(`${date}T03:00:00Z`));
  const view = await briefView(m, ctx, header, charts);
  const files: Record<string, string> = { 'brief.html': await renderHtml(view, templateFiles()) };
  for (const [chart, svg] of Object.entries(view.charts)) {
    const call = calls[Number(/data-chart="(\d+)"/.exec(svg)![1])]!;
    files[`charts/${chart}.json`] = JSON.stringify(call, null, 2) + '\n';
  }
  return files;
}

function readDir(dir: string, under = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(path.join(dir, under), { withFileTypes: true })) {
    const rel = under ? `${under}/${e.name}` : e.name;
    if (e.isDirectory()) Object.assign(out, readDir(dir, rel));
    else out[rel] = readFileSync(path.join(dir, rel), 'utf8');
  }
  return out;
}

function writeDir(dir: string, files: Record<string, string>): void {
  rmSync(dir, { recursive: true, force: true });
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
}

/** The first differing line of each file that differs, enough to find it in a diff. */
function changes(want: Record<string, string>, got: Record<string, string>): string[] {
  const out: string[] = [];
  for (const f of [...new Set([...Object.keys(want), ...Object.keys(got)])].sort()) {
    if (want[f] === got[f]) continue;
    if (want[f] === undefined || got[f] === undefined) {
      out.push(`${f}: ${want[f] === undefined ? 'new' : 'gone'}`);
      continue;
    }
    const a = want[f].split('\n');
    const b = got[f].split('\n');
    const i = a.findIndex((line, k) => line !== b[k]);
    const at = i === -1 ? a.length : i;
    out.push(`${f}:${at + 1}: ${JSON.stringify(a[at]?.slice(0, 160))} → ${JSON.stringify(b[at]?.slice(0, 160))}`);
  }
  return out;
}

describe('brief HTML and chart data against test/golden/brief/', () => {
  it.each(CASES)('$name', async (c) => {
    const { name } = c;
    const got = await render(c);
    const golden = path.join(GOLDEN, name);
    const changed = `${golden}-changed`;
    const want = existsSync(golden) ? readDir(golden) : {};
    const diff = existsSync(golden) ? changes(want, got) : [`no golden ${golden}`];
    if (diff.length && !process.env.CI) writeDir(changed, got);
    else rmSync(changed, { recursive: true, force: true });
    expect(
      diff,
      `${name} differs from its golden (review ${changed}, then replace the golden with it):\n${diff.join('\n')}`,
    ).toEqual([]);
  });

  it('renders the same files twice (nothing depends on the clock or on order)', async () => {
    expect(await render(CASES[0]!)).toEqual(await render(CASES[0]!));
  });
});
