/**
 * How the copies of a notice come: an article that quotes a letter and then explains the law around it, a
 * letter's own layout (docs/extract.md, "How a notice is read", 3 and 4). Each expected row is a hand reading
 * of the short text.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { toBlocks } from '../src/extract/blocks.ts';
import { extractNotice } from '../src/extract/index.ts';
import { readUnits, type Unit } from '../src/extract/units.ts';

let units: Unit[];
beforeAll(async () => {
  units = await readUnits(path.join(import.meta.dirname, 'fixtures/extract/units.csv'));
});

const pairs = (text: string) => extractNotice(text, { units }).rows.map((r) => [r.task.lead_unit, r.task.due_on]);
/** A letter of UBND tỉnh An Giang of 8 April 2025: its header, the text given, its "Nơi nhận". */
const agLetter = (text: string) =>
  'ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 40/UBND-NC\nAn Giang, ngày 8 tháng 4 năm 2025\n' +
  text +
  '\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n';

describe("an article's explainer sections", () => {
  it('ends the letter at a question heading even when the lead-in would be sought after it', () => {
    // The letter's task is a paragraph with no colon; the first "… như sau:" is the law's, under the question.
    const article =
      '# Bộ Y tế được giao rà soát giá thuốc\n\n### Nội dung chính\n\n' +
      'Ngày 5/3/2025, Văn phòng Chính phủ có Công văn 999/VPCP-KGVX về giá thuốc.\n\n' +
      'Phó Thủ tướng yêu cầu Bộ Y tế rà soát giá thuốc, báo cáo Thủ tướng Chính phủ trước ngày 30/4/2025.\n\n' +
      '## Giá thuốc được quản lý thế nào?\n\n' +
      'Theo Điều 107 Luật Dược quy định về giá thuốc giao dịch trên thị trường như sau:\n\n' +
      '(1) Thuốc phải được kê khai giá trước khi lưu hành.\n\n' +
      '- Cơ sở bán lẻ niêm yết giá tại nơi bán.\n\n' +
      'Trường hợp tăng giá, cơ sở kê khai lại giá thuốc.\n';
    expect(pairs(article)).toEqual([['Bộ Y tế', '2025-04-30']]);
  });

  it('gives no rows under a heading whose passage opens on a provision or on the making of a law', () => {
    const article =
      '# Sửa đổi lệ phí trước bạ\n\n' +
      'Tại Thông báo 88/TB-VPCP, Thủ tướng yêu cầu Bộ Tài chính sửa đổi Nghị định về lệ phí trước ngày 15/6/2025.\n\n' +
      '## Lệ phí trước bạ theo Nghị định 10/2022\n\n' +
      'Tại Điều 8 Nghị định 10/2022/NĐ-CP có nêu mức thu như sau:\n\n' +
      '(1) Nhà, đất: mức thu là 0,5%.\n\n' +
      'Tổ chức, cá nhân kê khai và nộp lệ phí theo quy định.\n\n' +
      '## Chủ trương đầu tư đường vành đai\n\n' +
      'Ngày 16/6/2022, Quốc hội thông qua Nghị quyết 56/2022/QH15 về chủ trương đầu tư Dự án.\n\n' +
      'Các địa phương bố trí vốn đối ứng theo tiến độ Dự án.\n';
    expect(pairs(article)).toEqual([['Bộ Tài chính', '2025-06-15']]);
  });
});

describe("a letter's numbering", () => {
  it('reads decimal items of the third level and letters with a stop as items', () => {
    const blocks = toBlocks(
      '1.3. Đối với các dự án có sử dụng đất:\n1.3.1. Đề nghị UBND các xã:\na. Rà soát danh mục dự án.\n' +
        'b. Lập hồ sơ mời thầu, trình thẩm định\ntrong quý I.\n1.3.2. Sở Tài chính: thẩm định hồ sơ.',
    );
    expect(blocks.map((b) => [b.level, b.firstLine, b.text])).toEqual([
      [3, 1, 'Đối với các dự án có sử dụng đất:'],
      [3.5, 2, 'Đề nghị UBND các xã:'],
      [4, 3, 'Rà soát danh mục dự án.'],
      [4, 4, 'Lập hồ sơ mời thầu, trình thẩm định trong quý I.'],
      [3.5, 6, 'Sở Tài chính: thẩm định hồ sơ.'],
    ]);
  });

  it('reads a bullet "•" as a point like a dash, under a letter, and "*" as a section', () => {
    const blocks = toBlocks(
      '2. Các việc cần làm ngay:\na. Về phối hợp:\n• Giao Sở Nội vụ hướng dẫn.\n• Giao Sở Tư pháp rà soát.',
    );
    expect(blocks.map((b) => [b.kind, b.level, b.text])).toEqual([
      ['num', 2, 'Các việc cần làm ngay:'],
      ['letter', 4, 'Về phối hợp:'],
      ['dash', 6, 'Giao Sở Nội vụ hướng dẫn.'],
      ['dash', 6, 'Giao Sở Tư pháp rà soát.'],
    ]);
    expect(toBlocks('* Về cải cách hành chính:')[0]).toMatchObject({ kind: 'star', level: 1 });
  });
  it('reads a range of years broken at its dash as one line, no dash item', () => {
    const blocks = toBlocks(
      '1. Cho phép chuyển nguồn kinh phí của giai đoạn 2021\n- 2025 sang giai đoạn sau.\n- Rà soát nguồn vốn còn lại.',
    );
    expect(blocks.map((b) => [b.kind, b.firstLine, b.text])).toEqual([
      ['num', 1, 'Cho phép chuyển nguồn kinh phí của giai đoạn 2021 - 2025 sang giai đoạn sau.'],
      ['dash', 3, 'Rà soát nguồn vốn còn lại.'],
    ]);
  });

  it("goes on over a layout copy's line that opens on a number, not a capital, under a short line", () => {
    const wrapped = '     các công trình nhà ở riêng lẻ kết hợp sản xuất, kinh doanh trên địa bàn xã\n';
    const blocks = toBlocks(
      '            Sở Xây dựng chủ trì, phối hợp với Công an tỉnh rà soát toàn bộ\n' +
        wrapped.repeat(20) +
        '     phường, báo cáo trước ngày 30/7/2026.\n' +
        '            Bộ Xây dựng ban hành Quyết định số\n' +
        '     1074/QĐ-BXD về các giải pháp an toàn phòng cháy.\n',
    );
    expect(blocks.map((b) => [b.firstLine, b.lastLine])).toEqual([
      [1, 22],
      [23, 24],
    ]);
  });

  it("goes on over a name wrapped inside a list of names, though the item's first line looks like a heading", () => {
    const notice =
      'VĂN PHÒNG CHÍNH PHỦ\nSố: 70/TB-VPCP\nHà Nội, ngày 21 tháng 11 năm 2025\n\nTHÔNG BÁO\n\nPhó Thủ tướng kết luận như sau:\n' +
      '1. Bộ Tài chính rà soát dự toán năm 2026.\n' +
      '2. Đài Truyền hình Việt Nam, Đài Tiếng nói Việt\n' +
      'Nam, Thông tấn xã Việt Nam tăng thời lượng tuyên truyền về phòng chống hàng giả.\nNơi nhận:';
    expect(extractNotice(notice, { units }).rows.map((r) => [r.task.lead_unit, r.source_lines])).toEqual([
      ['Bộ Tài chính', '8'],
      ['Đài Truyền hình Việt Nam', '9-10'],
      ['Đài Tiếng nói Việt Nam', '9-10'],
      ['Thông tấn xã Việt Nam', '9-10'],
    ]);
  });

  it('gives the items under a heading its addressee, not a name in a bracketed aside of the heading', () => {
    const letter =
      'UBND Thành phố yêu cầu các sở, ban, ngành thực hiện một số nội dung sau:\n\n' +
      '1.3.1. Đề nghị UBND các xã, phường:\n\n' +
      'a. Rà soát các dự án thu hồi đất (Sở Tài chính đã tổng hợp danh mục tại Văn bản số 97/STC):\n\n' +
      '- Khẩn trương lập hồ sơ mời thầu các dự án.\n';
    expect(pairs(letter)).toEqual([['Ủy ban nhân dân các xã, phường', '']]);
  });
});

describe("a letter's addressees", () => {
  it('gives no row nor heading for the bodies listed under "Kính gửi:"', () => {
    // Without the rule each dash is a row, and the last one heads the paragraph under it.
    const letter = agLetter(
      'V/v góp ý dự thảo quy chế\nKính gửi:\n   - Sở Xây dựng;\n   - Sở Tài chính.\n' +
        'Ủy ban nhân dân tỉnh nhận được dự thảo Quy chế của Bộ Xây dựng về nhà ở xã hội.\n' +
        'Chủ tịch Ủy ban nhân dân tỉnh giao Sở Xây dựng chủ trì, phối hợp với Sở Tài chính góp ý dự thảo, ' +
        'gửi Bộ Xây dựng trước ngày 20/4/2025./.',
    );
    expect(pairs(letter)).toEqual([['AG.SXD', '2025-04-20']]);
  });

  it('drops the list when it starts on the line of "Kính gửi:"', () => {
    const letter = agLetter(
      'V/v góp ý dự thảo quy chế\nKính gửi: - Sở Xây dựng;\n   - Sở Tài chính.\n' +
        'Ủy ban nhân dân tỉnh nhận được dự thảo Quy chế của Bộ Xây dựng về nhà ở xã hội.\n' +
        'Chủ tịch Ủy ban nhân dân tỉnh giao Sở Tài chính góp ý dự thảo./.',
    );
    expect(pairs(letter)).toEqual([['AG.STC', '']]);
  });
});

describe("an office copy's header", () => {
  it('leaves the number and the day blank as the copy does, not those of a paper its text cites', () => {
    const copy =
      'ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố:          /UBND-TD\n' +
      'V/v cung cấp hồ sơ vụ án\tAn Giang, ngày        tháng 4 năm 2025\nKính gửi: Sở Xây dựng.\n' +
      'Ủy ban nhân dân tỉnh có ý kiến như sau:\n' +
      'Giao Sở Xây dựng báo cáo việc ban hành Quyết định số 120/QĐ-UBND ngày 15/01/2009 trước ngày 25/4/2025./.\n' +
      'Nơi nhận:\n- Như trên;\n- Lưu: VT.\n';
    const x = extractNotice(copy, { units });
    expect(x.document).toMatchObject({ doc_no: '', issued_on: '' });
    expect(pairs(copy)).toEqual([['AG.SXD', '2025-04-25']]);
  });
});

describe("a letter's closing", () => {
  const letter = (close: string) =>
    agLetter(
      'Chủ tịch UBND tỉnh yêu cầu thực hiện các nhiệm vụ sau:\n' +
        '1. Sở Xây dựng rà soát quy hoạch các khu dân cư.\n2. Sở Tài chính cân đối vốn cho các dự án.\n' +
        close,
    );

  it('gives no row for the call to carry it out followed by where to turn with problems', () => {
    // Without the rule the paragraph's "đề nghị các sở …" is a row, and the paragraph is hung under item 2.
    const close =
      'Yêu cầu Giám đốc các sở, ngành nghiêm túc thực hiện. Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, ' +
      'đề nghị các sở, ngành kịp thời báo cáo Ủy ban nhân dân tỉnh xem xét, chỉ đạo./.';
    expect(pairs(letter(close))).toEqual([
      ['AG.SXD', ''],
      ['AG.STC', ''],
    ]);
    expect(pairs(letter(`3. ${close}`))).toEqual([
      ['AG.SXD', ''],
      ['AG.STC', ''],
    ]);
  });

  it("keeps a last item of one sentence that only says to carry out: a heading's own point", () => {
    expect(pairs(letter('3. Sở Nội vụ:\n- Phối hợp thực hiện.'))).toEqual([
      ['AG.SXD', ''],
      ['AG.STC', ''],
      ['AG.SNV', ''],
    ]);
  });
});

describe('a letter that forwards a request', () => {
  const letter = (body: string) =>
    agLetter(
      'V/v cung cấp hồ sơ vụ án\nKính gửi: Sở Xây dựng.\n' +
        'Ủy ban nhân dân tỉnh nhận được Văn bản số 55/TA-HC ngày 02/4/2025 của Tòa án nhân dân tỉnh về việc cung cấp hồ sơ.\n' +
        body,
    );

  it('reads "Chuyển X …" opening a sentence as the assignment of X, with no lead-in above it', () => {
    const text = letter(
      'Chuyển Sở Xây dựng kiểm tra, tham mưu Ủy ban nhân dân tỉnh văn bản trả lời; báo cáo trước ngày 25/4/2025./.',
    );
    expect(pairs(text)).toEqual([['AG.SXD', '2025-04-25']]);
  });

  it('leaves "chuyển X" inside a sentence to the body that does it, and "Chuyển đổi …" to no one', () => {
    const text = letter(
      'Giao Sở Tài chính tổng hợp ý kiến, chuyển Sở Xây dựng hoàn thiện hồ sơ. Chuyển đổi hồ sơ giấy sang hồ sơ điện tử theo quy định./.',
    );
    expect(pairs(text)).toEqual([['AG.STC', '']]);
  });
});

describe('points that are what a task acts on', () => {
  it('reads a report that lists what it holds ("… bao gồm:") as one task', () => {
    const letter =
      'UBND Thành phố yêu cầu các đơn vị thực hiện một số nội dung sau:\n\n' +
      '3.1. Báo cáo định kỳ hàng tháng:\n\n' +
      'Yêu cầu các sở, ban, ngành báo cáo số liệu hàng tháng qua Hệ thống mạng đấu thầu quốc gia, bao gồm:\n\n' +
      '(1). Tổng số gói thầu trong kỳ báo cáo;\n\n' +
      '(2). Tổng giá trị trúng thầu trong kỳ báo cáo.\n';
    expect(pairs(letter)).toEqual([['các sở, ban, ngành', '']]);
  });

  it('reads a heading over a list of documents by number as one task, the list its object', () => {
    const letter =
      'UBND Thành phố yêu cầu các sở, ban, ngành thực hiện một số nội dung sau:\n\n' +
      '1.1. Quán triệt và thực hiện nghiêm các văn bản sau:\n\n' +
      '- Luật Đấu thầu số 22/2023/QH15.\n\n' +
      '- Chỉ thị số 24/CT-TTg của Thủ tướng Chính phủ về đẩy mạnh đấu thầu qua mạng.\n\n' +
      '1.2. Lựa chọn tư vấn đấu thầu có đủ năng lực.\n';
    expect(pairs(letter)).toEqual([
      ['các sở, ban, ngành', ''],
      ['các sở, ban, ngành', ''],
    ]);
    expect(extractNotice(letter, { units }).rows[0]!.source_lines).toBe('3-7');
  });
});

describe("an article's news of the issuing", () => {
  it('gives no row for the body that issued the document, nor for what the article hangs under it', () => {
    const article =
      'Văn phòng Trung ương Đảng ban hành Thông báo kết luận 12-TB/VPTW của Thường trực Ban Bí thư tại buổi làm việc với Bộ Y tế về giáo dục sức khỏe.\n\n' +
      'Trong đó, thống nhất chủ trương miễn viện phí cho người cao tuổi.\n\n' +
      '"Giao Đảng ủy Bộ Y tế chỉ đạo xây dựng đề án miễn viện phí, trình trước ngày 30/6/2026."\n';
    expect(pairs(article)).toEqual([['Đảng ủy Bộ Y tế', '2026-06-30']]);
  });
});

describe('an article citing its sources between the duties', () => {
  it('does not carry the addressee into a paragraph that opens on the report it cites', () => {
    const article =
      'Văn phòng Chính phủ có văn bản số 91/VPCP-NN truyền đạt ý kiến chỉ đạo của Thủ tướng Chính phủ.\n\n' +
      'Thủ tướng giao Bộ Tài chính chủ trì nghiên cứu hệ số điều chỉnh giá đất, báo cáo trước ngày 10/9/2025.\n\n' +
      'Theo báo cáo trước đó của Cổng Thông tin điện tử Chính phủ, nhiều ý kiến cho rằng việc ban hành bảng giá đất hằng năm gây tốn kém nguồn lực.\n\n' +
      'Rà soát các trường hợp chuyển mục đích sử dụng đất có nghĩa vụ tài chính quá cao so với thu nhập.\n';
    expect(pairs(article)).toEqual([
      ['Bộ Tài chính', '2025-09-10'],
      ['Bộ Tài chính', ''],
    ]);
  });
});

describe("an article's instructions told in prose before a list", () => {
  it('starts the conclusions at the first paragraph where the leader asks, not at a later intro', () => {
    const article =
      'Văn phòng Chính phủ có Thông báo số 99/TB-VPCP kết luận của Phó Thủ tướng về các dự án cao tốc.\n\n' +
      'Phó Thủ tướng yêu cầu Bộ Xây dựng tập trung đẩy nhanh tiến độ thi công các dự án.\n\n' +
      'Phó Thủ tướng có yêu cầu cụ thể như sau:\n\n' +
      'Bộ Tài chính bố trí đủ vốn cho các dự án trước ngày 15/6/2025.\n';
    expect(pairs(article)).toEqual([
      ['Bộ Xây dựng', ''],
      ['Bộ Tài chính', '2025-06-15'],
    ]);
  });
});

describe("an article's headlines", () => {
  it('takes no addressee from a headline that tells what a body did, only from one that assigns', () => {
    const article =
      'Văn phòng Chính phủ có Công văn số 88/VPCP-CN truyền đạt ý kiến của Phó Thủ tướng.\n\n' +
      'Phó Thủ tướng giao Bộ Tài chính kiểm tra việc lựa chọn nhà thầu, báo cáo trước ngày 10/6/2025.\n\n' +
      '**Công ty Minh Phát phản đối kết quả lựa chọn nhà thầu**\n\n' +
      'Theo văn bản của công ty, việc chấm thầu chưa phù hợp với hồ sơ mời thầu và quy định về đấu thầu.\n\n' +
      '## Phó Thủ tướng yêu cầu Bộ Xây dựng phối hợp\n\n' +
      'Cử cán bộ tham gia Tổ công tác liên Bộ.\n';
    expect(pairs(article)).toEqual([
      ['Bộ Tài chính', '2025-06-10'],
      ['Bộ Xây dựng', ''],
    ]);
  });
});

describe("an article's byline", () => {
  it('ends the text at the source, author, link and time of posting, though a point above would take them in', () => {
    const article =
      'Văn phòng Chính phủ có Công văn số 77/VPCP-CN truyền đạt ý kiến của Thủ tướng Chính phủ.\n\n' +
      'Thủ tướng yêu cầu Bộ Xây dựng hoàn thành thẩm định dự án trong năm 2025.\n\n' +
      '* Theo Tờ trình của Bộ Xây dựng, dự án đi qua hai tỉnh.\n\n' +
      'Theo Cổng Thông tin điện tử Chính phủ\n\n' +
      'Tác giả: Minh An\n\n' +
      'Link bài viết gốc: https://baochinhphu.vn/tuyen-moi.htm\n\n' +
      'Giờ đăng: 05/06/2025 10:15\n';
    expect(pairs(article)).toEqual([['Bộ Xây dựng', '2025-12-31']]);
  });
});
