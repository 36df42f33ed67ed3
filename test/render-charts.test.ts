/** Chart specs read in grey print and label months compactly; expected values worked by hand. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chartRenderer } from '../src/render/charts.ts';

const spec = (name: string) =>
  JSON.parse(readFileSync(new URL(`../templates/charts/${name}.vl.json`, import.meta.url), 'utf8'));

/** WCAG relative luminance of #RRGGBB, written here apart from any production code. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

describe('chart colours', () => {
  it('the four task states differ clearly in lightness, and criteria parts share the palette', () => {
    const scale = spec('tasks-by-unit').encoding.color.scale;
    const byState = Object.fromEntries(scale.domain.map((d: string, i: number) => [d, scale.range[i]]));
    expect(byState).toEqual({
      'Hoàn thành đúng hạn': '#004E7C',
      'Hoàn thành quá hạn': '#6CC4EE',
      'Đang thực hiện trong hạn': '#F7EFA0',
      'Quá hạn': '#D55E00',
    });
    // Worked with a calculator: 0.069, 0.488, 0.840, 0.222; the two the reader mixed up (done late,
    // overdue) were 0.405 and 0.222 with #56B4E9.
    expect(luminance('#004E7C')).toBeCloseTo(0.069, 3);
    expect(luminance('#6CC4EE')).toBeCloseTo(0.488, 3);
    expect(luminance('#F7EFA0')).toBeCloseTo(0.84, 3);
    expect(luminance('#D55E00')).toBeCloseTo(0.222, 3);
    expect(spec('criteria-by-area').encoding.color.scale.range).toEqual(['#004E7C', '#F7EFA0', '#D55E00']);
  });
});

describe('month axes', () => {
  it('name the year once, under the first month and under January', async () => {
    const r = await chartRenderer();
    const rows = ['T10|2025', 'T11|2025', 'T12|2025', 'T1|2026', 'T2|2026'].map((period_label, order) => ({
      order,
      period_label,
      score: 80 + order,
      score_label: '',
    }));
    for (const name of ['index-series', 'index-lineage']) {
      const data =
        name === 'index-series'
          ? rows
          : rows.map((x) => ({
              ...x,
              who: 'An Giang',
              who_order: 0,
              colour: '#0072B2',
              dash: [1, 0],
              shape: 'circle',
            }));
      const svg = await r.render(name, { rows: data });
      const axis = svg.slice(svg.indexOf('role-axis-label'));
      const labels = [...axis.slice(0, axis.indexOf('</g>')).matchAll(/<text[^>]*>(.*?)<\/text>/g)].map((m) =>
        m[1]!
          .replace(/<tspan[^>]*>/g, '')
          .replace(/<\/tspan>/g, ' ')
          .trim(),
      );
      expect(labels, name).toEqual(['T10 2025', 'T11', 'T12', 'T1 2026', 'T2']);
    }
  });

  it('yearly labels with ranks keep every line', async () => {
    const r = await chartRenderer();
    const svg = await r.render('index-series', {
      rows: [
        { order: 0, period_label: '2024|hạng 40/63', score: 42.1, score_label: '' },
        { order: 1, period_label: '2025|hạng 12/34', score: 43.2, score_label: '' },
      ],
    });
    expect(svg).toContain('<tspan x="0" dy="13">hạng 12/34</tspan>');
    expect(svg).toContain('<tspan>2025</tspan>');
  });
});
