/**
 * Task tables (src/extract/table.ts). Every notice here is written for the test, not a real one: the
 * table forms are those of the real notices (the thuvienphapluat.vn scrape of vpcp_624's appendices,
 * a markdown export). The expected rows were worked out by hand from the tables as written.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractNotice, type Extraction } from '../src/extract/index.ts';
import { columnRole, findTables } from '../src/extract/table.ts';
import { readUnits, type Unit } from '../src/extract/units.ts';

let units: Unit[];
beforeAll(async () => {
  units = await readUnits(path.join(import.meta.dirname, 'fixtures/extract/units.csv'));
});

const head = [
  'ỦY BAN NHÂN DÂN TỈNH AN GIANG', // 1
  'VĂN PHÒNG', // 2
  'Số: 101/TB-VPUBND', // 3
  'An Giang, ngày 10 tháng 4 năm 2025', // 4
  '', // 5
  'THÔNG BÁO', // 6
  'Kết luận của Chủ tịch Ủy ban nhân dân tỉnh tại cuộc họp về cụm công nghiệp', // 7
  '', // 8
  'Chủ tịch Ủy ban nhân dân tỉnh kết luận như sau:', // 9
  '', // 10
  '1. Giao Sở Nội vụ tổng hợp kết quả, báo cáo trước ngày 20/4/2025.', // 11
  '', // 12
];
const tail = [
  '2. Sở Xây dựng kiểm tra các công trình, báo cáo trước ngày 30/6/2025.',
  '',
  'Văn phòng UBND tỉnh thông báo để các cơ quan, đơn vị biết, thực hiện./.',
];

const markdown = [
  ...head,
  '| STT | Nội dung công việc | Cơ quan chủ trì | Cơ quan phối hợp | Thời hạn | Tình hình thực hiện |', // 13
  '|---|---|---|---|---|---|', // 14
  '| 1 | Rà soát quy hoạch các cụm công nghiệp | Sở Tài chính, Sở Xây dựng | Sở Nội vụ | 31/05/2025 | |', // 15
  '| 2 | Tuyên truyền về cải cách hành chính | Sở Nội vụ | | Thường xuyên | Đã hoàn thành |', // 16
  '| 3 | Xây dựng cơ sở dữ liệu cụm công nghiệp | Sở Khoa học và Công nghệ | Sở Tài chính; Sở Xây dựng | Quý III/2025 | Đang thực hiện |', // 17
  '', // 18
  ...tail, // 19-21
].join('\n');

// The scrape: one cell per run of lines between "|" lines, a row ended where two "|" lines meet, header
// cells in bold and wrapped, an empty cell written "** **" or as nothing between two "|" lines, and a
// caption row that fills the task column alone.
const scraped = [
  ...head,
  '|', // 13
  '**STT**',
  '|',
  '**Nội dung công', // 16
  'việc**',
  '|',
  '**Cơ quan chủ trì**',
  '|', // 20
  '**Cơ quan phối hợp**',
  '|',
  '**Thời hạn**',
  '|',
  '**Tình hình thực hiện**', // 25
  '|',
  '|',
  '1.',
  '|',
  'Rà soát quy hoạch các cụm công nghiệp,', // 30
  'báo cáo kết quả',
  '|',
  'Sở Tài chính, Sở Xây dựng',
  '|',
  'Sở Nội vụ', // 35
  '|',
  '31/05/2025',
  '|',
  '** **',
  '|', // 40
  '|',
  '** **',
  '|',
  '**Nhiệm vụ giao Sở Nội vụ**',
  '|', // 45
  '** **',
  '|',
  '** **',
  '|',
  '** **', // 50
  '|',
  '** **',
  '|',
  '|',
  '2.', // 55
  '|',
  'Tuyên truyền về cải cách hành chính',
  '|',
  'Sở Nội vụ',
  '|', // 60
  '|',
  'Thường xuyên',
  '|',
  'Đã hoàn thành',
  '|', // 65
  ...tail, // 66-68
].join('\n');

const rows = (x: Extraction) =>
  x.rows.map((r) => [r.source_lines, r.task.lead_unit, r.task.support_units, r.task.due_on]);

describe('task tables in a notice', () => {
  it('reads a markdown table row by row, one row per lead body, in line order with the prose', () => {
    const x = extractNotice(markdown, { units });
    expect(rows(x)).toEqual([
      ['11', 'AG.SNV', '', '2025-04-20'],
      ['15', 'AG.STC', 'AG.SNV', '2025-05-31'],
      ['15', 'AG.SXD', 'AG.SNV', '2025-05-31'],
      ['16', 'AG.SNV', '', ''],
      ['17', 'AG.SKHCN', 'AG.STC;AG.SXD', '2025-09-30'],
      ['19', 'AG.SXD', '', '2025-06-30'],
    ]);
    expect(x.rows[1]!.task.title).toBe('Rà soát quy hoạch các cụm công nghiệp');
    expect(x.rows[1]!.review).toContain('in the table\'s "Cơ quan chủ trì" column');
    expect(x.rows[3]!.review).toContain('the table reports it done ("Đã hoàn thành")');
    expect(x.rows[3]!.review).toContain('deadline: recurring ("Thường xuyên")');
    expect(x.rows[4]!.review).not.toContain('reports it done');
  });

  it('reads the scrape with a cell per line run the same way; a caption row gives no task', () => {
    const x = extractNotice(scraped, { units });
    expect(rows(x)).toEqual([
      ['11', 'AG.SNV', '', '2025-04-20'],
      ['30-31', 'AG.STC', 'AG.SNV', '2025-05-31'],
      ['30-31', 'AG.SXD', 'AG.SNV', '2025-05-31'],
      ['57', 'AG.SNV', '', ''],
      ['66', 'AG.SXD', '', '2025-06-30'],
    ]);
    expect(x.rows[1]!.task.title).toBe('Rà soát quy hoạch các cụm công nghiệp, báo cáo kết quả');
    expect(x.rows[3]!.review).toContain('reports it done ("Đã hoàn thành")');
    const [t] = findTables(scraped);
    expect([t!.firstLine, t!.lastLine, t!.header]).toEqual([
      13,
      65,
      ['STT', 'Nội dung công việc', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời hạn', 'Tình hình thực hiện'],
    ]);
  });

  it("keeps a central notice's bodies as written, one row each, and reads the deadline column as findDeadline does", () => {
    const notice = [
      'VĂN PHÒNG CHÍNH PHỦ',
      'Số: 12/TB-VPCP',
      'Hà Nội, ngày 01 tháng 6 năm 2025',
      'THÔNG BÁO',
      'Kết luận của Phó Thủ tướng Chính phủ',
      '',
      '| STT | Nhiệm vụ | Cơ quan chủ trì | Thời hạn hoàn thành |', // 7
      '|---|---|---|---|',
      '| 1 | Rà soát các quy định pháp luật | Các bộ, ngành | 30/06/2025 |', // 9
      '| 2 | Xây dựng cơ sở dữ liệu dân cư | Bộ Công an; UBND các tỉnh | Năm 2026 |', // 10
      '| 3 | Phát triển hạ tầng số tại các đảo | Các địa phương có đảo | Tháng 10/2025 |', // 11
      '| 4 | Thí điểm nền tảng số | Các địa phương chủ trì | 15/9 |', // 12
    ].join('\n');
    const x = extractNotice(notice, { units });
    expect(rows(x)).toEqual([
      ['9', 'Các bộ, ngành', '', '2025-06-30'],
      // "Năm 2026" is no phrase findDeadline reads: left empty, as it says.
      ['10', 'Bộ Công an', '', ''],
      ['10', 'Ủy ban nhân dân các tỉnh', '', ''],
      ['11', 'Các địa phương có đảo', '', '2025-10-31'],
      ['12', 'Các địa phương', '', '2025-09-15'],
    ]);
  });

  it('reads a break inside a markdown cell ("<br>") as a separator between bodies', () => {
    const text = markdown.replace('| Sở Tài chính, Sở Xây dựng |', '| Sở Tài chính<br>Sở Xây dựng |');
    expect(rows(extractNotice(text, { units })).slice(1, 3)).toEqual([
      ['15', 'AG.STC', 'AG.SNV', '2025-05-31'],
      ['15', 'AG.SXD', 'AG.SNV', '2025-05-31'],
    ]);
  });

  it('leaves a table without a lead column to the prose reader', () => {
    const text = ['| STT | Chỉ tiêu | Kết quả |', '|---|---|---|', '| 1 | Tỷ lệ hồ sơ trực tuyến | 95% |'].join('\n');
    expect(findTables(text)).toEqual([]);
    expect(findTables('| ỦY BAN NHÂN DÂN TỈNH AN GIANG | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n|---|---|')).toEqual([]);
  });

  it.each([
    ['STT', 'index'],
    ['Nhiệm vụ', 'task'],
    ['Tên nhiệm vụ', 'task'],
    ['Nội dung công việc', 'task'],
    ['Văn bản giao nhiệm vụ', 'source'],
    ['Cơ quan chủ trì thực hiện', 'lead'],
    ['Đơn vị chủ trì', 'lead'],
    ['Cơ quan thực hiện', 'lead'],
    ['Cơ quan phối hợp', 'support'],
    ['Thời hạn hoàn thành', 'due'],
    ['Thời gian hoàn thành', 'due'],
    ['Tiến độ', 'progress'],
    ['Kết quả thực hiện', 'status'],
    ['Tình hình thực hiện', 'status'],
    ['Chỉ tiêu', null],
  ])('column "%s" is %s', (label, role) => {
    expect(columnRole(label)).toBe(role);
  });

  it('takes "Tiến độ" as the deadline only when no "Thời hạn" column is there', () => {
    const [a] = findTables(
      '| STT | Nhiệm vụ | Đơn vị chủ trì | Tiến độ |\n|---|---|---|---|\n| 1 | Rà soát | Sở Nội vụ | Quý II/2025 |',
    );
    const [b] = findTables(
      '| STT | Nhiệm vụ | Đơn vị chủ trì | Thời hạn | Tiến độ |\n|---|---|---|---|---|\n| 1 | Rà soát | Sở Nội vụ | 30/6/2025 | Đã hoàn thành |',
    );
    expect(a!.roles).toEqual(['index', 'task', 'lead', 'due']);
    expect(b!.roles).toEqual(['index', 'task', 'lead', 'due', 'status']);
  });
});
