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
    expect(findDeadline('phấn đấu hoàn thành thông tuyến trong tháng 12 năm 2026')).toMatchObject({
      due: '2026-12-31',
      aim: true,
    });
    // A target's date is the target's: no deadline.
    expect(findDeadline('rà soát tiến độ theo mục tiêu hoàn thành thông tuyến trong tháng 12 năm 2026')).toMatchObject({
      kind: 'none',
    });
    // "Chương trình mục tiêu quốc gia" is a programme's name, no aim.
    const named = findDeadline(
      'lồng ghép vào Chương trình mục tiêu quốc gia giảm nghèo, báo cáo trước ngày 15/12/2025',
    );
    expect(named).toMatchObject({ due: '2025-12-15' });
    expect(named.aim).toBeUndefined();
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

describe('which date is a deadline', () => {
  it('reads the day of an event named a line before it, but not the day that says which works are meant', () => {
    expect(
      findDeadline(
        'phải khánh thành Cảng hàng không quốc tế Long Thành giai đoạn 1 và dự án nâng cấp sân bay Nội Bài vào ngày 19 tháng 12 năm 2025',
      ),
    ).toMatchObject({ due: '2025-12-19' });
    expect(findDeadline('ưu tiên những hạng mục, công trình hoàn thành vào ngày 19 tháng 12 năm 2025')).toMatchObject({
      kind: 'none',
    });
    expect(
      findDeadline(
        'xây dựng phim tư liệu, nhất là các công trình, dự án khánh thành, khởi công vào ngày 19 tháng 12 năm 2025',
      ),
    ).toMatchObject({ kind: 'none' });
  });

  it("reads a day without its year after a yearly duty as that duty's yearly day", () => {
    expect(
      findDeadline('Định kỳ gửi Sở Nội vụ kết quả thực hiện hằng năm (trước ngày 20 tháng 11)', '2026-03-01'),
    ).toMatchObject({
      kind: 'ongoing',
      due: null,
    });
  });

  it('starts a new task at a sentence that opens on a recurring duty after a dated one', () => {
    expect(
      pairs(
        vpcp(
          '1. Bộ Nội vụ ban hành kế hoạch triển khai trong tháng 01 năm 2026. Định kỳ hằng quý báo cáo Thủ tướng Chính phủ kết quả thực hiện.',
        ),
      ),
    ).toEqual([
      ['Bộ Nội vụ', '2026-01-31'],
      ['Bộ Nội vụ', ''],
    ]);
  });

  it('gives no row to a dated heading phrase over points naming their own addressees, a name it only mentions aside', () => {
    expect(
      pairs(
        vpcp(
          '(3) Công tác chuẩn bị lễ khánh thành các công trình vào ngày 19 tháng 12 năm 2025 để chào mừng Đại hội Đảng toàn quốc lần thứ XIV\n' +
            '- Bộ Xây dựng tổng hợp danh mục các công trình.\n' +
            '- Các địa phương chuẩn bị điểm cầu tại công trình.',
        ),
      ),
    ).toEqual([
      ['Bộ Xây dựng', ''],
      ['Các địa phương', ''],
    ]);
  });
});

describe('a quoted provision', () => {
  it('is quoted though its lead-in speaks of "giao thông", which assigns nothing', () => {
    expect(
      pairs(
        vpcp(
          'Giao Bộ Xây dựng rà soát hệ thống biển báo, báo cáo Thủ tướng Chính phủ trước ngày 30/01/2026.\n' +
            'Theo Điều 6 Quy chuẩn kỹ thuật quốc gia về báo hiệu đường bộ có quy định về điều khiển giao thông bằng đèn tín hiệu như sau:\n' +
            '(1) Đèn tín hiệu có ba màu xanh, vàng và đỏ.\n' +
            '(2) Người tham gia giao thông phải chấp hành hiệu lệnh của đèn tín hiệu.',
        ),
      ),
    ).toEqual([['Bộ Xây dựng', '2026-01-30']]);
  });
});

describe('a requirement on the thing a task makes', () => {
  it('gives no row to a point whose subject is the draft or the works, then "phải"', () => {
    expect(
      pairs(
        vpcp(
          'Giao Bộ Tư pháp hoàn thiện dự thảo Nghị định, trình Chính phủ trước ngày 15/01/2026; trong đó lưu ý:\n' +
            '(1) Nghị định phải quy định rõ trách nhiệm của từng cơ quan.\n' +
            '(2) Rà soát các thủ tục hành chính liên quan.',
        ),
      ),
    ).toEqual([
      ['Bộ Tư pháp', '2026-01-15'],
      ['Bộ Tư pháp', ''],
    ]);
  });

  it('gives none to a point on how the act is to be done, "Việc …" then "phải"', () => {
    expect(
      pairs(
        vpcp(
          'Giao Bộ Tài chính chuyển giao vốn nhà nước tại Tổng công ty về Ủy ban nhân dân tỉnh trước ngày 30/6/2026; trong đó lưu ý:\n' +
            '- Việc chuyển giao phải bảo đảm đúng quy định của pháp luật.\n' +
            '- Báo cáo kết quả với Thủ tướng Chính phủ.',
        ),
      ),
    ).toEqual([
      ['Bộ Tài chính', '2026-06-30'],
      ['Bộ Tài chính', ''],
    ]);
  });
});

describe('a second addressee after "; "', () => {
  it('opens a task of its own when written in lower case and acting right away', () => {
    expect(
      pairs(
        vpcp(
          '1. Giao Bộ Y tế rà soát danh mục thuốc, trình Thủ tướng trước ngày 30/6/2026; các địa phương cần bố trí kinh phí mua sắm thuốc.',
        ),
      ),
    ).toEqual([
      ['Bộ Y tế', '2026-06-30'],
      ['các địa phương', ''],
    ]);
  });

  it('reads "; đối với" and a kind as what the act concerns, not a second addressee', () => {
    expect(
      pairs(
        vpcp(
          '1. Giao Bộ Xây dựng đôn đốc các gói thầu trên tuyến; đối với các nhà thầu chậm tiến độ cần kịp thời điều chuyển khối lượng.',
        ),
      ),
    ).toEqual([['Bộ Xây dựng', '']]);
  });

  it('does not cut a name that goes on with a capital after "; "', () => {
    expect(pairs(vpcp('1. Giao Sở Nội vụ thành lập Tổ công tác; thường trực Tổ Chỉ đạo là Sở Nội vụ.'))).toEqual([
      ['Sở Nội vụ', ''],
    ]);
  });
});

describe('a permission', () => {
  it('gives no row to a body that "có thể" do a thing', () => {
    expect(
      pairs(
        vpcp(
          '1. Giao Bộ Tài chính hướng dẫn việc miễn phí.\n2. Ngoài ra, các địa phương có thể giảm phí cho hộ nghèo.',
        ),
      ),
    ).toEqual([['Bộ Tài chính', '']]);
  });
});

describe('a leader who only speaks', () => {
  it('is no lead of the remark that follows "nhấn mạnh, …"', () => {
    const remark = 'Phó Thủ tướng Trần Hồng Hà nhấn mạnh, cần bảo đảm an toàn lao động trên các công trường.';
    // In prose under no addressee the remark asks no one and gives no row; as an item it is a row with no lead.
    expect(pairs(vpcp(`Giao Bộ Xây dựng rà soát định mức xây dựng.\n\n${remark}`))).toEqual([['Bộ Xây dựng', '']]);
    expect(pairs(vpcp(`1. Giao Bộ Xây dựng rà soát định mức xây dựng.\n2. ${remark}`))).toEqual([
      ['Bộ Xây dựng', ''],
      ['', ''],
    ]);
  });
});
