import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock, silentLogger } from '../src/effects.ts';
import type { Metrics } from '../src/metrics/types.ts';
import { renderBriefFromMetrics, type BriefResult } from '../src/render/brief.ts';
import { closeBrowser, launchBrowser, type Browser } from '../src/render/browser.ts';
import type { BriefContext } from '../src/render/context.ts';

const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`./fixtures/brief/${name}`, import.meta.url), 'utf8'));
const effects = { clock: fixedClock('2025-01-05T03:00:00Z'), logger: silentLogger };
const HOSTILE = '<script>alert(1)</script> {{x}}';

const tool = (cmd: string, ...args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' });

let tmp: string;
let browser: Browser;
let full: BriefResult;
let bare: BriefResult;
let text: string;

// Two real PDF renders share one browser; every assertion below reads their output.
beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'cchc-brief-'));
  browser = await launchBrowser();
  const m: Metrics = fixture('metrics-ag-2024-Q4.json');
  m.tasks.overdue_list[0]!.title = HOSTILE;
  const ctx: BriefContext = fixture('context-ag.json');
  ctx.units.find((u) => u.unit_code === 'AG.STP')!.short_name = '<script>stp()</script>';
  full = await renderBriefFromMetrics(
    m,
    { out: path.join(tmp, 'ag'), context: ctx, browser, document: { date: '2025-01-05', number: '12' } },
    effects,
  );
  // The empty fixture carries no `data`, so it is not sample data.
  bare = await renderBriefFromMetrics(
    fixture('metrics-empty-2024-Q4.json'),
    { out: path.join(tmp, 'empty'), context: ctx, browser },
    effects,
  );
  text = tool('pdftotext', '-layout', path.join(full.dir, 'brief.pdf'), '-');
}, 60_000);

afterAll(async () => {
  if (browser) await closeBrowser(browser);
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('renderBriefFromMetrics(metrics, options, effects): the PDF', () => {
  it('carries the Decree 30 header, title and closing blocks', () => {
    for (const line of [
      'UBND TỈNH AN GIANG',
      'VĂN PHÒNG',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 12/BC-VPUBND',
      'An Giang, ngày 05 tháng 01 năm 2025',
      'BÁO CÁO',
      'Tình hình thực hiện nhiệm vụ cải cách hành chính quý IV năm 2024',
      'I. KẾT QUẢ CHỦ YẾU',
      'II. TÌNH HÌNH THỰC HIỆN NHIỆM VỤ ĐƯỢC GIAO',
      'III. CÁC CHỈ SỐ ĐÁNH GIÁ',
      'IV. DỊCH VỤ CÔNG TRỰC TUYẾN',
      'V. KẾT QUẢ TỰ ĐÁNH GIÁ BỘ CHỈ SỐ CCHC NĂM 2024',
      'VI. ĐỀ XUẤT',
      'PHỤ LỤC. NGUỒN SỐ LIỆU VÀ PHƯƠNG PHÁP TÍNH',
      'Nơi nhận:',
      '- Lưu: VT.',
      'KT. CHÁNH VĂN PHÒNG',
    ]) {
      expect(text, line).toContain(line);
    }
  });

  it('shows the key figures of its own metrics.json, formatted the Vietnamese way', () => {
    // From metrics-ag-2024-Q4.json, by hand: tasks (87 + 9) / 141 = 0.68085 → 68,1%, overdue 25; online
    // received 123762 → 123.762 (dot for thousands), 53218 / 123762 = 0.43000 → 43,0%; PAPI TOTAL
    // 42.891685 → 42,89 (two decimals, comma), rank 40 of 61; online delta 0.062 → 6,2 điểm phần trăm.
    for (const figure of [
      'Tỷ lệ hoàn thành nhiệm vụ đạt 68,1%',
      'Còn 25 nhiệm vụ quá hạn',
      'tiếp nhận 123.762 hồ sơ',
      'đạt 43,0%',
      'Chỉ số PAPI năm 2024 đạt 42,89 điểm',
      'xếp hạng 40/61',
      '6,2 điểm phần trăm',
      '37,0 điểm phần trăm',
    ]) {
      expect(text.replace(/\s+/g, ' '), figure).toContain(figure);
    }
  });

  it('gives NFC Vietnamese text', () => {
    expect(text).toContain('Sở Nội vụ');
    expect(text.normalize('NFC')).toBe(text);
  });

  it('prints hostile data as text and puts no script in the HTML', () => {
    expect(text).toContain('<script>alert(1)</script>');
    expect(text).toContain('{{x}}');
    const html = readFileSync(path.join(full.dir, 'brief.html'), 'utf8');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; {{x}}');
    // Chart labels come from the units table and pass through vega, which escapes them.
    // Departments and districts are charted apart (one block per kind of unit); Sở Tư pháp is a department.
    const svg = readFileSync(path.join(full.dir, 'charts', 'nhiem-vu-so-nganh.svg'), 'utf8');
    expect(svg).toContain('&lt;script&gt;stp()&lt;/script&gt;');
    expect(svg).not.toMatch(/<script/i);
  });

  it('is A4 with a sane page count, every font embedded, page numbers from page 2', () => {
    const info = tool('pdfinfo', path.join(full.dir, 'brief.pdf'));
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    expect(pages).toBeGreaterThanOrEqual(6);
    expect(pages).toBeLessThanOrEqual(16);
    expect(info).toMatch(/Page size:\s+59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)/);
    const fonts = tool('pdffonts', path.join(full.dir, 'brief.pdf')).trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.join('\n')).toMatch(/LiberationSerif/);
    for (const f of fonts) expect(f.split(/\s+/).at(-5), f).toBe('yes');
    const page = (n: number) =>
      tool('pdftotext', '-f', String(n), '-l', String(n), path.join(full.dir, 'brief.pdf'), '-').trim();
    expect(page(1).split('\n')[0]).toBe('UBND TỈNH AN GIANG');
    expect(page(2).split('\n')[0]).toBe('2');
    expect(page(pages).split('\n')[0]).toBe(String(pages));
  });

  it('marks sample data, and only sample data', () => {
    expect(text).toContain('DỮ LIỆU MẪU');
    expect(tool('pdftotext', path.join(bare.dir, 'brief.pdf'), '-')).not.toContain('DỮ LIỆU MẪU');
  });

  it('writes metrics.json, charts, HTML and a manifest beside the PDF', () => {
    const files = readdirSync(full.dir).sort();
    expect(files).toEqual(['brief.html', 'brief.pdf', 'charts', 'manifest.json', 'metrics.json']);
    const charts = readdirSync(path.join(full.dir, 'charts'));
    expect(charts).toContain('nhiem-vu-so-nganh.svg');
    expect(charts).toContain('nhiem-vu-cap-huyen.svg');
    expect(charts).toContain('papi-vi-tri.svg');
    expect(charts.length).toBeGreaterThanOrEqual(10);
    const m = JSON.parse(readFileSync(path.join(full.dir, 'metrics.json'), 'utf8'));
    expect(m.tasks.overdue_list[0].title).toBe(HOSTILE);
    const manifest = JSON.parse(readFileSync(path.join(full.dir, 'manifest.json'), 'utf8'));
    expect(manifest.generated_at).toBe('2025-01-05T03:00:00.000Z');
    expect(manifest.period.id).toBe('2024-Q4');
    expect(manifest.unit.unit_code).toBe('AG');
    expect(manifest.data.fingerprint).toBe('sha256:3f1c0d9e2b7a');
    expect(manifest.data.rows.tasks).toBe(412);
    expect(manifest.versions.chromium).toMatch(/Chrom/);
    expect(manifest.timings.pdf).toBeGreaterThan(0);
    expect(readdirSync(tmp).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });
});

describe('renderBriefFromMetrics: a unit with no tasks, no online data, no indices, no criteria', () => {
  it('still renders, one line per empty section', () => {
    const t = tool('pdftotext', path.join(bare.dir, 'brief.pdf'), '-').replace(/\s+/g, ' ');
    expect(t).toContain('Tình hình thực hiện nhiệm vụ cải cách hành chính quý IV năm 2024 của Sở Giáo dục và Đào tạo');
    expect(t).toContain('Không có nhiệm vụ được giao cho Sở Giáo dục và Đào tạo tính đến ngày 31/12/2024.');
    expect(t).toContain('Chưa có kết quả chỉ số đánh giá nào của Sở Giáo dục và Đào tạo');
    expect(t).toContain('Không có số liệu hồ sơ thủ tục hành chính của Sở Giáo dục và Đào tạo trong quý IV năm 2024.');
    expect(t).toContain('Chưa có kết quả tự đánh giá Bộ chỉ số CCHC năm 2024');
    expect(t).not.toMatch(/null|NaN|undefined/);
    expect(existsSync(path.join(bare.dir, 'charts'))).toBe(false);
    const pages = Number(/Pages:\s+(\d+)/.exec(tool('pdfinfo', path.join(bare.dir, 'brief.pdf')))![1]);
    expect(pages).toBeLessThanOrEqual(3);
  });
});
