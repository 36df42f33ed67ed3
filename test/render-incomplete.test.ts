/** The forced brief's note of missing data, summarised per kind; expected text written by hand. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Missing } from '../src/load/readiness.ts';
import type { Metrics } from '../src/metrics/types.ts';
import { unitNames, type BriefContext } from '../src/render/context.ts';
import { incompleteLines } from '../src/render/view-incomplete.ts';

const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`./fixtures/brief/${name}`, import.meta.url), 'utf8'));
const ctx: BriefContext = fixture('context-ag.json');
const m: Metrics = fixture('metrics-ag-2024-Q4.json');
const names = unitNames(ctx, m);
const brief = { period: '2024-Q4', unit_code: 'AG' };

describe('incompleteLines', () => {
  it('105 tasks without a due date are one line with 5 examples and where the full list is', () => {
    const tasks: Missing[] = Array.from({ length: 105 }, (_, i) => ({
      what: 'tasks',
      task_id: `T${i + 1}`,
      lead_unit: i % 2 ? 'AG.STP' : 'AG.SNV',
      assigned_on: i < 100 ? '2023-06-01' : '2023-10-15',
    }));
    expect(incompleteLines(tasks, names, brief)).toEqual([
      '105 nhiệm vụ chưa có thời hạn, giao từ ngày 1/6/2023 đến ngày 15/10/2023, đã quá một năm: T1 (Sở Nội vụ), T2 (Sở Tư pháp), T3 (Sở Nội vụ), T4 (Sở Tư pháp), T5 (Sở Nội vụ) và 100 nhiệm vụ khác',
      'Danh sách đầy đủ: kết quả lệnh cchc check --period 2024-Q4 --unit AG, hoặc lịch sử chạy (cchc runs --json) khi báo cáo được lập theo lịch',
    ]);
  });

  it('dossiers keep each unit with its months, capped the same way; one gap keeps its sentence', () => {
    const units = ['AG.LX', 'AG.CT', 'AG.TT', 'AG.SNV', 'AG.STP', 'AG.CD'];
    const dossiers: Missing[] = units.map((unit_code, i) => ({
      what: 'dossiers',
      unit_code,
      months: i === 0 ? ['2024-11', '2024-12'] : ['2024-12'],
    }));
    const lines = incompleteLines([...dossiers, { what: 'criteria', unit_code: 'AG.TT', year: 2024 }], names, brief);
    expect(lines[0]).toBe(
      '6 đơn vị chưa có đủ số liệu hồ sơ thủ tục hành chính: UBND thành phố Long Xuyên (tháng 11, 12/2024), UBND huyện Châu Thành (tháng 12/2024), UBND huyện Tri Tôn (tháng 12/2024), Sở Nội vụ (tháng 12/2024), Sở Tư pháp (tháng 12/2024) và 1 đơn vị khác',
    );
    expect(lines[1]).toBe('UBND huyện Tri Tôn: chưa có kết quả tự đánh giá Bộ chỉ số cải cách hành chính năm 2024');
    expect(lines).toHaveLength(3);
    expect(incompleteLines(dossiers.slice(0, 2), names, brief)).toEqual([
      '2 đơn vị chưa có đủ số liệu hồ sơ thủ tục hành chính: UBND thành phố Long Xuyên (tháng 11, 12/2024) và UBND huyện Châu Thành (tháng 12/2024)',
    ]);
    expect(incompleteLines([{ what: 'dossiers', unit_code: 'AG.TT', months: ['2024-11'] }], names, brief)).toEqual([
      'UBND huyện Tri Tôn: chưa có số liệu hồ sơ thủ tục hành chính tháng 11/2024',
    ]);
  });
});
