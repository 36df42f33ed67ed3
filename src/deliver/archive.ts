import fs from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { writeAtomic } from '../atomic.ts';
import type { Metrics } from '../metrics/types.ts';
import { headlineIndices } from '../render/findings.ts';
import { dateTime, int, pct, pctTarget, periodName, score, shortPeriod } from '../render/format.ts';
import { indexShort } from '../render/vocab.ts';
import { fold } from '../text.ts';
import type { MessageRecord } from './record.ts';

/** One issued brief as the archive lists it. */
export interface ArchiveEntry {
  job: string;
  period: { id: string; start: string; end: string };
  unit_code: string;
  unit_name: string;
  /** Folder of the brief relative to the archive page, as a URL path (segments percent-encoded). */
  href: string;
  issued: string | null;
  fingerprint: string | null;
  completion_rate: number | null;
  overdue: number;
  online_ratio: number | null;
  online_target: number | null;
  index: { code: string; period: string; score: number; rank: number | null; rank_of: number | null } | null;
  /** Addresses that accepted this brief's message, over every run of the job and period; null when the job never tried. */
  delivered: { accepted: string[]; last: string | null; tried: boolean } | null;
  status: 'complete' | 'partial';
}

const ARCHIVE = 'index.html';

/**
 * Every brief published under the output root: `<root>/<job folder>/<period>[.partial]/<unit>/`
 * with the run's run.json beside the units and each unit's metrics.json. `extraJobDirs` adds job
 * folders outside the root (a job's absolute `output`).
 */
export function collectBriefs(
  outputRoot: string,
  messages: MessageRecord[],
  extraJobDirs: string[] = [],
): ArchiveEntry[] {
  const root = path.resolve(outputRoot);
  const jobDirs = new Set([
    ...list(root)
      .filter((n) => !n.startsWith('.'))
      .map((n) => path.join(root, n)),
    ...extraJobDirs.map((d) => path.resolve(d)),
  ]);
  const sent = deliveries(messages);
  const entries: ArchiveEntry[] = [];
  for (const jobDir of jobDirs) {
    for (const name of list(jobDir)) {
      if (name.startsWith('.')) continue;
      const runDir = path.join(jobDir, name);
      const run = readJson<{
        job: string;
        period: string;
        units: string[];
        status: 'complete' | 'partial';
        finished: string;
      }>(path.join(runDir, 'run.json'));
      if (!run || !Array.isArray(run.units)) continue;
      for (const unit of run.units) {
        const dir = path.join(runDir, unit);
        const m = readJson<Metrics>(path.join(dir, 'metrics.json'));
        if (!m) continue;
        const manifest = readJson<{ generated_at?: string; data?: { fingerprint?: string | null } }>(
          path.join(dir, 'manifest.json'),
        );
        const href = path.relative(root, dir).split(path.sep).map(encodeURIComponent).join('/');
        entries.push(entryOf(run, unit, m, manifest, href, sent));
      }
    }
  }
  return entries.sort(
    (a, b) =>
      b.period.end.localeCompare(a.period.end) ||
      b.period.start.localeCompare(a.period.start) ||
      a.job.localeCompare(b.job) ||
      a.unit_code.localeCompare(b.unit_code) ||
      (a.status === 'complete' ? -1 : 1),
  );
}

function entryOf(
  run: { job: string; period: string; status: 'complete' | 'partial'; finished: string },
  unit: string,
  m: Metrics,
  manifest: { generated_at?: string; data?: { fingerprint?: string | null } } | null,
  href: string,
  sent: Map<string, { accepted: Set<string>; last: string | null }>,
): ArchiveEntry {
  const main = headlineIndices(m)[0];
  const d = sent.get(`${run.job}\u0000${m.period.id}\u0000${unit}`);
  return {
    job: run.job,
    period: { id: m.period.id, start: m.period.start, end: m.period.end },
    unit_code: m.scope.unit_code,
    unit_name: m.scope.name,
    href,
    issued: manifest?.generated_at ?? run.finished ?? null,
    fingerprint: manifest?.data?.fingerprint ?? m.data?.fingerprint ?? null,
    completion_rate: m.tasks.completion_rate,
    overdue: m.tasks.overdue,
    online_ratio: m.online?.online_ratio ?? null,
    online_target: m.online?.target?.online_ratio ?? null,
    index: main
      ? { code: main.index_code, period: main.period, score: main.score, rank: main.rank, rank_of: main.rank_of }
      : null,
    delivered: d ? { accepted: [...d.accepted].sort(), last: d.last, tried: true } : null,
    status: run.status,
  };
}

/** Accepted addresses and the time of the last acceptance, per job, period and unit. */
function deliveries(messages: MessageRecord[]): Map<string, { accepted: Set<string>; last: string | null }> {
  const out = new Map<string, { accepted: Set<string>; last: string | null }>();
  for (const msg of messages) {
    if (msg.status === 'written') continue;
    const key = `${msg.job}\u0000${msg.period}\u0000${msg.unit}`;
    const d = out.get(key) ?? { accepted: new Set<string>(), last: null };
    for (const a of msg.accepted) d.accepted.add(a.toLowerCase());
    const at = msg.attempts.filter((a) => a.accepted.length > 0).at(-1)?.at ?? null;
    if (at && (!d.last || at > d.last)) d.last = at;
    out.set(key, d);
  }
  return out;
}

/** Rewrites `<root>/index.html` from what is on disk now; written to a temp file and renamed. */
export async function writeArchive(
  outputRoot: string,
  messages: MessageRecord[],
  now: Date,
  extraJobDirs: string[] = [],
): Promise<string> {
  const file = path.join(outputRoot, ARCHIVE);
  const html = archiveHtml(collectBriefs(outputRoot, messages, extraJobDirs), now);
  fs.mkdirSync(outputRoot, { recursive: true });
  await writeAtomic(file, async (tmp) => fs.writeFileSync(tmp, html));
  return file;
}

const esc = Handlebars.Utils.escapeExpression;
const dash = '–';

/** The page: one section per period, newest first, one card per brief; self-contained (inline CSS and script, no network). */
export function archiveHtml(entries: ArchiveEntry[], now: Date): string {
  const groups = new Map<string, ArchiveEntry[]>();
  for (const e of entries) groups.set(e.period.id, [...(groups.get(e.period.id) ?? []), e]);
  const sections = [...groups].map(
    ([id, list]) => `<section class="period" data-period="${esc(id)}">
<h2>${esc(cap(periodName(id)))} <span class="pid">${esc(id)}</span></h2>
${list.map(card).join('\n')}
</section>`,
  );
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>Lưu trữ báo cáo CCHC</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>Lưu trữ báo cáo CCHC</h1>
<p class="sub">${int(entries.length)} báo cáo · cập nhật ${esc(dateTime(now.toISOString()))}</p>
<label for="q">Lọc theo đơn vị, kỳ báo cáo</label>
<input id="q" type="search" placeholder="VD: Long Xuyên, quý IV 2024, 2024-11" autocomplete="off">
<p id="count" class="sub" aria-live="polite"></p>
</header>
<main>
${sections.join('\n') || '<p class="empty">Chưa có báo cáo nào được phát hành.</p>'}
</main>
<script>${filterScript()}</script>
</body>
</html>
`;
}

function card(e: ArchiveEntry): string {
  const search = fold(`${e.unit_name} ${e.unit_code} ${periodName(e.period.id)} ${e.period.id} ${e.job}`);
  const online =
    e.online_ratio === null
      ? dash
      : `${pct(e.online_ratio)}${e.online_target === null ? '' : ` <span class="vs ${e.online_ratio >= e.online_target ? 'ok' : 'low'}">chỉ tiêu ${pctTarget(e.online_target)}</span>`}`;
  const index = e.index
    ? `${score(e.index.score)}${e.index.rank !== null && e.index.rank_of !== null ? ` · hạng ${int(e.index.rank)}/${int(e.index.rank_of)}` : ''}`
    : dash;
  const indexLabel = e.index ? `${indexShort(e.index.code)} ${shortPeriod(e.index.period)}` : 'Chỉ số';
  return `<article class="brief" data-search="${esc(search)}">
<h3>${esc(e.unit_name)} <span class="code">${esc(e.unit_code)}</span></h3>
<p class="meta">${esc(e.job)}${e.status === 'partial' ? ' · <span class="low">lần chạy chưa đủ</span>' : ''} · phát hành ${e.issued ? esc(dateTime(e.issued)) : dash}</p>
<dl>
<div><dt>Hoàn thành nhiệm vụ</dt><dd>${e.completion_rate === null ? dash : pct(e.completion_rate)}</dd></div>
<div><dt>Nhiệm vụ quá hạn</dt><dd>${int(e.overdue)}</dd></div>
<div><dt>Hồ sơ trực tuyến</dt><dd>${online}</dd></div>
<div><dt>${esc(indexLabel)}</dt><dd>${index}</dd></div>
</dl>
<p class="links"><a href="${esc(e.href)}/brief.pdf">PDF</a><a href="${esc(e.href)}/brief.html">HTML</a></p>
<p class="foot">${deliveredText(e)}<br>Dữ liệu: <code>${esc(e.fingerprint ?? dash)}</code></p>
</article>`;
}

function deliveredText(e: ArchiveEntry): string {
  if (!e.delivered) return 'Không gửi thư';
  const n = e.delivered.accepted.length;
  if (n === 0) return '<span class="low">Chưa gửi được</span>';
  return `Đã gửi ${int(n)} người nhận${e.delivered.last ? `, ${esc(dateTime(e.delivered.last))}` : ''}`;
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Hides cards that do not contain every word typed (compared folded, as src/text.ts folds: the same function). */
function filterScript(): string {
  return `
${fold.toString()}
var q = document.getElementById('q'), count = document.getElementById('count');
var cards = [].slice.call(document.querySelectorAll('.brief'));
function apply() {
  var words = ${fold.name}(q.value).split(/\\s+/).filter(Boolean), shown = 0;
  cards.forEach(function (c) {
    var hit = words.every(function (w) { return c.getAttribute('data-search').indexOf(w) >= 0; });
    c.hidden = !hit;
    if (hit) shown++;
  });
  [].forEach.call(document.querySelectorAll('.period'), function (s) { s.hidden = !s.querySelector('.brief:not([hidden])'); });
  count.textContent = words.length ? shown + ' / ' + cards.length + ' báo cáo' : '';
}
q.addEventListener('input', apply);
apply();
`;
}

const CSS = `
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0 auto; max-width: 1100px; padding: 12px; font: 16px/1.45 "Noto Sans", "Segoe UI", Arial, sans-serif; color: #111; background: #f6f6f3; }
h1 { font-size: 1.35rem; margin: 0.2em 0; }
h2 { font-size: 1.1rem; margin: 1.2em 0 0.5em; border-bottom: 2px solid #8a1c1c; padding-bottom: 2px; }
.pid, .code { font-weight: normal; color: #666; font-size: 0.8em; }
.sub { color: #555; margin: 0.2em 0; font-size: 0.9rem; }
label { display: block; margin-top: 0.6em; font-size: 0.9rem; }
input[type=search] { width: 100%; font-size: 1rem; padding: 8px 10px; border: 1px solid #999; border-radius: 6px; }
main { display: block; }
.period { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 320px), 1fr)); gap: 10px; }
.period > h2 { grid-column: 1 / -1; }
.brief { background: #fff; border: 1px solid #ddd; border-radius: 8px; padding: 10px 12px; min-width: 0; overflow-wrap: anywhere; }
.brief h3 { font-size: 1rem; margin: 0 0 2px; }
.meta, .foot { font-size: 0.82rem; color: #555; margin: 2px 0; }
dl { display: grid; grid-template-columns: 1fr 1fr; gap: 6px 10px; margin: 8px 0; }
dl div { min-width: 0; }
dt { font-size: 0.75rem; color: #555; }
dd { margin: 0; font-weight: 600; }
.vs { display: block; font-weight: normal; font-size: 0.75rem; }
.ok { color: #1b6e20; } .low { color: #a11; }
.links a { display: inline-block; margin-right: 12px; padding: 6px 14px; border: 1px solid #8a1c1c; border-radius: 6px; color: #8a1c1c; text-decoration: none; font-weight: 600; }
code { font-size: 0.78rem; word-break: break-all; }
[hidden] { display: none !important; }
`;

function list(dir: string): string[] {
  try {
    return fs.readdirSync(dir).filter((n) => {
      try {
        return fs.statSync(path.join(dir, n)).isDirectory();
      } catch {
        return false;
      }
    });
  } catch {
    return [];
  }
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch {
    return null;
  }
}
