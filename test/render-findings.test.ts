import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Metrics } from '../src/metrics/types.ts';
import { unitNames, type BriefContext } from '../src/render/context.ts';
import { findings, joinVi, recommendations } from '../src/render/findings.ts';

const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`./fixtures/brief/${name}`, import.meta.url), 'utf8'));
const ctx: BriefContext = fixture('context-ag.json');
const ag = (): Metrics => fixture('metrics-ag-2024-Q4.json');
const empty = (): Metrics => fixture('metrics-empty-2024-Q4.json');

describe('findings(metrics, names)', () => {
  it('states the figures of the An Giang fixture in the tone of the outline', () => {
    const m = ag();
    const f = findings(m, unitNames(ctx, m));
    expect(f).toEqual([
      'Tỷ lệ hoàn thành nhiệm vụ đạt 68,1% (96/141 nhiệm vụ), trong đó 90,6% hoàn thành đúng hạn.',
      'Còn 25 nhiệm vụ quá hạn, nhiều nhất tại Sở Tư pháp (4) và UBND huyện Tri Tôn (3).',
      'Tỷ lệ hồ sơ tiếp nhận trực tuyến đạt 43,0%, tăng 6,2 điểm phần trăm so với cùng kỳ năm 2023 nhưng thấp hơn chỉ tiêu 80% là 37,0 điểm phần trăm.',
      'Chỉ số PAR INDEX năm 2024 đạt 86,72 điểm, tăng 1,58 điểm so với năm 2023; xếp hạng 22/63, tăng 5 bậc.',
      'Chỉ số PAPI năm 2024 đạt 42,89 điểm, tăng 1,05 điểm so với năm 2023; xếp hạng 40/61, giảm 5 bậc.',
      'Bộ chỉ số CCHC năm 2024: 4 đơn vị đã tự đánh giá; cao nhất Sở Nội vụ (48,25/60 điểm), thấp nhất UBND huyện Tri Tôn (32/60 điểm); bình quân mỗi đơn vị 15,63/60 điểm có nguy cơ không đạt.',
    ]);
  });

  it("uses the outline's sentence for the scope's own criteria", () => {
    const m = ag();
    m.scope = { unit_code: 'AG.CT', name: 'UBND huyện Châu Thành' };
    m.criteria = [
      {
        year: 2023,
        unit_code: 'AG.CT',
        total: 42,
        achieved: 27,
        not_achieved: 2,
        in_progress: 12,
        not_due: 1,
        points: 39.67,
        max_points: 60,
        points_at_risk: 15.5,
        points_lost: 4.83,
        rank: 1,
        by_area: [],
      },
    ];
    m.indices = [];
    expect(findings(m, unitNames(ctx, m)).at(-1)).toBe(
      'Bộ chỉ số CCHC năm 2023: đạt 27/42 tiêu chí (39,67/60 điểm); 12 tiêu chí đang thực hiện, 1 tiêu chí chưa đến hạn, 15,5 điểm có nguy cơ không đạt.',
    );
  });

  it('links trend and target with "và" when they agree and drops what is missing', () => {
    const m = ag();
    m.online!.online_ratio = 0.85;
    m.online!.delta.online_ratio = 0.05;
    expect(findings(m, unitNames(ctx, m))[2]).toBe(
      'Tỷ lệ hồ sơ tiếp nhận trực tuyến đạt 85,0%, tăng 5,0 điểm phần trăm so với cùng kỳ năm 2023 và vượt chỉ tiêu 80% 5,0 điểm phần trăm.',
    );
    m.online!.delta.online_ratio = null;
    m.online!.target.online_ratio = null;
    expect(findings(m, unitNames(ctx, m))[2]).toBe('Tỷ lệ hồ sơ tiếp nhận trực tuyến đạt 85,0%.');
  });

  it('says "nhiều nhất" only when one unit stands out', () => {
    const m = ag();
    const ones = m.tasks.by_unit.map((u) => ({ ...u, overdue: 0 }));
    ones.find((u) => u.unit_code === 'AG.TT')!.overdue = 1;
    ones.find((u) => u.unit_code === 'AG.SNV')!.overdue = 1;
    m.tasks.by_unit = ones;
    m.tasks.overdue = 2;
    expect(findings(m, unitNames(ctx, m))[1]).toBe('Còn 2 nhiệm vụ quá hạn, tại Sở Nội vụ và UBND huyện Tri Tôn.');
    ones.forEach((u) => (u.overdue = 1));
    m.tasks.overdue = ones.length;
    expect(findings(m, unitNames(ctx, m))[1]).toBe(
      `Còn ${ones.length} nhiệm vụ quá hạn, tại ${ones.length} cơ quan, đơn vị.`,
    );
  });

  it('leaves out every finding whose data is missing, never printing null or NaN', () => {
    const m = empty();
    expect(findings(m, unitNames(ctx, m))).toEqual([]);
    const rec = recommendations(m, unitNames(ctx, m));
    expect(rec).toEqual(['Các cơ quan, đơn vị tiếp tục duy trì và nâng cao kết quả đạt được.']);
    const nulls = ag();
    nulls.tasks.on_time_rate = null;
    nulls.indices.forEach((i) =>
      Object.assign(i, {
        prev_period: null,
        prev_score: null,
        delta: null,
        rank_delta: null,
        rank: null,
        rank_of: null,
      }),
    );
    const text = [...findings(nulls, unitNames(ctx, nulls)), ...recommendations(nulls, unitNames(ctx, nulls))].join(
      ' ',
    );
    expect(text).not.toMatch(/null|NaN|undefined/);
    expect(text).toContain('Chỉ số PAPI năm 2024 đạt 42,89 điểm.');
  });
});

describe('recommendations(metrics, names)', () => {
  it('names the units with overdue tasks, the online gap and the criteria at risk', () => {
    const m = ag();
    const r = recommendations(m, unitNames(ctx, m));
    expect(r[0]).toMatch(
      /^Đề nghị Sở Tư pháp \(4\), UBND huyện Tri Tôn \(3\), .* và \d+ đơn vị khác khẩn trương hoàn thành 25 nhiệm vụ quá hạn/,
    );
    // Five names and "N đơn vị khác" are one list: a single "và", before its last item.
    expect(r[0]!.split(' khẩn trương')[0]!.match(/ và /g)).toHaveLength(1);
    expect(r).toContain('Các cơ quan, đơn vị chủ động hoàn thành đúng hạn 7 nhiệm vụ đến hạn trong 14 ngày tới.');
    expect(r.find((x) => x.startsWith('Đẩy mạnh'))).toBe(
      'Đẩy mạnh tiếp nhận hồ sơ trực tuyến để đạt chỉ tiêu 80% (hiện đạt 43,0%), trước hết tại Sở Tư pháp (18,1%), Sở Thông tin và Truyền thông (20,0%) và UBND huyện Châu Thành (21,6%).',
    );
    // By hand: 62,53 points at risk over the 4 units, each out of 60 → 15,6325 a unit; never the sum.
    expect(r.find((x) => x.startsWith('Tập trung'))).toContain(
      '(bình quân mỗi đơn vị 15,63/60 điểm có nguy cơ không đạt)',
    );
    expect(r.find((x) => x.includes('PAPI'))).toContain('giảm thứ hạng Chỉ số PAPI năm 2024');
  });
});

describe('points at risk of the PAR criteria', () => {
  it('one unit: its own points out of 60; an older metrics.json without the mean: no sum instead', () => {
    const m = ag();
    const one = m.criteria.slice(0, 1);
    m.criteria = one;
    m.criteria_totals = { ...m.criteria_totals!, points_at_risk: one[0]!.points_at_risk, units: 1 };
    m.criteria_totals.points_at_risk_per_unit = one[0]!.points_at_risk;
    const r = recommendations(m, unitNames(ctx, m)).find((x) => x.startsWith('Tập trung'))!;
    // AG.CT's 20,67 points at risk of its 60 (the fixture), with no "bình quân".
    expect(r).toContain('(20,67/60 điểm có nguy cơ không đạt)');
    delete m.criteria_totals.points_at_risk_per_unit;
    expect(recommendations(m, unitNames(ctx, m)).some((x) => x.startsWith('Tập trung'))).toBe(false);
    expect(findings(m, unitNames(ctx, m)).join(' ')).not.toContain('nguy cơ');
  });
});

describe('joinVi(items)', () => {
  it('a one-unit brief does not name its unit as if among several', () => {
    const m = ag();
    m.scope = { unit_code: 'AG.LX', name: 'UBND thành phố Long Xuyên' };
    // A split row beside the unit's own row (two rows, one unit) is still a one-unit scope.
    m.tasks = {
      ...m.tasks,
      overdue: 2,
      by_unit: [
        ...m.tasks.by_unit.filter((u) => u.unit_code === 'AG.LX'),
        { ...m.tasks.by_unit.find((u) => u.unit_code === 'AG.LX')!, unit_code: null, overdue: 0 },
      ],
    };
    m.online = { ...m.online!, by_unit: m.online!.by_unit.filter((u) => u.unit_code === 'AG.LX') };
    m.criteria = [];
    const names = unitNames(ctx, m);
    expect(findings(m, names)).toContain('Còn 2 nhiệm vụ quá hạn.');
    const r = recommendations(m, names);
    expect(r[0]).toBe(
      'Đề nghị UBND thành phố Long Xuyên khẩn trương hoàn thành 2 nhiệm vụ quá hạn, báo cáo rõ nguyên nhân chậm trễ và thời hạn hoàn thành.',
    );
    expect(r.find((s) => s.startsWith('Đẩy mạnh'))).toBe(
      'Đẩy mạnh tiếp nhận hồ sơ trực tuyến để đạt chỉ tiêu 80% (hiện đạt 43,0%).',
    );
  });

  it('joins with commas and "và"', () => {
    expect(joinVi(['A'])).toBe('A');
    expect(joinVi(['A', 'B'])).toBe('A và B');
    expect(joinVi(['A', 'B', 'C'])).toBe('A, B và C');
  });
});
