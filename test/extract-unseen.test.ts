import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractNotice } from '../src/extract/index.ts';
import { readUnits, validOn, type Unit } from '../src/extract/units.ts';
import { DIR, leadKey, scoreAll, totals } from './extract-score.ts';
import { TUNING } from './extract-calibrate.ts';

/**
 * Real notices the rules were not written on, scored against readings made by a person
 * (`test/fixtures/extract/**\/*.reading.json`, never produced from the code). The floors are the
 * figures measured when this was written (docs/extract.md), so a change that reads them worse fails.
 */
describe('extractNotice(real notice) against a reading by a person', () => {
  it('scores the tuned, C, D, header, seed and held-out B header readings at least as measured', async () => {
    const all = await scoreAll();
    const t = (set: string) => totals(all.filter((a) => a.set === set));
    /** A set's fixed figures, its matched floor and, when given, its ceiling of extracted rows. */
    const floor = (set: string, fixed: Partial<ReturnType<typeof t>>, matched: number, extracted?: number) => {
      expect(t(set)).toMatchObject(fixed);
      expect(t(set).m).toBeGreaterThanOrEqual(matched);
      if (extracted !== undefined) expect(t(set).x).toBeLessThanOrEqual(extracted);
    };
    expect(t('tuned')).toMatchObject({ e: 12, m: 12, h: '15/15' });
    expect(t('tuned').p).toBe(1);
    floor('tuned-2', { e: 18, h: '6/6' }, 17, 19);
    // Held out in the second round, tuning material since (docs/extract.md, third round).
    expect(t('heldout-c')).toMatchObject({ e: 70, m: 70, h: '15/15' });
    expect(t('heldout-c').x).toBeLessThanOrEqual(75);
    // Held out in the third round, tuning material since (docs/extract.md, fourth round).
    floor('heldout-d', { e: 68, h: '18/18' }, 68, 68);
    // Tuning set E (fourth round, lead's split): 80 of 231 matched at the split, 112 after the plan/export rules,
    // 132 once its month deadlines were read as their last day, 182 after the fifth round's rules, 207 in the sixth, 213 in the seventh.
    floor('tuning-e', { e: 231, h: '30/30' }, 213);
    // Held out in the fourth round (21 of 66 at its end), tuning material since: 44 after the fifth round's rules,
    // 66 (all) in the sixth.
    floor('heldout-f', { e: 66, h: '15/15' }, 66);
    // Tuning set H (fifth round, Government Office notices): 80 of 304 matched at the split (START-GH.md),
    // 248 once vpcp_624's appendix tables were read row by row (src/extract/table.ts).
    // 292 in the seventh round, 294 with 'từng …' read as one addressee.
    floor('tuning-h', { e: 304 }, 294);
    // Held out in the fifth round (G 19, I 20 matched at their one scoring), tuning material since; G 34 (all) once a
    // lead-in's points keep only the date of the sentence that introduces them.
    floor('heldout-g', { e: 34, h: '9/9' }, 34, 36);
    floor('heldout-i', { e: 34, h: '12/12' }, 31);
    // Held out in the fifth round (21 of 52 matched at its one scoring), tuning material in the sixth: 34 once an
    // article's headings and elisions end the item above them (docs/extract.md, "How a notice is read", 3),
    // 43 with Party committees and collectives read as names, 50 with 'Đối với …:' cases and relative clauses,
    // 52 (all) with a heading's assigning sentence and kinds of province.
    floor('heldout-j', { e: 52, h: '18/18' }, 52, 57);
    // Held out in the sixth round (39 of 126 at its start, 40 at its one scoring, unseen/AFTER-L.md); its half that is
    // tuning material since (28 of 84 then, 68 after the rules written on it, 78 with titles read as bodies, 79 with the day of an event named a line before it, 80 with 'từng …'; the other half, L2, is held out again).
    floor('heldout-l', { e: 84, h: '15/15' }, 80);
    // L's other half, held out again and scored once at the sixth round's end (12 → 13 of 42), tuning material since:
    // 23 with the scope of lead-ins and the date of each part (docs/extract.md, "How a notice is read", 3, 6, 10),
    // 24 with the day that says which works are meant, 27 with a target's date read as no deadline, 29 with a body's
    // initials and 'cơ quan, địa phương' in a list (7, 8), 30 with a day whose year a copy ran on after the month (10).
    floor('heldout-l2', { e: 42, h: '15/15' }, 36);
    // The seventh round's pool M was split after one scoring at its start (unseen/START-M.md): this half is
    // tuning material (46 of 72 at the start; 49 with a work's year of completion read over a long name, docs/extract.md 10; 54 with where a list of addressees ends, 7; 55 with an article's explainer sections read as no notice's text, 3 and 4; 60 with headings that name no addressee, 5; 63 with third-level decimals, 'a.' letters and a heading's bracketed aside, 3 and 5; 69 with kinds sharing their level, 7); 70 with a second addressee after a semicolon. The other half is held-out M, below.
    floor('tuning-m', { e: 72, h: '39/39' }, 70);
    // M's other half, held out and scored once at the seventh round's end (107 → 108 of 158, unseen/AFTER-M.md);
    // 111 after the one fix read from its output (an article's title naming its document), tuning material since;
    // 121 with local units by their kind alone read as their committees in the score's lead (docs/extract.md, Measure);
    // 128 with 'Đối với các cơ sở/đơn vị …:' headings read as their addressee (5), 129 with such a point's too;
    // 138 with a purpose clause closed by 'thì', a lead-in's month of completion and an answer quoting the notice.
    floor('heldout-m', { e: 158, h: '39/48' }, 144);
    // The eighth round's pool N (one provincial office's working files, SOURCES.md), split after one scoring: this
    // half is tuning material (28 of 40, 47 rows extracted, at the split; 39 rows once a letter's addressees under
    // 'Kính gửi:' were no rows, docs/extract.md 4; 29 of 40 with a sentence's 'Chuyển Sở …' read as assigning, 5;
    // 35 with a heading naming its addressees by their heads' titles, 5; 43 rows with the closing call and where to
    // turn with problems as no row, 4; headers 42/42 with an office copy's blank number and day, 2). The other half
    // is held out.
    floor('tuning-n', { e: 40, h: '42/42' }, 35, 43);
    // N's other half, held out and scored once at the session's end (43 → 49 of 69, unseen/AFTER-NO.md), and the
    // second pool of the same store, O, held out and scored once then (174 → 174 of 272): tuning material since.
    floor('heldout-n', { e: 69, h: '45/45' }, 49, 54);
    // O 196 of 272 (284 rows): 194 with 'Thi hành án dân sự tỉnh' read as a body named by its level (docs/extract.md 7), 196 once a last paragraph asking in so many words dates no list.
    // 203 (300 rows) with a bullet '•' read as a point, not a section (3), no plural of matters as an addressee (8).
    // 207 (302 rows) with an intro opening on 'Căn cứ' and assigning nothing read as no addressee (5).
    // 209 (303 rows) with a ward named with its old city after a dash kept whole (7).
    // 211 with 'THADS tỉnh', the enforcement office by its initials (7).
    // 215 (310 rows) with 'Hiệp hội …' a head noun as 'Hội …' is (7).
    floor('heldout-o', { e: 272, h: '128/129' }, 215, 310);
    expect(t('heldout-b')).toMatchObject({ h: '12/12' });
    expect(t('header')).toMatchObject({ x: 0, h: '9/9' });
    expect(t('seed').p).toBe(1);
    expect(t('seed').r).toBeGreaterThanOrEqual(34 / 35);
  });
});

describe('leadKey (a lead compared as a reader writes it)', () => {
  it('reads local units named by their kind as their committees, the kinds in any order', () => {
    const key = leadKey('Ủy ban nhân dân các phường, xã');
    expect(leadKey('các xã, phường')).toBe(key);
    expect(leadKey('UBND các xã, phường')).toBe(key);
    expect(leadKey('các tỉnh, thành phố trực thuộc Trung ương')).toBe(
      leadKey('UBND các tỉnh, thành phố trực thuộc Trung ương'),
    );
    expect(leadKey('các xã, phường có cụm công nghiệp')).not.toBe(key);
    expect(leadKey('các xã hội')).not.toBe(leadKey('Ủy ban nhân dân các xã hội'));
    expect(leadKey('các sở, ban, ngành')).not.toBe(key);
  });
});

describe('confidence against the readings', () => {
  it('is right more often at or above the review threshold than below it, on the sets it was fitted on', async () => {
    const all = await scoreAll(TUNING);
    const rate = (k: 'above' | 'below') =>
      all.reduce((n, a) => n + a.s[k].matched, 0) / all.reduce((n, a) => n + a.s[k].rows, 0);
    // Measured in sample 871/922 above and 19/65 below when refitted in the sixth round (docs/extract.md); the margins leave
    // room for the rules to move between refits. Left out of the fit it separates far less (814/865 and 76/122, docs).
    expect(rate('above')).toBeGreaterThanOrEqual(0.85);
    expect(rate('above') - rate('below')).toBeGreaterThanOrEqual(0.2);
  });
});

describe('extractNotice(2026 notice of the two-tier An Giang)', () => {
  let units: Unit[];
  beforeAll(async () => {
    units = await readUnits(path.join(DIR, 'units-2tier.csv'));
  });
  // Written for this test (not a real notice): the sentence forms are those of the real notices.
  const notice = [
    'UBND TỈNH AN GIANG',
    'VĂN PHÒNG',
    'Số: 15/TB-VPUBND',
    'An Giang, ngày 10 tháng 3 năm 2026',
    '',
    'THÔNG BÁO',
    'Kết luận của Chủ tịch Ủy ban nhân dân tỉnh',
    '',
    'Chủ tịch Ủy ban nhân dân tỉnh kết luận như sau:',
    '',
    '1. Giao Sở Nội vụ tổng hợp kết quả, báo cáo trước ngày 31/3/2026.',
    '2. UBND các xã, phường, đặc khu rà soát thủ tục hành chính, báo cáo trong ngày 20 tháng 3 năm 2026.',
  ].join('\n');

  it('reads the new province on the notice date and expands to the communes standing that day', () => {
    const x = extractNotice(notice, { units });
    expect(x.scope).toBe('AGM');
    expect(x.rows.map((r) => [r.task.lead_unit, r.task.due_on])).toEqual([
      ['AGM.SNV', '2026-03-31'],
      // Not AG.CT.AH (its district was abolished on 1/7/2025), not AGM.X02 (merged on 31/1/2026).
      ['AGM.X01', '2026-03-20'],
      ['AGM.P01', '2026-03-20'],
      ['AGM.DK1', '2026-03-20'],
    ]);
  });

  it('expands every way a notice writes the communes: by level, without "các", under a title, in a heading', () => {
    const variants = [
      '1. Chủ tịch UBND cấp xã chỉ đạo rà soát hồ sơ tồn đọng, báo cáo trước ngày 25/3/2026.',
      '2. Giao UBND xã, phường, đặc khu cập nhật danh sách hộ nghèo trước ngày 27/3/2026.',
      '3. Ủy ban nhân dân cấp xã',
      '- Kiểm tra các công trình tạm, hoàn thành trước ngày 28/3/2026.',
      '4. Đề nghị Chủ tịch Ủy ban nhân dân các xã, phường, đặc khu:',
      '- Tổ chức đối thoại với người dân trước ngày 30/3/2026.',
    ];
    const text = notice.split('\n').slice(0, 10).concat(variants).join('\n');
    const x = extractNotice(text, { units });
    const communes = ['AGM.X01', 'AGM.P01', 'AGM.DK1'];
    expect(x.rows.map((r) => [r.task.lead_unit, r.task.due_on])).toEqual(
      ['2026-03-25', '2026-03-27', '2026-03-28', '2026-03-30'].flatMap((due) => communes.map((c) => [c, due])),
    );
  });

  it("expands to the sample's 102 communes, wards and special zones of the new An Giang, none of the old provinces", async () => {
    const sample = await readUnits(path.join(DIR, '../../../data'));
    const x = extractNotice(notice, { units: sample });
    const communes = x.rows.filter((r) => /ngày 20 tháng 3/.test(r.task.title));
    const standing = sample.filter((u) => u.parent === 'AGM' && u.kind === 'commune' && validOn(u, '2026-03-10'));
    expect(standing).toHaveLength(102);
    expect(communes.map((r) => r.task.lead_unit).sort()).toEqual(standing.map((u) => u.code).sort());
    expect(communes.every((r) => r.task.due_on === '2026-03-20' && r.task.assigned_on === '2026-03-10')).toBe(true);
  });

  it('keeps a central body and another province named in it as written, flagged', () => {
    const x = extractNotice(notice.replace('1. Giao Sở Nội vụ', '1. Đề nghị Bộ Nội vụ và UBND tỉnh Cà Mau'), { units });
    expect(x.rows.slice(0, 2).map((r) => [r.task.lead_unit, r.check])).toEqual([
      ['Bộ Nội vụ', true],
      ['Ủy ban nhân dân tỉnh Cà Mau', true],
    ]);
    expect(x.rows[0]!.review).toMatch(/central body/);
  });

  it('reads a notice of another province without mapping its names onto the table', () => {
    const text = fs.readFileSync(path.join(DIR, 'unseen/quangtri_6202_UBND-KT_2023.txt'), 'utf8');
    const other = `UBND TỈNH QUẢNG TRỊ\n\n${text}`;
    const x = extractNotice(other, { units });
    expect(x.scope).toBe('');
    expect(x.rows.map((r) => r.task.lead_unit)).toEqual(['Sở Tài nguyên và Môi trường']);
    expect(x.warnings.join(' ')).toMatch(/from Quảng Trị/);
  });

  it('reads a long numbered notice, renamed for another province, with every name as written', () => {
    const seed = fs.readFileSync(path.join(DIR, '003_eb182466d1110d9e.txt'), 'utf8');
    const x = extractNotice(seed.replace(/An Giang/g, 'Quảng Trị').replace(/AN GIANG/g, 'QUẢNG TRỊ'), { units });
    const leads = x.rows.map((r) => r.task.lead_unit);
    expect(leads.some((l) => /^AG/.test(l))).toBe(false);
    // One row per addressee as written, not one per An Giang department (199 rows in An Giang's own reading).
    expect(x.rows.length).toBeLessThan(40);
    expect(leads).toEqual(
      expect.arrayContaining(['Sở Văn hóa, Thể thao và Du lịch', 'Báo Quảng Trị', 'các sở, ban, ngành tỉnh']),
    );
    expect(x.rows.every((r) => r.check)).toBe(true);
  });
});
