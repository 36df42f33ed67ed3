/** The close of section I, "Những thay đổi kể từ kỳ trước", from metrics.json `changes`; expected text written by hand. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ChangesMetrics, OverdueChange } from '../src/metrics/changes.ts';
import type { Metrics } from '../src/metrics/types.ts';
import type { BriefContext } from '../src/render/context.ts';
import { documentHeader } from '../src/render/options.ts';
import { renderHtml, templateFiles } from '../src/render/template.ts';
import { briefView } from '../src/render/view.ts';

const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`./fixtures/brief/${name}`, import.meta.url), 'utf8'));
const ctx: BriefContext = fixture('context-ag.json');
const charts = { render: async (name: string) => `<svg data-chart="${name}"/>` };
const view = (m: Metrics) =>
  briefView(m, ctx, documentHeader({ date: '2025-01-05' }, m, ctx, new Date('2025-01-05T03:00:00Z')), charts);

const task = (task_id: string, lead_unit: string, due_on: string): OverdueChange => ({
  task_id,
  doc_no: null,
  lead_unit,
  title: `Nhiệm vụ ${task_id}`,
  assigned_on: '2024-08-01',
  due_on,
  state_before: 'in_progress',
});

const changes: ChangesMetrics = {
  previous: { id: '2024-Q3', start: '2024-07-01', end: '2024-09-30' },
  no_previous_reason: null,
  since: '2024-09-30',
  until: '2024-12-31',
  tasks: {
    completed: 27,
    became_overdue: 2,
    assigned: 0,
    became_overdue_list: [task('T1', 'AG.STP', '2024-11-20'), task('T2', 'AG.SNV', '2024-12-20')],
  },
  online: { online_ratio: 0.43, previous_online_ratio: 0.4517, delta: -0.0217 },
  indices: {
    latest_totals: [
      {
        index_code: 'DVC766',
        component: 'TOTAL',
        unit_code: 'AG',
        period: '2024-12',
        score: 72,
        max_score: 100,
        rank: null,
        rank_of: null,
        rank_computed: false,
      },
      {
        index_code: 'PAR_INDEX',
        component: 'TOTAL',
        unit_code: 'AG',
        period: '2024',
        score: 86.72,
        max_score: 100,
        rank: 22,
        rank_of: 63,
        rank_computed: false,
      },
    ],
    // DVC766 2024-11 of AG and SIPAS 2024 of AG.LX.
    other: 2,
  },
  criteria: { changed: 3, units: 2, by_status: { achieved: 2, not_achieved: 1, in_progress: 0, not_due: 0 } },
};

/** The brief of UBND thành phố Long Xuyên alone: every by_unit row and criteria entry is its own. */
const ag1 = (): Metrics => {
  const m = { ...fixture('metrics-ag-2024-Q4.json') } as Metrics;
  m.scope = { unit_code: 'AG.LX', name: 'UBND thành phố Long Xuyên' };
  m.tasks = { ...m.tasks, by_unit: m.tasks.by_unit.filter((u) => u.unit_code === 'AG.LX') };
  m.online = { ...m.online!, by_unit: m.online!.by_unit.filter((u) => u.unit_code === 'AG.LX') };
  m.criteria = [];
  m.changes = {
    ...changes,
    indices: { latest_totals: [], other: 3 },
    criteria: { changed: 3, units: 1, by_status: { achieved: 2, not_achieved: 1, in_progress: 0, not_due: 0 } },
  };
  return m;
};

describe('changes at the end of section I', () => {
  it('says what changed since the previous quarter, each figure from metrics.json changes', async () => {
    const m = { ...fixture('metrics-ag-2024-Q4.json'), changes } as Metrics;
    const v = (await view(m)).changes!;
    expect(v.lead).toBe('So với quý III năm 2024 (đến hết ngày 30/9/2024):');
    expect(v.items).toEqual([
      'Hoàn thành thêm 27 nhiệm vụ.',
      '2 nhiệm vụ chuyển sang quá hạn.',
      'Không có nhiệm vụ giao mới.',
      // 0,43 − 0,4517 = −0,0217: 2,2 points down from 45,2%.
      'Tỷ lệ hồ sơ tiếp nhận trực tuyến 43,0%, giảm 2,2 điểm phần trăm so với kỳ trước (45,2%).',
      // The latest DVC766 month (T12, no rank) and PAR INDEX by name; the two others counted.
      'Kết quả chỉ số mới: Chỉ số 766 T12/2024 (72,00 điểm) và PAR INDEX 2024 (86,72 điểm, hạng 22/63); cùng 2 kết quả khác của chỉ số thành phần, kỳ trước hoặc đơn vị trực thuộc.',
      'Bộ chỉ số CCHC: 3 tiêu chí có kết quả đánh giá mới tại 2 đơn vị (2 đạt, 1 không đạt).',
    ]);
    expect(v.table!.rows).toEqual([
      ['T1', 'Sở Tư pháp', 'Nhiệm vụ T1', '20/11/2024'],
      ['T2', 'Sở Nội vụ', 'Nhiệm vụ T2', '20/12/2024'],
    ]);
    const html = await renderHtml(await view(m), templateFiles('brief'));
    // It closes section I: after the tiles and findings, before section II.
    const opening = html.slice(html.indexOf('class="tiles'), html.indexOf('II. TÌNH HÌNH THỰC HIỆN'));
    expect(opening).toContain('<h3>Những thay đổi kể từ kỳ trước</h3>');
    expect(opening).toContain('<li>Hoàn thành thêm 27 nhiệm vụ.</li>');
    expect(opening).toContain('<td>Sở Tư pháp</td>');
  });

  it('shows 10 of 13 newly overdue tasks and says where a reader finds the other 3', async () => {
    const list = Array.from({ length: 13 }, (_, i) => task(`T${i + 1}`, 'AG.STP', '2024-11-20'));
    const m = {
      ...fixture('metrics-ag-2024-Q4.json'),
      changes: { ...changes, tasks: { ...changes.tasks, became_overdue: 13, became_overdue_list: list } },
    } as Metrics;
    const v = (await view(m)).changes!;
    expect(v.table!.rows).toHaveLength(10);
    expect(v.note).toBe('Và 3 nhiệm vụ khác, có trong danh sách nhiệm vụ quá hạn tại phần II.');
  });

  it('the first brief of a unit says there is no earlier period, and nothing reads null', async () => {
    const first: ChangesMetrics = {
      ...changes,
      previous: null,
      no_previous_reason: 'the unit did not exist at the end of 2024-Q3',
      online: null,
    };
    const m = { ...fixture('metrics-ag-2024-Q4.json'), changes: first } as Metrics;
    const v = (await view(m)).changes!;
    expect(v).toEqual({
      heading: 'Những thay đổi kể từ kỳ trước',
      lead: 'Đây là kỳ báo cáo đầu tiên của UBND tỉnh An Giang: chưa có kỳ trước để so sánh.',
      items: [],
      table: null,
      note: null,
    });
    const html = await renderHtml(await view(m), templateFiles('brief'));
    expect(html).toContain('chưa có kỳ trước để so sánh');
    expect(html).not.toMatch(/\bnull\b|undefined|NaN/);
  });

  it('counts other index results without reading as a list of them, and a one-unit brief names no unit', async () => {
    const m = ag1();
    const v = (await view(m)).changes!;
    expect(v.items).toContain('Kết quả chỉ số mới: 3 kết quả của chỉ số thành phần, kỳ trước hoặc đơn vị trực thuộc.');
    expect(v.items).toContain('Bộ chỉ số CCHC: 3 tiêu chí có kết quả đánh giá mới (2 đạt, 1 không đạt).');
  });

  it('a metrics.json from before changes existed renders without the opening', async () => {
    const v = await view(fixture('metrics-ag-2024-Q4.json'));
    expect(v.changes).toBeNull();
    expect(await renderHtml(v, templateFiles('brief'))).not.toContain('Những thay đổi kể từ kỳ trước');
  });
});

describe('names and ids in tables', () => {
  it('an overdue task of many units names each by its full name; a task id never breaks', async () => {
    const m = { ...fixture('metrics-ag-2024-Q4.json'), changes } as Metrics;
    const base = m.tasks.overdue_list[0]!;
    m.tasks = {
      ...m.tasks,
      overdue_list: ['AG.TT', 'AG.SNV', 'AG.LX', 'AG.STP', 'AG.CT'].map((lead_unit) => ({ ...base, lead_unit })),
    };
    const v = await view(m);
    const table = v.sections[0]!.blocks.find((b) => b.heading === '2. Nhiệm vụ quá hạn')!.table!;
    expect(table.rows[0]![2]).toBe(
      '5 đơn vị: Sở Nội vụ, Sở Tư pháp; UBND các huyện, thành phố: Châu Thành, Long Xuyên, Tri Tôn',
    );
    m.tasks.overdue_list = ['AG.TT', 'AG.LX', 'AG.CT', 'AG.AP'].map((lead_unit) => ({ ...base, lead_unit }));
    const communes = (await view(m)).sections[0]!.blocks.find((b) => b.heading === '2. Nhiệm vụ quá hạn')!.table!;
    expect(communes.rows[0]![2]).toBe('UBND 4 huyện, thành phố: An Phú, Châu Thành, Long Xuyên, Tri Tôn');
    const html = await renderHtml(v, templateFiles('brief'));
    expect(html).toContain('<td class="id">T1</td>');
    expect(html).toContain('td.id { white-space: nowrap; }');
  });

  it('a document number never wraps at its hyphen or slash, in the overdue and due-soon lists', async () => {
    const m = { ...fixture('metrics-ag-2024-Q4.json'), changes } as Metrics;
    const base = m.tasks.overdue_list[0]!;
    m.tasks = {
      ...m.tasks,
      overdue_list: [{ ...base, doc_no: 'GL-KG-01/TB-VPUBND' }],
      due_soon: 1,
      due_soon_list: [{ ...base, doc_no: '208/TB-VPUBND' }],
    };
    const html = await renderHtml(await view(m), templateFiles('brief'));
    expect(html).toContain('<td class="id">GL-KG-01/TB-VPUBND</td>');
    expect(html).toContain('<td class="id">208/TB-VPUBND</td>');
    // Beside a column that never wraps, a phone keeps the text columns readable and scrolls the table.
    expect(html).toMatch(/<table class="has-ids">/);
    expect(html).toContain('table.has-ids { min-width: 600px; }');
  });
});
