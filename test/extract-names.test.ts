/**
 * How a lead is named: titles standing for the bodies their holders head, and sentences addressing
 * several bodies (docs/extract.md, "How a notice is read", 7 and 8). Sentences of our own.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractNotice } from '../src/extract/index.ts';
import { agencyOf } from '../src/extract/titles.ts';
import { readUnits, type Unit } from '../src/extract/units.ts';

let units: Unit[];
beforeAll(async () => {
  units = await readUnits(path.join(import.meta.dirname, 'fixtures/extract/units.csv'));
});

/** A Government Office notice: its names are kept as written, none is a unit of the table. */
const vpcp = (body: string) =>
  `VĂN PHÒNG CHÍNH PHỦ\nSố: 701/TB-VPCP\nHà Nội, ngày 21 tháng 11 năm 2025\n\nTHÔNG BÁO\nKết luận của Phó Thủ tướng\n\nPhó Thủ tướng kết luận như sau:\n${body}\nNơi nhận:`;
const leads = (text: string) => extractNotice(text, { units }).rows.map((r) => r.task.lead_unit);

describe('agencyOf(lead): titles read as the bodies their holders head', () => {
  it('gives the body a title heads, and "các" once at the head of a list', () => {
    expect(agencyOf('Bộ trưởng, Thủ trưởng các cơ quan ngang bộ, cơ quan thuộc Chính phủ')).toBe(
      'các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ',
    );
    expect(agencyOf('Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ')).toBe('các bộ, cơ quan ngang bộ');
    expect(agencyOf('Chủ tịch Ủy ban nhân dân các huyện')).toBe('Ủy ban nhân dân các huyện');
    expect(agencyOf('Giám đốc các sở, ngành')).toBe('các sở, ngành');
    expect(agencyOf('Cục trưởng Cục Hải quan các tỉnh')).toBe('Cục Hải quan các tỉnh');
    expect(agencyOf('Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch')).toBe('Bộ Văn hóa, Thể thao và Du lịch');
    expect(agencyOf('Trưởng Ban Quản lý khu kinh tế')).toBe('Ban Quản lý khu kinh tế');
    expect(agencyOf('Chánh Văn phòng Ủy ban nhân dân tỉnh')).toBe('Văn phòng Ủy ban nhân dân tỉnh');
  });

  it("drops a head's title written alone before the bodies it heads", () => {
    expect(agencyOf('Chủ tịch Hội đồng thành viên, Tổng giám đốc các tổng công ty nhà nước')).toBe(
      'các tổng công ty nhà nước',
    );
  });

  it('reads "Thi hành án dân sự tỉnh" as a body named by its level, in a list after "Giao"', () => {
    expect(
      leads(
        vpcp(
          '1. Giao Thi hành án dân sự tỉnh, Công an tỉnh phối hợp tổ chức cưỡng chế theo quy định.\n2. Thi hành án dân sự tỉnh tổng hợp kết quả thi hành các bản án.',
        ),
      ),
    ).toEqual(['Thi hành án dân sự tỉnh', 'Công an tỉnh', 'Thi hành án dân sự tỉnh']);
    // By its usual initials, as the notices write it once named.
    expect(leads(vpcp('1. Do đó, yêu cầu THADS tỉnh chủ trì tổ chức thi hành dứt điểm vụ việc.'))).toEqual([
      'THADS tỉnh',
    ]);
  });
  it('reads no plural of matters as an addressee, and ends a name at "hoàn thiện"', () => {
    expect(
      leads(
        vpcp(
          '2. Các nhiệm vụ cần tập trung trong thời gian tới:\n- Yêu cầu Trung tâm Phục vụ hành chính công tỉnh hoàn thiện quy chế hoạt động.\n- Các giải pháp cần được Sở Nội vụ hướng dẫn cụ thể.',
        ),
      ),
    ).toEqual(['Trung tâm Phục vụ hành chính công tỉnh', '']);
  });
  it('reads "Hiệp hội …" as a body, as "Hội …" is', () => {
    expect(leads(vpcp('1. Hội Tin học và Hiệp hội Du lịch hoàn thành tổ chức đại hội nhiệm kỳ.'))).toEqual([
      'Hội Tin học',
      'Hiệp hội Du lịch',
    ]);
  });
  it('keeps a ward named with its old city after a dash whole', () => {
    const letter =
      'ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG\nSố: 12/UBND-NC\nLâm Đồng, ngày 8 tháng 7 năm 2026\n' +
      'Chủ tịch Ủy ban nhân dân tỉnh có ý kiến như sau:\n' +
      '1. UBND phường Lâm Viên - Đà Lạt tiếp tục vận động người dân chấp hành bản án.\nNơi nhận:';
    expect(leads(letter)).toEqual(['Ủy ban nhân dân phường Lâm Viên - Đà Lạt']);
  });
  it('leaves a name with no title as it is, accents telling "Trường" from "Trưởng"', () => {
    expect(agencyOf('Sở Nông nghiệp và Môi trường')).toBe('Sở Nông nghiệp và Môi trường');
    expect(agencyOf('Trường Cao đẳng Kỹ thuật')).toBe('Trường Cao đẳng Kỹ thuật');
    expect(agencyOf('các bộ, cơ quan ngang bộ')).toBe('các bộ, cơ quan ngang bộ');
    expect(agencyOf('Chủ tịch nước')).toBe('Chủ tịch nước');
  });
});

describe('leads named through titles in a notice kept as written', () => {
  it("names the ministries and provinces' committees, not their heads, and notes the titles", () => {
    const x = extractNotice(
      vpcp(
        '1. Yêu cầu Bộ trưởng, Thủ trưởng các cơ quan ngang bộ, cơ quan thuộc Chính phủ và Chủ tịch UBND các tỉnh, thành phố trực thuộc Trung ương rà soát các quy chuẩn về chỗ đỗ xe.',
      ),
      { units },
    );
    expect(x.rows.map((r) => r.task.lead_unit)).toEqual([
      'các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ',
      'Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương',
    ]);
    expect(x.rows[0]!.review).toMatch(/written "Bộ trưởng, Thủ trưởng/);
  });

  it('reads "Giám đốc các Sở" in another province\'s notice as its departments, one row as written', () => {
    expect(
      leads(
        'ỦY BAN NHÂN DÂN TỈNH NGHỆ AN\nSố: 90/KH-UBND\nNghệ An, ngày 03 tháng 02 năm 2025\n\nKẾ HOẠCH\n\n1. Giám đốc các Sở chỉ đạo rà soát hồ sơ đất đai.',
      ),
    ).toEqual(['các Sở']);
  });
});

describe('a heading that names its addressees by their heads', () => {
  it('gives the items under it to the bodies the titles head, each its row', () => {
    // Without titles ("1. Các cơ quan chuyên môn …") the heading was read already; with them it named no one.
    const text =
      'ỦY BAN NHÂN DÂN TỈNH NGHỆ AN\nSố: 91/UBND-NC\nNghệ An, ngày 10 tháng 3 năm 2025\n\n' +
      'Chủ tịch UBND tỉnh yêu cầu thực hiện một số nhiệm vụ sau:\n' +
      '1. Thủ trưởng các cơ quan chuyên môn thuộc UBND tỉnh và Chủ tịch UBND các xã, phường\n' +
      'a) Rà soát thủ tục hành chính thuộc thẩm quyền.\n' +
      'b) Công khai kết quả giải quyết hồ sơ trên Cổng dịch vụ công.\n' +
      '2. Trưởng Ban Quản lý Khu kinh tế\na) Hướng dẫn doanh nghiệp thực hiện thủ tục đầu tư.\n';
    expect(leads(text)).toEqual([
      'các cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh',
      'Ủy ban nhân dân các xã, phường',
      'các cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh',
      'Ủy ban nhân dân các xã, phường',
      'Ban Quản lý Khu kinh tế',
    ]);
  });
});

describe('generic plural addressees kept as written, whole', () => {
  it('goes on over a plural of the same kinds written with "các" again, but not over the state groups', () => {
    expect(leads(vpcp('1. Các Bộ, ngành, các địa phương chủ động ứng phó với bão số 9.'))).toEqual([
      'Các Bộ, ngành, các địa phương',
    ]);
    expect(leads(vpcp('1. Yêu cầu các bộ, ngành, các tập đoàn, tổng công ty nhà nước rà soát tiến độ.'))).toEqual([
      'các bộ, ngành',
      'các tập đoàn, tổng công ty nhà nước',
    ]);
  });

  it('reads "các ngành" after a named body as an addressee of its own, with the kinds after it', () => {
    expect(
      leads(vpcp('1. Bộ Công an, các ngành, các cơ quan, địa phương có liên quan cần rà soát các điểm sạt lở.')),
    ).toEqual(['Bộ Công an', 'các ngành, các cơ quan, địa phương có liên quan']);
  });

  it("ends a lead-in's list of kinds on its colon", () => {
    expect(
      leads(
        vpcp(
          'Yêu cầu các bộ, ngành, địa phương, đơn vị, cá nhân liên quan:\n- Rà soát khối lượng còn lại của từng dự án.\n- Bổ sung nhân lực cho các gói thầu chậm.',
        ),
      ),
    ).toEqual([
      'các bộ, ngành, địa phương, đơn vị, cá nhân liên quan',
      'các bộ, ngành, địa phương, đơn vị, cá nhân liên quan',
    ]);
  });
});

describe('one sentence addressing several bodies: one row each', () => {
  it('reads the parties a list names by their kind after a body named, each as written', () => {
    expect(
      leads(
        vpcp(
          '1. Đề nghị Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam, Hội nông dân nhỏ và vừa, các hội nghề nghiệp, các tổ chức xã hội, đoàn thể nhân dân có biện pháp hỗ trợ bà con.',
        ),
      ),
    ).toEqual([
      'Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam',
      'Hội nông dân nhỏ và vừa',
      'các hội nghề nghiệp',
      'các tổ chức xã hội',
      'đoàn thể nhân dân',
    ]);
    expect(
      leads(vpcp('1. Đề nghị Kiểm toán Nhà nước và các cơ quan chức năng tạo điều kiện cho doanh nghiệp.')),
    ).toEqual(['Kiểm toán Nhà nước', 'các cơ quan chức năng']);
  });

  it("reads a project's parties one by one, a role with its kind's words, a role and its body by a slash as one", () => {
    expect(
      leads(vpcp('1. Yêu cầu các tỉnh, các Chủ đầu tư, Ban Quản lý dự án, nhà thầu thi công cần phải tăng ca.')),
    ).toEqual(['các tỉnh', 'các chủ đầu tư', 'Ban Quản lý dự án', 'nhà thầu thi công']);
    expect(leads(vpcp('1. Các Chủ đầu tư/Ban Quản lý dự án, tư vấn, các nhà thầu tiếp tục rà soát tiến độ.'))).toEqual([
      'Các Chủ đầu tư/Ban Quản lý dự án',
      'tư vấn',
      'các nhà thầu',
    ]);
  });

  it('ends a kind at a word of manner, and keeps "cổ phần" (no "có") in it', () => {
    expect(
      leads(
        vpcp('1. Ngân hàng Nhà nước Việt Nam và các ngân hàng thương mại cổ phần quyết liệt giải ngân gói tín dụng.'),
      ),
    ).toEqual(['Ngân hàng Nhà nước Việt Nam', 'các ngân hàng thương mại cổ phần']);
    expect(leads(vpcp('1. Chủ đầu tư thường xuyên kiểm tra chất lượng thi công.'))).toEqual(['Chủ đầu tư']);
  });
});

describe('where a list of addressees ends', () => {
  it('keeps a kind named after its preposition in the group ("cơ quan khác ở Trung ương"), then reads on', () => {
    expect(
      leads(
        vpcp(
          '1. Bộ Tài chính, các Bộ, cơ quan ngang Bộ, cơ quan khác ở Trung ương, Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương khẩn trương triển khai dự toán.',
        ),
      ),
    ).toEqual([
      'Bộ Tài chính',
      'các Bộ, cơ quan ngang Bộ, cơ quan khác ở Trung ương',
      'Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương',
    ]);
  });

  it("ends a list's members at a group, and reads a kind after the communes as an addressee of its own", () => {
    expect(
      leads(
        vpcp('1. Các sở: Nội vụ, Xây dựng và UBND các xã, phường và các đơn vị có liên quan: Rà soát hồ sơ mời thầu.'),
      ),
    ).toEqual(['Sở Nội vụ', 'Sở Xây dựng', 'Ủy ban nhân dân các xã, phường', 'các đơn vị có liên quan']);
  });

  it('ends a party committee\'s name at "lãnh đạo", the body it guides after it', () => {
    expect(
      leads(
        vpcp(
          '1. Giao Đảng ủy Mặt trận Tổ quốc Việt Nam tỉnh Gia Lai lãnh đạo Ủy ban Mặt trận Tổ quốc tỉnh triển khai cuộc vận động.',
        ),
      ),
    ).toEqual(['Đảng ủy Mặt trận Tổ quốc Việt Nam tỉnh Gia Lai']);
  });

  it('keeps the heading\'s addressee over a point whose act goes on ", yêu cầu X …"', () => {
    expect(
      leads(
        vpcp(
          '1. Bộ Xây dựng:\n- Tăng cường kiểm tra các công trường trên tuyến, yêu cầu các nhà thầu bổ sung thiết bị thi công.',
        ),
      ),
    ).toEqual(['Bộ Xây dựng']);
  });

  it('gives no row for a sentence that only says who answers for a delay', () => {
    expect(
      leads(
        vpcp(
          '1. Giao Bộ Xây dựng hoàn thành thẩm định dự án trước ngày 30/12/2025. Bộ trưởng Bộ Xây dựng chịu hoàn toàn trách nhiệm trước Thủ tướng Chính phủ nếu để chậm trễ.',
        ),
      ),
    ).toEqual(['Bộ Xây dựng']);
  });

  it("leaves out the governor's title before the bank", () => {
    expect(
      leads(vpcp('1. Thống đốc Ngân hàng Nhà nước Việt Nam chỉ đạo các tổ chức tín dụng rà soát nợ xấu.')),
    ).toEqual(['Ngân hàng Nhà nước Việt Nam']);
  });

  it('ends a name at "theo chức năng", the manner of the act after its subject', () => {
    expect(
      leads(
        vpcp(
          '1. Yêu cầu Ủy ban nhân dân tỉnh Gia Lai, Ban Quản lý Khu kinh tế Nhơn Hội theo chức năng, nhiệm vụ được giao khẩn trương bàn giao mặt bằng.',
        ),
      ),
    ).toEqual(['Ủy ban nhân dân tỉnh Gia Lai', 'Ban Quản lý Khu kinh tế Nhơn Hội']);
  });
});

describe('bodies written by their initials, and kinds written one after the other', () => {
  it("reads a body's initials in capitals as a list's member, not the known abbreviations", () => {
    expect(leads(vpcp('1. Bộ Công Thương, EVN nghiên cứu phương án cấp điện cho khu công nghiệp.'))).toEqual([
      'Bộ Công Thương',
      'EVN',
    ]);
    expect(leads(vpcp('1. Bộ Xây dựng, UBND các tỉnh rà soát quỹ đất.'))).toEqual([
      'Bộ Xây dựng',
      'Ủy ban nhân dân các tỉnh',
    ]);
  });

  it('keeps "các Bộ ngành, cơ quan và địa phương có liên quan" whole', () => {
    expect(
      leads(vpcp('1. Yêu cầu các Bộ ngành, cơ quan và địa phương có liên quan giải quyết các nhiệm vụ được giao.')),
    ).toEqual(['các Bộ ngành, cơ quan và địa phương có liên quan']);
  });
});

describe("a heading's mention that names no addressee", () => {
  it('keeps the lead-in\'s addressees under "Yêu cầu chung:" and under a heading citing the directions of a body above', () => {
    expect(
      leads(
        vpcp(
          'Phó Thủ tướng yêu cầu Bộ Xây dựng, Bộ Tài chính thực hiện một số nội dung sau:\n' +
            '1. Yêu cầu chung:\n' +
            '1.1. Quán triệt và thực hiện nghiêm chỉ đạo của Thủ tướng Chính phủ:\n' +
            '- Rà soát các gói thầu chậm tiến độ.\n' +
            '1.2. Đối với công tác lựa chọn nhà thầu:\n' +
            '- Công khai kết quả lựa chọn.',
        ),
      ),
    ).toEqual(['Bộ Xây dựng', 'Bộ Tài chính', 'Bộ Xây dựng', 'Bộ Tài chính']);
  });
});

describe('"từng …": each of many kinds, one addressee as written', () => {
  it('runs over the commas and "cán bộ" to the word of manner', () => {
    expect(
      leads(
        vpcp(
          '1. Yêu cầu từng bộ, ngành, địa phương, từng cán bộ, công chức, các chủ đầu tư, các đơn vị tư vấn tích cực đổi mới cách làm, khắc phục khó khăn.',
        ),
      ),
    ).toEqual(['từng bộ, ngành, địa phương, từng cán bộ, công chức, các chủ đầu tư, các đơn vị tư vấn']);
  });
});

describe('kinds listed before the level they all belong to', () => {
  it('reads "Tổng công ty, công ty và các đơn vị trực thuộc Thành phố" as one addressee, kinds without one apart', () => {
    expect(
      leads(
        vpcp(
          '1. Yêu cầu các sở, ban, ngành, UBND các xã, phường, Tổng công ty, công ty và các đơn vị trực thuộc Thành phố nghiên cứu quy định đấu thầu.',
        ),
      ),
    ).toEqual([
      'các sở, ban, ngành',
      'Ủy ban nhân dân các xã, phường',
      'Tổng công ty, công ty và các đơn vị trực thuộc Thành phố',
    ]);
  });
});
