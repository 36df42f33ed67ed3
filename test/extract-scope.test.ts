/**
 * The scope of a lead-in over the points under it, and which date belongs to each part (docs/extract.md,
 * "How a notice is read", 3, 6 and 10). Each expected row is a hand reading of the short text.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { toBlocks } from '../src/extract/blocks.ts';
import { findDeadline } from '../src/extract/deadline.ts';
import { extractNotice } from '../src/extract/index.ts';
import { readUnits, type Unit } from '../src/extract/units.ts';

let units: Unit[];
beforeAll(async () => {
  units = await readUnits(path.join(import.meta.dirname, 'fixtures/extract/units.csv'));
});

// A Government Office notice: its names are kept as written.
const vpcp = (body: string) =>
  `VĂN PHÒNG CHÍNH PHỦ\nSố: 710/TB-VPCP\nHà Nội, ngày 25 tháng 11 năm 2025\n\nTHÔNG BÁO\nKết luận của Phó Thủ tướng\n\nPhó Thủ tướng kết luận như sau:\n${body}\nNơi nhận:`;
const pairs = (text: string) => extractNotice(text, { units }).rows.map((r) => [r.task.lead_unit, r.task.due_on]);

describe('the date of an aim', () => {
  it("gives way to the action's date, and is the due only when the task has no other", () => {
    expect(
      findDeadline(
        'hoàn thiện hồ sơ, báo cáo Thủ tướng Chính phủ trong tháng 5 năm 2026, phấn đấu khởi công trước ngày 2/9/2026',
      ),
    ).toMatchObject({ due: '2026-05-31' });
    expect(findDeadline('rà soát tiến độ theo mục tiêu hoàn thành thông tuyến trong tháng 12 năm 2026')).toMatchObject({
      due: '2026-12-31',
      aim: true,
    });
    // "Chương trình mục tiêu quốc gia" is a programme's name, no aim.
    expect(
      findDeadline('lồng ghép vào Chương trình mục tiêu quốc gia, báo cáo trước ngày 15/12/2025').aim,
    ).toBeUndefined();
  });
});

describe('the scope of a lead-in and the date of its points', () => {
  it('gives every point of a dated lead-in its date, whoever the point names, and no row to the lead-in itself', () => {
    expect(
      pairs(
        vpcp(
          'Phó Thủ tướng yêu cầu các địa phương hoàn thành bàn giao mặt bằng trước ngày 30 tháng 6 năm 2026, cụ thể:\n' +
            '- Tỉnh Thái Nguyên: Di dời đường điện trung thế còn lại.\n' +
            '- Tỉnh Bắc Ninh: Hoàn thành bồi thường cho 05 hộ dân.',
        ),
      ),
      // A province's name is written "tỉnh …" wherever it stands (the names' own rule).
    ).toEqual([
      ['tỉnh Thái Nguyên', '2026-06-30'],
      ['tỉnh Bắc Ninh', '2026-06-30'],
    ]);
  });

  it("gives the addressee of an assignment to the points of a lead-in naming no one after it, but not the assignment's date", () => {
    expect(
      pairs(
        vpcp(
          'Phó Thủ tướng giao Bộ Tài chính chủ trì xây dựng đề án về quỹ đầu tư, trình Thủ tướng Chính phủ trước ngày 15 tháng 12 năm 2025.\n\n' +
            'Trong đó, Phó Thủ tướng lưu ý:\n\n' +
            '- Xác định rõ nguồn vốn của quỹ và cơ chế giám sát.\n\n' +
            '- Rà soát các quy định về quản lý quỹ hiện hành.',
        ),
      ),
    ).toEqual([
      ['Bộ Tài chính', '2025-12-15'],
      ['Bộ Tài chính', ''],
      ['Bộ Tài chính', ''],
    ]);
  });

  it('passes no date to points that a clause after the dated one introduces', () => {
    expect(
      pairs(
        vpcp(
          'Giao Bộ Y tế hoàn thiện dự thảo Nghị định, trình Chính phủ trước ngày 20 tháng 12 năm 2025; trong đó lưu ý các nội dung sau:\n' +
            '(1) Bổ sung cơ chế hỗ trợ các trạm y tế xã.\n' +
            '(2) Rà soát các thủ tục cấp phép hành nghề.',
        ),
      ),
    ).toEqual([
      ['Bộ Y tế', '2025-12-20'],
      ['Bộ Y tế', ''],
      ['Bộ Y tế', ''],
    ]);
  });

  it("passes no aim's date to the points, and gives no row to a lead-in its points divide", () => {
    expect(
      pairs(
        vpcp(
          'Để phấn đấu khánh thành công trình trước ngày 19 tháng 12 năm 2025, yêu cầu Bộ Xây dựng và Ủy ban nhân dân tỉnh Ninh Bình tập trung một số nội dung sau:\n' +
            '(1) Bộ Xây dựng chỉ đạo nhà thầu tăng ca thi công.\n' +
            '(2) Ủy ban nhân dân tỉnh Ninh Bình hoàn thành giải phóng mặt bằng.',
        ),
      ),
    ).toEqual([
      ['Bộ Xây dựng', ''],
      ['Ủy ban nhân dân tỉnh Ninh Bình', ''],
    ]);
  });

  it("ends a point at an article's bold subheading: the passage under it is no part of the point", () => {
    const text = vpcp(
      'Phó Thủ tướng yêu cầu các địa phương hoàn thành bàn giao mặt bằng trước ngày 30 tháng 6 năm 2026, cụ thể:\n\n' +
        '- Tỉnh Bắc Ninh: Hoàn thành bồi thường cho 05 hộ dân.\n\n' +
        '**Bảo đảm chất lượng công trình**\n\n' +
        'Bộ Xây dựng tăng cường kiểm tra chất lượng thi công các gói thầu.',
    );
    expect(toBlocks(text).find((b) => b.text.startsWith('Bảo đảm'))?.heading).toBe(true);
    expect(pairs(text)).toEqual([
      ['tỉnh Bắc Ninh', '2026-06-30'],
      ['Bộ Xây dựng', ''],
    ]);
  });
});
