import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { IndexMetric, Metrics } from '../src/metrics/types.ts';
import type { BriefContext } from '../src/render/context.ts';
import { documentHeader } from '../src/render/options.ts';
import { briefView } from '../src/render/view.ts';

const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`./fixtures/brief/${name}`, import.meta.url), 'utf8'));
const ctx: BriefContext = fixture('context-ag.json');
const drawn: string[] = [];
// Charts are drawn elsewhere (test/brief-pdf.test.ts); here only which ones are asked for.
const charts = { render: async (name: string) => (drawn.push(name), `<svg data-chart="${name}"/>`) };
const view = (m: Metrics) =>
  briefView(m, ctx, documentHeader({ date: '2025-01-05' }, m, ctx, new Date('2025-01-05T03:00:00Z')), charts);

describe('briefView(metrics, context, header, charts)', () => {
  it('numbers the sections II–V and formats the tiles', async () => {
    const v = await view(fixture('metrics-ag-2024-Q4.json'));
    expect(v.sections.map((s) => `${s.numeral}. ${s.title}`)).toEqual([
      'II. TÌNH HÌNH THỰC HIỆN NHIỆM VỤ ĐƯỢC GIAO',
      'III. CÁC CHỈ SỐ ĐÁNH GIÁ',
      'IV. DỊCH VỤ CÔNG TRỰC TUYẾN',
      'V. KẾT QUẢ TỰ ĐÁNH GIÁ BỘ CHỈ SỐ CCHC NĂM 2024',
    ]);
    expect(v.header.dateLine).toBe('An Giang, ngày 05 tháng 01 năm 2025');
    expect(v.header.superior).toBe('UBND TỈNH AN GIANG');
    expect(v.header.subject).toBe('Tình hình thực hiện nhiệm vụ cải cách hành chính quý IV năm 2024');
    expect(v.tiles.map((t) => [t.label, t.value, t.trend])).toEqual([
      ['Hoàn thành nhiệm vụ', '68,1%', null],
      ['Nhiệm vụ quá hạn', '25', null],
      ['Hồ sơ tiếp nhận trực tuyến', '43,0%', '▲ 6,2 điểm % so với cùng kỳ'],
    ]);
    expect(v.indexTiles.map((t) => [t.label, t.value, t.note, t.trend, t.trendClass])).toEqual([
      ['PAR INDEX 2024', '86,72', 'Hạng 22/63', '▲ 5 bậc', 'up'],
      ['PAPI 2024', '42,89', 'Hạng 40/61', '▼ 5 bậc', 'down'],
      ['SIPAS 2024', '83,26', 'Hạng 39/63', '▲ 7 bậc', 'up'],
      ['Chỉ số 766 T12/2024', '82,40', 'Hạng 14/63', '▲ 3 bậc', 'up'],
    ]);
    expect(Object.keys(v.charts)).toContain('papi-vi-tri');
    const overdue = v.sections[0]!.blocks.find((b) => b.heading === '2. Nhiệm vụ quá hạn')!.table!;
    expect(overdue.rows).toHaveLength(25);
    expect(overdue.rows[0]!.slice(-2)).toEqual(['30/10/2024', '62']);
  });

  it('says in one line what is missing for a unit with nothing', async () => {
    const v = await view(fixture('metrics-empty-2024-Q4.json'));
    expect(v.sections.map((s) => s.empty)).toEqual([
      'Không có nhiệm vụ được giao cho Sở Giáo dục và Đào tạo tính đến ngày 31/12/2024.',
      'Chưa có kết quả chỉ số đánh giá nào của Sở Giáo dục và Đào tạo đến hết quý IV năm 2024.',
      'Không có số liệu hồ sơ thủ tục hành chính của Sở Giáo dục và Đào tạo trong quý IV năm 2024.',
      'Chưa có kết quả tự đánh giá Bộ chỉ số CCHC năm 2024 tính đến ngày 31/12/2024.',
    ]);
    expect(v.tiles.map((t) => t.value)).toEqual(['0']);
    expect(v.indexTiles).toEqual([]);
    expect(v.charts).toEqual({});
  });

  it('lists the scores of units below a scope that is not scored itself', async () => {
    const m: Metrics = fixture('metrics-empty-2024-Q4.json');
    const sipas: IndexMetric = fixture('metrics-ag-2024-Q4.json').indices.find(
      (i: IndexMetric) => i.index_code === 'SIPAS',
    );
    m.indices = [
      { ...sipas, index_code: 'DDCI', unit_code: 'AG.TT', score: 79.4, rank: 9, rank_of: 11 },
      { ...sipas, index_code: 'DDCI', unit_code: 'AG.LX', score: 85, rank: 1, rank_of: 11 },
    ];
    const v = await view(m);
    const section = v.sections[1]!;
    expect(section.empty).toBeNull();
    expect(section.blocks).toHaveLength(1);
    expect(section.blocks[0]!.table!.rows.map((r) => r.slice(0, 5))).toEqual([
      ['DDCI', 'UBND thành phố Long Xuyên', '2024', '85,00', '1/11'],
      ['DDCI', 'UBND huyện Tri Tôn', '2024', '79,40', '9/11'],
    ]);
  });

  it('takes peer figures and row counts from metrics.json alone', async () => {
    const m: Metrics = fixture('metrics-ag-2024-Q4.json');
    drawn.length = 0;
    const v = await view(m);
    expect(drawn).toContain('province-position');
    expect(drawn).toContain('papi-dimensions');
    const papi = v.sections
      .find((s) => s.title === 'CÁC CHỈ SỐ ĐÁNH GIÁ')!
      .blocks.find((b) => b.table?.caption === 'Các chỉ số thành phần PAPI')!;
    const d1 = m.indices.find((i) => i.index_code === 'PAPI' && i.component === 'D1')!;
    expect(papi.table!.head).toContain('Trung vị cả nước');
    expect(papi.table!.rows[0]![2]).toBe(d1.peer_median!.toFixed(2).replace('.', ','));
    expect(v.appendix.tables.find((t) => t.name.endsWith('(tasks)'))!.rows).toBe('412');
    // A metrics.json without the extras (e.g. from an older cchc) renders without those parts.
    drawn.length = 0;
    const bare = await view({
      ...m,
      index_rankings: undefined,
      data: undefined,
      indices: m.indices.map((i) => ({ ...i, peer_median: undefined, peer_count: undefined })),
    });
    expect(drawn).not.toContain('province-position');
    expect(drawn).not.toContain('papi-dimensions');
    expect(bare.appendix.tables).toEqual([]);
  });
});
