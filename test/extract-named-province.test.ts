/**
 * A name that says whose it is: in a notice that is not the table's province's, "Ủy ban nhân dân tỉnh
 * An Giang", "Sở Tài chính tỉnh An Giang" are the province's units standing on the notice's date
 * (docs/extract.md, "How a notice is read", 1). Sentences of our own; the expected units come from the
 * units tables' dates (the old An Giang until 30/6/2025, the merged one from 1/7/2025, Kiên Giang
 * abolished on that day).
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractNotice } from '../src/extract/index.ts';
import { readUnits, type Unit } from '../src/extract/units.ts';
import { asReaderRows } from './extract-score.ts';

let units: Unit[];
let sample: Unit[];
beforeAll(async () => {
  units = await readUnits(path.join(import.meta.dirname, 'fixtures/extract/units.csv'));
  sample = await readUnits(path.join(import.meta.dirname, '../data'));
});

/** A Government Office letter of the given day ("10 tháng 3 năm 2026"). */
const letter = (day: string, body: string) =>
  `VĂN PHÒNG CHÍNH PHỦ\nSố: 1234/VPCP-CN\nHà Nội, ngày ${day}\n\nV/v đẩy nhanh tiến độ dự án\n\nPhó Thủ tướng có ý kiến như sau:\n${body}\nNơi nhận:`;
const rows = (text: string, table: Unit[] = units) =>
  extractNotice(text, { units: table }).rows.map((r) => ({ lead: r.task.lead_unit, written: r.written }));

describe('a name that says it is the loaded province', () => {
  it("maps to the province's unit standing on the letter's date: the merged An Giang in 2026", () => {
    const x = extractNotice(
      letter('10 tháng 3 năm 2026', '1. Giao Ủy ban nhân dân tỉnh An Giang bố trí đủ đá cho dự án.'),
      { units },
    );
    expect(x.rows.map((r) => [r.task.lead_unit, r.written])).toEqual([['AGM', 'Ủy ban nhân dân tỉnh An Giang']]);
    expect(x.rows[0]!.review).toContain('the name says "tỉnh An Giang"');
  });

  it('maps to the old An Giang in 2024', () => {
    expect(rows(letter('12 tháng 6 năm 2024', '1. UBND tỉnh An Giang khẩn trương bàn giao mặt bằng.'))).toEqual([
      { lead: 'AG', written: 'Ủy ban nhân dân tỉnh An Giang' },
    ]);
  });

  it("maps a department or a body named by its level, the province written after it, to that province's", () => {
    expect(
      rows(
        letter(
          '10 tháng 3 năm 2026',
          '1. Sở Tài chính tỉnh An Giang hướng dẫn thanh toán vốn.\n2. Công an tỉnh An Giang bảo đảm an ninh khu vực dự án.\n3. Đề nghị tỉnh An Giang sớm bàn giao mặt bằng.',
        ),
        sample,
      ),
    ).toEqual([
      { lead: 'AGM.STC', written: 'Sở Tài chính' },
      { lead: 'AGM.CA', written: 'Công an tỉnh' },
      { lead: 'AGM', written: 'tỉnh An Giang' },
    ]);
  });

  it('keeps "tỉnh Kiên Giang" as written in 2026, the province no longer existing, its successor not assumed', () => {
    const x = extractNotice(
      letter('10 tháng 3 năm 2026', '1. Giao Ủy ban nhân dân tỉnh Kiên Giang bố trí nguồn cát.'),
      {
        units: sample,
      },
    );
    expect(x.rows.map((r) => [r.task.lead_unit, r.written])).toEqual([['Ủy ban nhân dân tỉnh Kiên Giang', undefined]]);
    expect(x.rows[0]!.review).toContain('the name says "tỉnh Kiên Giang", but it no longer existed on 2026-03-10');
  });

  it("keeps another province's department as written", () => {
    expect(
      rows(letter('10 tháng 3 năm 2026', '1. Sở Xây dựng tỉnh Đồng Tháp kiểm tra chất lượng công trình.')),
    ).toEqual([{ lead: 'Sở Xây dựng', written: undefined }]);
  });

  it('maps the member of a list of provinces that names the loaded one, one row each', () => {
    expect(
      rows(
        letter(
          '10 tháng 3 năm 2026',
          '1. Ủy ban nhân dân các tỉnh, thành phố: Cần Thơ, An Giang, Cà Mau công bố giá vật liệu xây dựng.',
        ),
      ),
    ).toEqual([
      { lead: 'Ủy ban nhân dân thành phố Cần Thơ', written: undefined },
      { lead: 'AGM', written: 'Ủy ban nhân dân tỉnh An Giang' },
      { lead: 'Ủy ban nhân dân tỉnh Cà Mau', written: undefined },
    ]);
  });

  it('keeps the name when the letter has no date to tell the old An Giang from the merged one', () => {
    const x = extractNotice(
      'VĂN PHÒNG CHÍNH PHỦ\nSố: 1234/VPCP-CN\n\nPhó Thủ tướng có ý kiến như sau:\n1. Giao Ủy ban nhân dân tỉnh An Giang bố trí đủ đá cho dự án.\nNơi nhận:',
      { units },
    );
    expect(x.rows.map((r) => r.task.lead_unit)).toEqual(['Ủy ban nhân dân tỉnh An Giang']);
    expect(x.rows[0]!.review).toContain('no date to tell which it is');
  });

  it("leaves the province's own notice as it was: its names are its units, none marked as written", () => {
    const own =
      'ỦY BAN NHÂN DÂN TỈNH AN GIANG\nSố: 12/TB-UBND\nAn Giang, ngày 12 tháng 6 năm 2024\n\nTHÔNG BÁO\nKết luận của Chủ tịch\n\nChủ tịch kết luận như sau:\n1. Giao Sở Tài chính tỉnh An Giang bố trí vốn.\n2. Giao Sở Nội vụ rà soát biên chế.\nNơi nhận:';
    expect(rows(own)).toEqual([
      { lead: 'AG.STC', written: undefined },
      { lead: 'AG.SNV', written: undefined },
    ]);
  });
});

describe("the scorer's rows of a letter that is not the table's province's", () => {
  it('compares a row mapped by its name by the name as written, and keeps any other unit wrong', () => {
    const x = extractNotice(
      letter('10 tháng 3 năm 2026', '1. Giao Ủy ban nhân dân tỉnh An Giang bố trí đủ đá cho dự án.'),
      { units },
    );
    const other = { ...x.rows[0]!, task: { ...x.rows[0]!.task, lead_unit: 'AG.SNV' }, written: undefined };
    expect(asReaderRows({ ...x, rows: [...x.rows, other] }, units, true).map((r) => r.lead)).toEqual([
      'Ủy ban nhân dân tỉnh An Giang',
      'code:AG.SNV',
    ]);
  });
});
