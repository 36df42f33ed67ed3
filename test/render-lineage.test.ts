import { describe, expect, it } from 'vitest';
import type { Metrics } from '../src/metrics/types.ts';
import { seriesStyles, type Datasets } from '../src/render/charts.ts';
import { unitNames } from '../src/render/context.ts';
import { findings } from '../src/render/findings.ts';
import { documentHeader } from '../src/render/options.ts';
import { renderHtml, templateFiles } from '../src/render/template.ts';
import { briefView, type Block } from '../src/render/view.ts';
import { extremes } from '../src/render/view-units.ts';
import { lineageContext, lineageMetrics } from './fixtures/brief/lineage.ts';

// Expected values are worked out by hand from the construction rules in fixtures/brief/lineage.ts.
const ctx = lineageContext();
const drawn = new Map<string, { spec: string; data: Datasets }>();
const view = (m: Metrics) => {
  drawn.clear();
  const header = documentHeader({ date: '2026-10-05' }, m, ctx, new Date('2026-10-05T03:00:00Z'));
  return briefView(m, ctx, header, {
    // Charts are drawn elsewhere (test/brief-pdf.test.ts); here only what each is given.
    render: async (spec, data) => (drawn.set(`${spec}#${drawn.size}`, { spec, data }), `<svg data-chart="${spec}"/>`),
  });
};
const chartRows = (spec: string) => [...drawn.values()].filter((c) => c.spec === spec).map((c) => c.data.rows!);
const uniqueLabels = (rows: Record<string, unknown>[]) => [...new Set(rows.map((r) => r.label as string))];
const blocks = (v: Awaited<ReturnType<typeof view>>, title: string): Block[] =>
  v.sections.find((s) => s.title === title)!.blocks;

describe('the brief of a merged province with communes', () => {
  it('shows departments and communes as separate blocks, communes as their 10 best and 10 worst', async () => {
    const v = await view(lineageMetrics());
    const tasks = blocks(v, 'TÌNH HÌNH THỰC HIỆN NHIỆM VỤ ĐƯỢC GIAO');
    expect(tasks.map((b) => b.subheading).filter(Boolean)).toEqual(['Các sở, ban, ngành', 'Cấp xã']);
    const [depts, communes] = chartRows('tasks-by-unit');
    expect(uniqueLabels(depts!)).toEqual(['SNV', 'STP', 'SKHCN']);
    // Completion rate of commune i is i/30: best C30..C21, worst C10..C01; the split row is stated, not charted.
    expect(uniqueLabels(communes!)).toEqual([
      'Đặc khu Thổ Châu',
      'Xã Đông Hòa',
      'Xã Ấp Đá',
      'Xã Chợ Mới',
      'Xã Vĩnh Thuận',
      'Xã U Minh Thượng',
      'Phường Hà Tiên',
      'Đặc khu Kiên Hải',
      'Xã Châu Phú',
      'Xã Tri Tôn',
      '… 10 đơn vị khác …',
      'Xã Bình Mỹ',
      'Phường Châu Đốc',
      'Xã Dương Hòa',
      'Xã Định Hòa',
      'Xã An Biên',
      'Phường Long Xuyên',
      'Xã Ba Chúc',
      'Đặc khu Phú Quốc',
      'Phường Rạch Giá',
      'Xã Vĩnh Hậu',
    ]);
    const communeBlock = tasks.find((b) => b.subheading === 'Cấp xã')!;
    expect(communeBlock.note).toBe(
      'Giữa nhóm cao nhất và nhóm thấp nhất còn 10 đơn vị. 4 nhiệm vụ của các đơn vị đã chia tách (2 đã hoàn thành, 0 quá hạn) không tính riêng cho đơn vị nào và không có trong biểu đồ. Số liệu của từng đơn vị (30 xã, phường, đặc khu) tại Phụ lục, mục 3, xếp theo tên.',
    );
    const online = blocks(v, 'DỊCH VỤ CÔNG TRỰC TUYẾN').find((b) => b.subheading === 'Cấp xã')!;
    expect(online.note).toBe(
      'Giữa nhóm cao nhất và nhóm thấp nhất còn 10 đơn vị. Số liệu của từng đơn vị tại Phụ lục, mục 4, xếp theo tên.',
    );
  });

  it('puts every commune in the appendix in alphabetical order, the split row last', async () => {
    const v = await view(lineageMetrics());
    expect(v.appendix.parts.map((p) => p.heading)).toEqual([
      '3. Nhiệm vụ theo đơn vị cấp xã',
      '4. Dịch vụ công trực tuyến theo đơn vị cấp xã',
      '5. Đơn vị trước sắp xếp có số liệu được tính cho đơn vị hiện nay',
    ]);
    const tasks = v.appendix.parts[0]!.table!;
    // Vietnamese order: D < Đ < P < X; A < Ă < Â; O < Ô; a tone mark only breaks ties.
    expect(tasks.rows.map((r) => r[1])).toEqual([
      'Đặc khu Kiên Hải',
      'Đặc khu Phú Quốc',
      'Đặc khu Thổ Châu',
      'Phường Châu Đốc',
      'Phường Hà Tiên',
      'Phường Long Xuyên',
      'Phường Rạch Giá',
      'Xã An Biên',
      'Xã Ấp Đá',
      'Xã Ba Chúc',
      'Xã Bình Mỹ',
      'Xã Châu Phú',
      'Xã Chợ Mới',
      'Xã Cô Tô',
      'Xã Dương Hòa',
      'Xã Định Hòa',
      'Xã Đông Hòa',
      'Xã Giồng Riềng',
      'Xã Hòa Lạc',
      'Xã Kiên Lương',
      'Xã Mỹ Hòa Hưng',
      'Xã Núi Cấm',
      'Xã Óc Eo',
      'Xã Ô Lâm',
      'Xã Tân Hiệp',
      'Xã Thạnh Lộc',
      'Xã Tri Tôn',
      'Xã U Minh Thượng',
      'Xã Vĩnh Hậu',
      'Xã Vĩnh Thuận',
      'Đơn vị đã chia tách',
    ]);
    // Xã Vĩnh Hậu is C01: 30 tasks, 1 done, 29 in progress, 1/30 = 3,3%; the split row 4 tasks, 2 done.
    expect(tasks.rows.find((r) => r[1] === 'Xã Vĩnh Hậu')).toEqual(['29', 'Xã Vĩnh Hậu', '30', '1', '29', '0', '3,3%']);
    expect(tasks.rows.at(-1)).toEqual(['31', 'Đơn vị đã chia tách', '4', '2', '2', '0', '50,0%']);
    const online = v.appendix.parts[1]!.table!;
    expect(online.head).toEqual([
      'TT',
      'Đơn vị',
      'Hồ sơ tiếp nhận',
      'Trực tuyến',
      'Tỷ lệ trực tuyến',
      'Tỷ lệ toàn trình',
      'Giải quyết đúng hạn',
    ]);
    // C30 Đặc khu Thổ Châu: 100 received, 30 online, 15 fully online.
    expect(online.rows[2]).toEqual(['3', 'Đặc khu Thổ Châu', '100', '30', '30,0%', '15,0%', '100,0%']);
    expect(online.rows.at(-1)).toEqual(['31', 'Đơn vị đã chia tách', '50', '10', '20,0%', '', '100,0%']);
  });

  it('names the units carried forward and what the split row holds, once, in the appendix', async () => {
    const v = await view(lineageMetrics());
    expect(v.appendix.methods[0]).toBe(
      'Kỳ báo cáo: quý III năm 2026, từ ngày 1/7/2026 đến ngày 30/9/2026; chỉ dùng số liệu có ngày đến hết ngày 30/9/2026. Cùng kỳ là kỳ tương ứng của năm trước. Cùng kỳ được tính trên cùng địa bàn theo tổ chức bộ máy tại ngày 30/9/2026: số liệu của các đơn vị trước sắp xếp được tính cho đơn vị tiếp nhận (Phụ lục, mục 5), ở cả kỳ báo cáo và cùng kỳ.',
    );
    expect(v.appendix.methods[1]).toBe(
      'Dòng "Đơn vị đã chia tách" trong các bảng, biểu đồ theo đơn vị gồm số liệu của Xã Vĩnh Trạch (cũ): các đơn vị này đã chia tách cho nhiều đơn vị hiện nay nên số liệu không tính riêng cho đơn vị nào.',
    );
    // AG and KG went to AGM alone, KG.STTTT (under KG) to AGM.SKHCN: taken over whole, the scope
    // first; AG.X9 was divided between two communes. No "UBND" before the names, no "(cũ)": the
    // part's paragraph says which names are old.
    expect(v.appendix.parts[2]!.lists).toEqual([
      {
        title: 'Các sở, ban, ngành',
        sep: ': ',
        entries: [
          { head: 'Tỉnh An Giang', text: 'tỉnh An Giang, tỉnh Kiên Giang' },
          { head: 'Sở Khoa học và Công nghệ', text: 'Sở Thông tin và Truyền thông (tỉnh Kiên Giang)' },
        ],
      },
      {
        title: 'Đơn vị chia cho nhiều đơn vị hiện nay',
        sep: ' → ',
        entries: [{ head: 'Xã Vĩnh Trạch', text: 'Phường Rạch Giá, Xã Vĩnh Hậu' }],
      },
    ]);
    expect(v.appendix.parts[2]!.table).toBeUndefined();
    const many = lineageMetrics();
    many.lineage!.carried.push(
      ...['D1', 'D2', 'D3', 'D4', 'D5', 'D6'].map((from_code) => ({ from_code, to_codes: ['AGM.C03', 'AGM.C04'] })),
    );
    expect((await view(many)).appendix.methods[1]).toBe(
      'Dòng "Đơn vị đã chia tách" trong các bảng, biểu đồ theo đơn vị gồm số liệu của Xã Vĩnh Trạch (cũ), D1 (cũ), D2 (cũ), D3 (cũ), D4 (cũ) và 2 đơn vị khác (các đơn vị chia cho nhiều đơn vị hiện nay, xem Phụ lục, mục 5): các đơn vị này đã chia tách cho nhiều đơn vị hiện nay nên số liệu không tính riêng cho đơn vị nào.',
    );
    const m = lineageMetrics();
    // A commune brief: the divided commune is split, not carried (metrics.md), and still reads "(cũ)".
    m.lineage!.carried = m.lineage!.carried.filter((c) => c.from_code !== 'AG.X9');
    (m.lineage as { split_units: string[] }).split_units = ['AG.X9'];
    const unit = await view(m);
    expect(unit.appendix.methods[1]).toBe(
      'Không tính vào báo cáo số liệu của Xã Vĩnh Trạch (cũ), do đơn vị đã chia tách cho nhiều đơn vị, trong đó có đơn vị ngoài phạm vi báo cáo.',
    );
    // The split unit is named there, not among the units carried forward.
    expect(unit.appendix.parts.at(-1)!.lists!.map((l) => l.title)).toEqual(['Các sở, ban, ngành']);
  });

  it('draws predecessors as their own lines and keeps every rank with its denominator', async () => {
    const v = await view(lineageMetrics());
    const idx = blocks(v, 'CÁC CHỈ SỐ ĐÁNH GIÁ');
    expect(idx[0]!.paragraphs).toEqual([
      'UBND tỉnh An Giang chưa có kết quả đến hết quý III năm 2026.',
      'UBND tỉnh An Giang (cũ): kết quả năm 2024: 86,72/100 điểm, xếp hạng 22/63; so với năm 2023 tăng 1,58 điểm, tăng 5 bậc.',
      'UBND tỉnh Kiên Giang (cũ): kết quả năm 2024: 88,13/100 điểm, xếp hạng 38/63.',
    ]);
    const dvc = idx.find((b) => b.heading?.endsWith('(Quyết định 766/QĐ-TTg)') || b.heading?.includes('766'))!;
    expect(dvc.paragraphs).toEqual([
      'Kết quả tháng 9 năm 2026: 91,36/100 điểm, xếp hạng 21/34; so với tháng 8 năm 2026 tăng 0,86 điểm, tăng 3 bậc.',
      'UBND tỉnh An Giang (cũ): kết quả tháng 6 năm 2025: 84,10/100 điểm, xếp hạng 30/63; so với tháng 5 năm 2025 tăng 0,60 điểm, tăng 3 bậc.',
    ]);
    const lines = chartRows('index-lineage');
    expect(lines).toHaveLength(2);
    const dvcRows = lines[1]!;
    expect(dvcRows.map((r) => [r.who, r.period_label, r.score_label])).toEqual([
      ['An Giang', 'T7|2025', ''],
      ['An Giang', 'T8|2026', ''],
      ['An Giang', 'T9|2026', '91,36 (21/34)'],
      ['An Giang (cũ)', 'T5|2025', ''],
      ['An Giang (cũ)', 'T6|2025', ''],
    ]);
    // No line of the scope (PAR INDEX): each predecessor's last point is labelled.
    expect(lines[0]!.filter((r) => r.score_label).map((r) => r.score_label)).toEqual([
      '86,72 (22/63)',
      '88,13 (38/63)',
    ]);
    expect(v.indexTiles.map((t) => [t.label, t.value, t.note, t.trend])).toEqual([
      ['Chỉ số 766 T9/2026', '91,36', 'Hạng 21/34', '▲ 3 bậc'],
    ]);
    // The new province is the scope itself, not a unit of some other province.
    expect(v.header.subject).toBe('Tình hình thực hiện nhiệm vụ cải cách hành chính quý III năm 2026');
    expect(v.appendix.parts[0]!.table!.caption).toBe(
      'Kết quả thực hiện nhiệm vụ của 30 xã, phường, đặc khu, xếp theo tên',
    );
  });

  it("draws a unit's line alike in every chart, whatever lines stand beside it", async () => {
    await view(lineageMetrics());
    const [par, dvc] = chartRows('index-lineage');
    const style = (rows: Record<string, unknown>[], who: string) => {
      const mine = rows.filter((r) => r.who === who).map((r) => JSON.stringify([r.colour, r.dash, r.shape]));
      expect(new Set(mine).size, `${who}: one style per line`).toBe(1);
      return mine[0]!;
    };
    // PAR INDEX has no line of the scope, DVC766 has one: old An Giang is drawn the same in both,
    // never in the scope's solid blue (docs/brief.md: the palette's dark blue is the scope's).
    const oldAg = style(par!, 'An Giang (cũ)');
    expect(style(dvc!, 'An Giang (cũ)')).toBe(oldAg);
    expect(style(dvc!, 'An Giang')).toBe(JSON.stringify(['#0072B2', [1, 0], 'circle']));
    expect(oldAg).not.toContain('#0072B2');
    expect(style(par!, 'Kiên Giang (cũ)')).not.toBe(oldAg);
    // The order of the lines does not matter, nor does a line beside it.
    const a = seriesStyles(['An Giang (cũ)', 'Kiên Giang (cũ)'], null);
    const b = seriesStyles(['Kiên Giang (cũ)', 'An Giang', 'An Giang (cũ)'], 'An Giang');
    const c = seriesStyles(['An Giang (cũ)'], null);
    expect([b.get('An Giang (cũ)'), c.get('An Giang (cũ)')]).toEqual([a.get('An Giang (cũ)'), a.get('An Giang (cũ)')]);
    expect(b.get('Kiên Giang (cũ)')).toEqual(a.get('Kiên Giang (cũ)'));
  });

  it('states no rank change across different denominators, whatever rank_delta says', async () => {
    const m = lineageMetrics();
    const agm = m.indices.find((i) => i.unit_code === 'AGM')!;
    agm.series[1] = { period: '2026-08', score: 90.5, rank: 25, rank_of: 63 };
    agm.prev_rank = 25;
    agm.rank_delta = 4;
    const v = await view(m);
    expect(v.indexTiles[0]!.trend).toBe('▲ 0,86 điểm');
    const dvc = blocks(v, 'CÁC CHỈ SỐ ĐÁNH GIÁ').find((b) => b.paragraphs?.[0]?.startsWith('Kết quả tháng 9'))!;
    expect(dvc.paragraphs![0]).toBe(
      'Kết quả tháng 9 năm 2026: 91,36/100 điểm, xếp hạng 21/34; so với tháng 8 năm 2026 tăng 0,86 điểm.',
    );
    expect(v.findings.join(' ')).not.toContain('bậc');
    expect(v.findings).toContain(
      'Chỉ số 766 tháng 9 năm 2026 đạt 91,36 điểm, tăng 0,86 điểm so với tháng 8 năm 2026; xếp hạng 21/34.',
    );
  });

  it('shows the fully-online ratio beside the online ratio', async () => {
    const m = lineageMetrics();
    const v = await view(m);
    // 665/3350 = 19,85%; cùng kỳ 450/3000 = 15% → +4,85 points; full 345/3300 = 10,45%, cùng kỳ 5% → +5,45.
    expect(v.tiles.map((t) => [t.label, t.value, t.trend])).toEqual([
      ['Hoàn thành nhiệm vụ', '52,2%', null],
      ['Nhiệm vụ quá hạn', '0', null],
      ['Hồ sơ tiếp nhận trực tuyến', '19,9%', '▲ 4,9 điểm % so với cùng kỳ'],
      ['Hồ sơ trực tuyến toàn trình', '10,5%', '▲ 5,5 điểm % so với cùng kỳ'],
    ]);
    expect(findings(m, unitNames(ctx, m))).toContain(
      'Tỷ lệ hồ sơ tiếp nhận trực tuyến đạt 19,9%, tăng 4,9 điểm phần trăm so với cùng kỳ năm 2025 nhưng thấp hơn chỉ tiêu 80% là 60,1 điểm phần trăm; tỷ lệ hồ sơ trực tuyến toàn trình đạt 10,5%, tăng 5,5 điểm phần trăm.',
    );
    const monthly = [...drawn.values()].find((c) => c.spec === 'online-monthly')!.data;
    // July 90/1000, August 100/1000, September 110/1000.
    expect(monthly.full!.map((r) => r.ratio)).toEqual([0.09, 0.1, 0.11]);
    const compare = chartRows('online-compare')[0]!;
    expect([...new Set(compare.map((r) => r.measure))]).toContain('Tỷ lệ trực tuyến toàn trình');
    expect(blocks(v, 'DỊCH VỤ CÔNG TRỰC TUYẾN')[0]!.paragraphs![0]).toBe(
      'Trong kỳ tiếp nhận 3.350 hồ sơ, trong đó 665 hồ sơ trực tuyến (19,9%; chỉ tiêu 80%); tỷ lệ hồ sơ trực tuyến toàn trình đạt 10,5%.',
    );
  });

  it('numbers every section in the view and takes the due-soon window from metrics.json', async () => {
    const v = await view(lineageMetrics());
    expect([v.summary.numeral, ...v.sections.map((s) => s.numeral), v.proposals.numeral]).toEqual([
      'I',
      'II',
      'III',
      'IV',
      'V',
      'VI',
    ]);
    const tasks = blocks(v, 'TÌNH HÌNH THỰC HIỆN NHIỆM VỤ ĐƯỢC GIAO');
    expect(tasks.at(-1)).toEqual({
      heading: '3. Nhiệm vụ đến hạn trong 7 ngày tới',
      paragraphs: ['Không có nhiệm vụ đến hạn trong 7 ngày tới.'],
    });
    expect(v.tiles[1]!.note).toBe('0,0% tổng số; 0 đến hạn trong 7 ngày');
    // Recipients follow the tree: the new province has communes, no districts.
    expect(v.header.recipients.slice(-2)).toEqual(['Các sở, ban, ngành tỉnh;', 'UBND các xã, phường, đặc khu;']);
  });

  it('places the blocks, numerals and appendix parts in the HTML', async () => {
    const html = await renderHtml(await view(lineageMetrics()), templateFiles());
    for (const s of [
      '<h2>I. KẾT QUẢ CHỦ YẾU</h2>',
      '<h4>Các sở, ban, ngành</h4>',
      '<h4>Cấp xã</h4>',
      '<h2>VI. ĐỀ XUẤT</h2>',
      '<h3>3. Nhiệm vụ theo đơn vị cấp xã</h3>',
      '<h3>5. Đơn vị trước sắp xếp có số liệu được tính cho đơn vị hiện nay</h3>',
      '<td>Đơn vị đã chia tách</td>',
      '<div class="tiles cols-4">',
      '<h4 class="list-title">Đơn vị chia cho nhiều đơn vị hiện nay</h4>',
      '<p><b>Sở Khoa học và Công nghệ</b>: Sở Thông tin và Truyền thông (tỉnh Kiên Giang)</p>',
      '<p><b>Xã Vĩnh Trạch</b> → Phường Rạch Giá, Xã Vĩnh Hậu</p>',
    ]) {
      expect(html).toContain(s);
    }
  });
});

describe('the overdue list of a province with communes', () => {
  it('gives a task that one notice set for many units one row naming them all', async () => {
    const m = lineageMetrics();
    const plan = {
      doc_no: 'GL-03/TB-VPUBND',
      title: 'Ban hành Kế hoạch CCHC năm 2026',
      due_on: '2026-03-31',
      days_overdue: 183,
    };
    m.tasks.overdue = 3;
    m.tasks.overdue_list = [
      {
        task_id: 'T1',
        lead_unit: 'AGM.S2',
        doc_no: '12/KH-UBND',
        title: 'Rà soát TTHC',
        due_on: '2026-01-10',
        days_overdue: 263,
      },
      { task_id: 'T2', lead_unit: 'AGM.C02', ...plan },
      { task_id: 'T3', lead_unit: 'AGM.C01', ...plan },
    ];
    const v = await view(m);
    const table = blocks(v, 'TÌNH HÌNH THỰC HIỆN NHIỆM VỤ ĐƯỢC GIAO').find(
      (b) => b.heading === '2. Nhiệm vụ quá hạn',
    )!.table!;
    expect(table.caption).toBe(
      'Danh sách 3 nhiệm vụ quá hạn (tính đến ngày 30/9/2026); nhiệm vụ giống nhau của nhiều cơ quan, đơn vị ghi chung một dòng',
    );
    expect(table.rows).toEqual([
      ['1', '12/KH-UBND', 'Sở Tư pháp', 'Rà soát TTHC', '10/1/2026', '263'],
      ['2', 'GL-03/TB-VPUBND', 'Phường Rạch Giá; Xã Vĩnh Hậu', 'Ban hành Kế hoạch CCHC năm 2026', '31/3/2026', '183'],
    ]);
    // More than three units: the count, then full names too — never the departments' short names (SKHCN, SNV).
    m.tasks.overdue_list = ['AGM.C03', 'AGM.S1', 'AGM.C02', 'AGM.SKHCN'].map((lead_unit, k) => ({
      task_id: `P${k}`,
      lead_unit,
      ...plan,
    }));
    const four = blocks(await view(m), 'TÌNH HÌNH THỰC HIỆN NHIỆM VỤ ĐƯỢC GIAO').find(
      (b) => b.heading === '2. Nhiệm vụ quá hạn',
    )!.table!;
    expect(four.rows[0]![2]).toBe('4 đơn vị: Đặc khu Phú Quốc, Phường Rạch Giá, Sở Khoa học và Công nghệ, Sở Nội vụ');
  });
});

describe('extremes(rows, rate, names, tie)', () => {
  it('breaks equal rates with the tie rule, then by name', () => {
    const names = { name: (c: string) => c, label: (c: string) => c };
    // U01..U13 all done (rate 1) with 1..13 tasks; U14..U26 none done (rate 0) with 0..12 overdue.
    const rows = Array.from({ length: 26 }, (_, k) => ({
      unit_code: `U${String(k + 1).padStart(2, '0')}`,
      rate: k < 13 ? 1 : 0,
      total: k < 13 ? k + 1 : 12,
      overdue: k < 13 ? 0 : k - 13,
    }));
    const cut = extremes(
      rows,
      (r) => r.rate,
      names,
      (a, b) => a.overdue - b.overdue || b.total - a.total,
    );
    // Best: the most tasks done first (U13 … U04); worst: the most overdue last (… U26 with 12).
    expect(cut.shown.map((r) => r?.unit_code ?? '…')).toEqual([
      'U13',
      'U12',
      'U11',
      'U10',
      'U09',
      'U08',
      'U07',
      'U06',
      'U05',
      'U04',
      '…',
      'U17',
      'U18',
      'U19',
      'U20',
      'U21',
      'U22',
      'U23',
      'U24',
      'U25',
      'U26',
    ]);
    expect(cut.between).toBe(6);
  });
});
