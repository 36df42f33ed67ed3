/**
 * Labelled fields (src/extract/fields.ts). The plan below is written for the test, not a real one: its
 * forms are those of the real plans (dashes "- Cơ quan chủ trì: …" under a numbered item, a Word
 * export's paragraphs "*Đơn vị thực hiện: *…" after two dashes, fields inline after the item's text, a
 * lead field written as sentences). The expected rows were worked out by hand from the text as written.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractNotice, type Extraction } from '../src/extract/index.ts';
import { fieldsIn } from '../src/extract/fields.ts';
import { readUnits, type Unit } from '../src/extract/units.ts';

let units: Unit[];
beforeAll(async () => {
  units = await readUnits(path.join(import.meta.dirname, 'fixtures/extract/units.csv'));
});

const rows = (x: Extraction) =>
  x.rows.map((r) => [r.source_lines, r.task.lead_unit, r.task.support_units, r.task.due_on]);

const text = [
  'ỦY BAN NHÂN DÂN TỈNH AN GIANG', // 1
  'Số: 55/KH-UBND', // 2
  'An Giang, ngày 10 tháng 4 năm 2025', // 3
  '', // 4
  'KẾ HOẠCH', // 5
  'Triển khai thi hành Luật Tiêu chuẩn và quy chuẩn kỹ thuật', // 6
  '', // 7
  'I. MỤC ĐÍCH, YÊU CẦU', // 8
  '', // 9
  'Bảo đảm triển khai kịp thời, đồng bộ các quy định của Luật.', // 10
  '', // 11
  'II. NỘI DUNG KẾ HOẠCH', // 12
  '', // 13
  '1. Rà soát, sửa đổi quy chế quản lý tiêu chuẩn của tỉnh', // 14
  '', // 15
  '- Cơ quan chủ trì: Sở Khoa học và Công nghệ, Sở Tư pháp.', // 16
  '', // 17
  '- Cơ quan phối hợp: Sở Nội vụ, UBND các huyện.', // 18
  '', // 19
  '- Thời gian thực hiện: Quý IV năm 2025.', // 20
  '', // 21
  '- Sản phẩm: Quyết định của UBND tỉnh.', // 22
  '', // 23
  '2. Tuyên truyền, phổ biến nội dung Luật', // 24
  '', // 25
  '- Tổ chức hội nghị quán triệt nội dung Luật cho cán bộ, công chức.', // 26
  '', // 27
  '- Biên soạn tài liệu hỏi đáp về Luật.', // 28
  '', // 29
  '*Đơn vị thực hiện: *Sở Tư pháp.', // 30
  '', // 31
  '*Thời gian thực hiện: *Năm 2026 và các năm tiếp theo.', // 32
  '', // 33
  '3. Xây dựng cơ sở dữ liệu về tiêu chuẩn của tỉnh. Cơ quan chủ trì: Sở Tài chính; thời gian: tháng 12/2025.', // 34
  '', // 35
  '4. Rà soát văn bản quy phạm pháp luật', // 36
  '', // 37
  '- Cơ quan thực hiện: Sở Xây dựng rà soát các văn bản do mình tham mưu; Sở Y tế rà soát văn bản thuộc lĩnh vực y tế.', // 38
  '', // 39
  '- Thời gian hoàn thành: Hằng năm.', // 40
  '', // 41
  '5. Kiểm tra việc thi hành Luật tại các địa phương', // 42
  '', // 43
  '- Chủ trì thực hiện: UBND các huyện, thị xã, thành phố.', // 44
  '', // 45
  '- Tiến độ: trước ngày 15/11/2025.', // 46
  '', // 47
  'Nơi nhận:', // 48
].join('\n');

// The districts of An Giang standing on 10 April 2025, as the units table has them.
const DISTRICTS = ['AG.LX', 'AG.CD', 'AG.TC', 'AG.TB', 'AG.AP', 'AG.CP', 'AG.CT', 'AG.CM', 'AG.PT', 'AG.TS', 'AG.TT'];

describe('labelled fields', () => {
  it('reads an item with field lines as one task per lead body; the field lines give no rows', () => {
    const x = extractNotice(text, { units });
    expect(rows(x).slice(0, 7)).toEqual([
      // 1.: two lead bodies, two rows; support from "Cơ quan phối hợp" (the group as written, not expanded);
      // "Quý IV năm 2025" → the quarter's last day; "Sản phẩm" is no task.
      ['14-22', 'AG.SKHCN', 'AG.SNV;Ủy ban nhân dân các huyện', '2025-12-31'],
      ['14-22', 'AG.STP', 'AG.SNV;Ủy ban nhân dân các huyện', '2025-12-31'],
      // 2.: one block of fields after two dashes is both dashes'; "Năm 2026 và các năm tiếp theo" sets no date.
      ['26', 'AG.STP', '', ''],
      ['28-32', 'AG.STP', '', ''],
      // 3.: inline fields after the item's text.
      ['34', 'AG.STC', '', '2025-12-31'],
      // 4.: a lead field written as sentences names the body opening each; "Hằng năm" is recurring.
      ['36-40', 'AG.SXD', '', ''],
      ['36-40', 'AG.SYT', '', ''],
    ]);
    expect(x.rows[0]!.task.title).toBe('Rà soát, sửa đổi quy chế quản lý tiêu chuẩn của tỉnh');
    expect(x.rows[0]!.review).toContain('in the item\'s "Cơ quan chủ trì" field');
    expect(x.rows[4]!.task.title).toBe('Xây dựng cơ sở dữ liệu về tiêu chuẩn của tỉnh.');
    expect(x.rows.some((r) => /^(Cơ quan|Thời gian|Sản phẩm|Đơn vị)/.test(r.task.title))).toBe(false);
  });

  it('expands a plural lead as the rest of the extractor does; "Tiến độ" is the time of an item without "Thời gian"', () => {
    const x = extractNotice(text, { units });
    const fifth = x.rows.filter((r) => r.source_lines === '42-46');
    expect(fifth.map((r) => r.task.lead_unit)).toEqual(DISTRICTS);
    expect(new Set(fifth.map((r) => r.task.due_on))).toEqual(new Set(['2025-11-15']));
    expect(fifth[0]!.review).toContain('one of the units addressed as "UBND các huyện, thị xã, thành phố"');
    expect(x.rows).toHaveLength(7 + DISTRICTS.length);
  });

  it("takes only a plan's labels as fields, never a sentence that names its addressee before a colon", () => {
    expect(fieldsIn('Chủ trì, phối hợp với các Bộ: Tài chính, Xây dựng rà soát, báo cáo.').fields).toEqual([]);
    expect(fieldsIn('Sở Tư pháp chủ trì: hướng dẫn các cơ quan.').fields).toEqual([]);
    expect(fieldsIn('Cơ quan/đơn vị thực hiện: Sở Nội vụ; Thời hạn: Quý III/2025.')).toEqual({
      head: '',
      fields: [
        { role: 'lead', label: 'Cơ quan/đơn vị thực hiện', value: 'Sở Nội vụ' },
        { role: 'due', label: 'Thời hạn', value: 'Quý III/2025' },
      ],
    });
  });

  it('leaves an item under a heading that names its addressee to the prose reader', () => {
    const notice = [
      ...text.split('\n').slice(0, 13),
      'a) Sở Công Thương:', // 14
      '', // 15
      '- Chủ trì, phối hợp với các Sở: Tài chính, Xây dựng rà soát nguồn cung, báo cáo trước ngày 30/6/2025.', // 16
      '', // 17
      'Nơi nhận:', // 18
    ].join('\n');
    expect(rows(extractNotice(notice, { units }))).toEqual([['16', 'AG.SCT', 'AG.STC;AG.SXD', '2025-06-30']]);
  });
});
