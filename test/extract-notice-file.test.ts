/**
 * `cchc extract` on the files an office has: the Word file (.docx, .doc), the PDF, the text. Expected texts come
 * from elsewhere: the Word files' text is a collector's own conversion (test/fixtures/extract/SOURCES.md,
 * held-out D), the numbered lists are worked by hand from Word's numbering rules, and the PDF is
 * printed by a real Chromium from a notice's text and read back by pdftotext.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.ts';
import { docxText } from '../src/extract/docx.ts';
import { extractNotice } from '../src/extract/index.ts';
import { OCR_MAX_PAGES, readNotice, repairNumberLabel } from '../src/extract/notice-file.ts';
import { readUnits } from '../src/extract/units.ts';
import { printPdf } from '../src/render/browser.ts';
import { sharedBrowser } from './browser.ts';
import { readings, score } from './extract-score.ts';
import { tempDir } from './tmp.ts';

const FIX = path.join(import.meta.dirname, 'fixtures/extract');
const UNSEEN = path.join(FIX, 'unseen');
const FILES = path.join(FIX, 'files');
/** A real letter of Cục Hóa chất (SOURCES.md, files/), as Word 97–2003 saved it. */
const DOC = 'bct_HC-QLHC_bo-sung-ho-so_2025.doc';
/** A folder as users name theirs. */
const folder = () => {
  const dir = path.join(tempDir('cchc-notice-'), 'Tài liệu', 'Báo cáo quý');
  fs.mkdirSync(dir, { recursive: true });
  return dir;
};

const rowsOf = (text: string, units: Awaited<ReturnType<typeof readUnits>>) =>
  extractNotice(text, { units }).rows.map((r) => [r.lead_name, r.task.lead_unit, r.task.due_on]);

describe('a Word notice (.docx)', () => {
  // The collector's conversion wrote each tab stop a paragraph defines (<w:tabs><w:tab/>) as a tab
  // character, and ended the file with a blank line; a tab stop is layout, not text, so lines that hold
  // only white space compare as blank and trailing blank lines are dropped. Nothing else differs.
  const lines = (t: string) =>
    t
      .split('\n')
      .map((l) => (l.trim() === '' ? '' : l))
      .join('\n')
      .replace(/\n+$/, '');

  for (const name of [
    'laocai_UBND-KT_dam-hong_2026',
    'laocai_TB-VP_ket-luan-CCN_2026',
    'laocai_UBND-KT_bao-cao-KCN_2026',
  ]) {
    it(`${name}: the text of every paragraph and table cell, in order`, async () => {
      const text = docxText(path.join(FILES, `${name}.docx`));
      expect(lines(text)).toBe(lines(fs.readFileSync(path.join(UNSEEN, `${name}.txt`), 'utf8')));
    });
  }

  it('cchc extract reads the Word file as its text, from a folder with spaces and Vietnamese letters', async () => {
    const units = await readUnits(FIX);
    const name = 'laocai_TB-VP_ket-luan-CCN_2026';
    const dir = folder();
    const file = path.join(dir, 'Thông báo kết luận.docx');
    fs.copyFileSync(path.join(FILES, `${name}.docx`), file);
    const fromWord = rowsOf((await readNotice(file)).text, units);
    expect(fromWord.length).toBeGreaterThan(10);
    expect(fromWord).toEqual(rowsOf(fs.readFileSync(path.join(UNSEEN, `${name}.txt`), 'utf8'), units));
  });

  /** A .docx with the parts Word writes for a numbered list: the numbers are not in the text. */
  async function numbered(): Promise<Uint8Array> {
    const w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const p = (text: string, num?: [string, number], style?: string) =>
      `<w:p><w:pPr>${style ? `<w:pStyle w:val="${style}"/>` : ''}${
        num ? `<w:numPr><w:ilvl w:val="${num[1]}"/><w:numId w:val="${num[0]}"/></w:numPr>` : ''
      }<w:tabs><w:tab w:val="left" w:pos="567"/></w:tabs></w:pPr><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
    const lvl = (ilvl: number, fmt: string, text: string, start = 1) =>
      `<w:lvl w:ilvl="${ilvl}"><w:start w:val="${start}"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/></w:lvl>`;
    const zip = new JSZip();
    zip.file(
      'word/document.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${w}><w:body>` +
        p('Chủ tịch UBND tỉnh kết luận:') +
        p('VỀ NHIỆM VỤ', undefined, 'Muc') +
        p('Sở Tài chính &amp; Sở Nội vụ:', ['1', 0]) +
        p('Rà soát trước ngày 15/3/2026.', ['1', 1]) +
        p('Báo cáo UBND tỉnh.', ['1', 1]) +
        p('Sở Xây dựng:', ['1', 0]) +
        p('Kiểm tra.', ['1', 1]) +
        p('các xã, phường;', ['2', 0]) +
        p('Giao Văn phòng theo dõi.', ['3', 0]) +
        p('VỀ TỔ CHỨC', undefined, 'Muc') +
        p('Lại từ đầu.', ['4', 0]) +
        `<w:p/></w:body></w:document>`,
    );
    zip.file(
      'word/numbering.xml',
      `<w:numbering ${w}>` +
        `<w:abstractNum w:abstractNumId="0">${lvl(0, 'decimal', '%1.')}${lvl(1, 'lowerLetter', '%2)')}</w:abstractNum>` +
        `<w:abstractNum w:abstractNumId="1">${lvl(0, 'bullet', '-')}</w:abstractNum>` +
        `<w:abstractNum w:abstractNumId="2">${lvl(0, 'upperRoman', '%1.')}</w:abstractNum>` +
        `<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>` +
        `<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>` +
        `<w:num w:numId="3"><w:abstractNumId w:val="0"/></w:num>` +
        `<w:num w:numId="4"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>` +
        `<w:num w:numId="5"><w:abstractNumId w:val="2"/></w:num>` +
        `</w:numbering>`,
    );
    zip.file(
      'word/styles.xml',
      `<w:styles ${w}><w:style w:type="paragraph" w:styleId="MucGoc"><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style>` +
        `<w:style w:type="paragraph" w:styleId="Muc"><w:basedOn w:val="MucGoc"/></w:style></w:styles>`,
    );
    return zip.generateAsync({ type: 'uint8array' });
  }

  it('writes the numbers and bullets Word draws: levels, lists that share a definition, a restart, a style', async () => {
    // Worked by hand: numId 1 and 3 share abstract list 0, so 3 goes on from 1's count (3.); numId 4
    // restarts level 0 at 1; "a)" restarts under each new "1."; the style Muc is based on MucGoc,
    // which numbers with list 5 in upper-case Roman; a tab stop in the paragraph's properties is no text.
    const file = path.join(folder(), 'Danh sách.docx');
    fs.writeFileSync(file, await numbered());
    expect(docxText(file).split('\n')).toEqual([
      'Chủ tịch UBND tỉnh kết luận:',
      'I. VỀ NHIỆM VỤ',
      '1. Sở Tài chính & Sở Nội vụ:',
      'a) Rà soát trước ngày 15/3/2026.',
      'b) Báo cáo UBND tỉnh.',
      '2. Sở Xây dựng:',
      'a) Kiểm tra.',
      '- các xã, phường;',
      '3. Giao Văn phòng theo dõi.',
      'II. VỀ TỔ CHỨC',
      '1. Lại từ đầu.',
      '',
    ]);
  });
});

describe('a Word 97–2003 notice (.doc)', () => {
  it('reads each paragraph as a line: the paragraphs as Word stores them in its text stream', async () => {
    // A second reading of the same file, without antiword: Word 97 keeps this letter's text as UTF-16 in
    // one run, paragraphs ended by a carriage return, a line break within one by a vertical tab. Every
    // line of the body (from "Kính gửi" to "Nơi nhận") must be a line of what cchc extract reads.
    const raw = new TextDecoder('utf-16le').decode(fs.readFileSync(path.join(FILES, DOC)));
    const body = raw.slice(raw.indexOf('Kính gửi'), raw.indexOf('Nơi nhận'));
    const paragraphs = body
      .split(/[\r\v]/)
      .map((p) => p.trim())
      .filter((p) => p.length > 0);
    expect(paragraphs.length).toBeGreaterThanOrEqual(4);
    const lines = new Set((await readNotice(path.join(FILES, DOC))).text.split('\n').map((l) => l.trim()));
    for (const p of paragraphs) expect(lines, p).toContain(p);
  });
});

describe('a PDF notice', () => {
  const browser = sharedBrowser();

  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const pdfOf = async (body: string, file: string) => {
    const html = `<!doctype html><meta charset="utf-8"><style>pre{font:11pt 'Liberation Mono',monospace}</style>${body}`;
    fs.writeFileSync(file, await printPdf(browser(), html));
    return file;
  };

  it('reads the text layer of a printed notice: the same task rows as its text', async () => {
    const units = await readUnits(FIX);
    const text = fs.readFileSync(path.join(UNSEEN, 'laocai_9387_UBND-KT_2026.txt'), 'utf8');
    const file = await pdfOf(`<pre>${escape(text)}</pre>`, path.join(folder(), 'Công văn 9387.pdf'));
    const fromPdf = rowsOf((await readNotice(file)).text, units);
    expect(fromPdf.length).toBeGreaterThan(3);
    expect(fromPdf).toEqual(rowsOf(text, units));
  }, 60_000);

  /** Lines of OCR text as a reader compares them: runs of spaces (kept for the header's columns) as one. */
  const ocrLines = (text: string) => text.split('\n').map((l) => l.replace(/\s+/g, ' ').trim());

  it('reads a real scanned letter by OCR: the lines a person reads on the page', async () => {
    // Page 1 of Cục Hóa chất's 813/HC-CNHC (SOURCES.md, files/), a scan with no text layer. The
    // expected lines were read by eye off the page image (pdftoppm); OCR's misreads elsewhere on the
    // page ("CHÁT" for "CHẤT", a handwritten number) are why every row of a scan is checked.
    const { text, ocrPages } = await readNotice(path.join(FILES, 'bct_813_HC-CNHC_2026_p1.pdf'));
    expect(ocrPages).toBe(1);
    expect(ocrLines(text)).toEqual(
      expect.arrayContaining([
        'Kính gửi: Cục Hải quan',
        'Công văn số 15464/CHQ-GSQL ngày 20 tháng 4 năm 2026 của Cục Hải quan,',
        'Cục Hóa chất có ý kiến như sau:',
        '2. Về khái niệm hàm lượng, nồng độ và quy định đối với hỗn hợp chất',
      ]),
    );
  }, 120_000);

  it('reads a PDF whose fonts map their letters wrongly by OCR of its pages', async () => {
    // Page 1 of a real signed PDF (3036/SCT-CN, SOURCES.md, files/): its text layer reads "UBND 7ӌ1+ LÀO
    // CAI &Ӝ1* HOÀ XÃ …" for "UBND TỈNH LÀO CAI CỘNG HOÀ XÃ …" (pdftotext); the page itself is drawn
    // right. Expected lines read by eye off the page image.
    const { text, ocrPages } = await readNotice(path.join(FILES, 'laocai_3036_SCT-CN_2026.pdf'));
    expect(ocrPages).toBe(1);
    expect(ocrLines(text)).toEqual(
      expect.arrayContaining([
        'UBND TỈNH LÀO CAI CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Kính gửi: Công ty cổ phần Năng lượng Bảo Long',
      ]),
    );
    // "Số:3036 /SCT-CN" on the page, which OCR reads "Só:3036 /SCT-CN".
    expect(extractNotice(text, { units: await readUnits(FIX), scanned: true }).document.doc_no).toBe('3036/SCT-CN');
  }, 120_000);

  it("repairs OCR's misreads of the 'Số:' label before a number, and nothing else", () => {
    expect(repairNumberLabel('Só:3036 /SCT-CN      Lào Cai\n  Sô: 12/TB-UBND\nS6 : 45/UBND-NC')).toBe(
      'Số:3036 /SCT-CN      Lào Cai\n  Số: 12/TB-UBND\nSố : 45/UBND-NC',
    );
    // Not a label: a word, or a label with no number after it.
    expect(repairNumberLabel('Sổ sách: 12 quyển/năm\nSô: chưa có')).toBe('Sổ sách: 12 quyển/năm\nSô: chưa có');
  });

  it('a scanned image of a notice: its task rows as a person read them, every one marked to check', async () => {
    // The notice's text printed by Chromium, then only its picture kept (150 dpi, grey, as an office
    // scanner gives): no text layer is left for cchc to find, only what OCR reads off the image.
    const name = 'laocai_9387_UBND-KT_2026';
    const dir = folder();
    const text = fs.readFileSync(path.join(UNSEEN, `${name}.txt`), 'utf8');
    const printed = await pdfOf(`<pre style="white-space:pre-wrap">${escape(text)}</pre>`, path.join(dir, 'in.pdf'));
    execFileSync('pdftoppm', ['-r', '150', '-gray', '-png', '-singlefile', printed, path.join(dir, 'Ảnh quét')]);
    const scan = await readNotice(path.join(dir, 'Ảnh quét.png'));
    expect(scan.ocrPages).toBe(1);
    const units = await readUnits(FIX);
    const x = extractNotice(scan.text, { units, scanned: true });
    const reading = readings().find((r) => r.reading.notice === `${name}.txt`)!.reading;
    expect(score(x, reading, units).matched).toBe(reading.tasks.length);
    expect(x.rows.every((r) => r.check && r.severity !== null && r.review.startsWith('read by OCR from a scan'))).toBe(
      true,
    );
    expect(x.warnings).toContain(
      'read by OCR from a scan: every row is marked to check its names, numbers and dates against the scan',
    );
  }, 120_000);

  it('a blank scan gives no text, and a scan of more pages than a notice has is refused before OCR', async () => {
    const blank = await pdfOf(
      '<div style="width:300px;height:400px;background:#fff"></div>',
      path.join(folder(), 'blank.pdf'),
    );
    await expect(readNotice(blank)).rejects.toThrow(/blank\.pdf: OCR found no text in the scan/);
    const pages = '<div style="page-break-after:always;height:10px;background:#888"></div>'.repeat(OCR_MAX_PAGES + 1);
    const long = await pdfOf(pages, path.join(folder(), 'long.pdf'));
    await expect(readNotice(long)).rejects.toThrow(
      new RegExp(`is a scan of ${OCR_MAX_PAGES + 1} pages, more than the ${OCR_MAX_PAGES} cchc reads by OCR`),
    );
  }, 120_000);

  it('names the missing converter and the fix when poppler, antiword or tesseract is not installed', async () => {
    const file = await pdfOf('<p>Giao Sở Nội vụ chủ trì.</p>', path.join(folder(), 'notice.pdf'));
    const PATH = process.env.PATH;
    process.env.PATH = tempDir('cchc-nopath-');
    try {
      await expect(readNotice(file)).rejects.toThrow(/needs pdftotext \(Debian's poppler-utils\).*scripts\/setup\.sh/);
      await expect(readNotice(path.join(FILES, DOC))).rejects.toThrow(
        /is a Word 97–2003 \(\.doc\) file, and reading one needs antiword \(Debian's antiword\).*scripts\/setup\.sh/,
      );
      const scan = path.join(folder(), 'scan.png');
      fs.writeFileSync(scan, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      await expect(readNotice(scan)).rejects.toThrow(
        /is an image of a scan, and reading a scan needs tesseract with its Vietnamese data \(Debian's tesseract-ocr and tesseract-ocr-vie\)/,
      );
    } finally {
      process.env.PATH = PATH;
    }
  }, 60_000);
});

describe('files that hold no readable notice', () => {
  const write = (name: string, bytes: Uint8Array | string) => {
    const file = path.join(folder(), name);
    fs.writeFileSync(file, bytes);
    return file;
  };

  it('a broken .doc, a .pdf that is none, an empty file, a broken .docx, a .docx with no document part', async () => {
    const doc = write('tb.doc', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    await expect(readNotice(doc)).rejects.toThrow(
      /tb\.doc: antiword could not read this file \(.*is not a Word Document/,
    );
    await expect(readNotice(write('tb.pdf', 'Giao Sở Nội vụ'))).rejects.toThrow(/is named \.pdf but is not a PDF/);
    await expect(readNotice(write('empty.docx', ''))).rejects.toThrow(/empty\.docx is empty \(0 bytes\)/);
    await expect(readNotice(write('tb.docx', 'PK\u0003\u0004 not a zip'))).rejects.toThrow(
      /tb\.docx: it is not a Word \(\.docx\) file/,
    );
    const empty = new JSZip();
    empty.file('content.xml', '<x/>');
    await expect(readNotice(write('odt.docx', await empty.generateAsync({ type: 'uint8array' })))).rejects.toThrow(
      /it has no word\/document\.xml/,
    );
  });

  it('text in a legacy Vietnamese font encoding, as a PDF or Word file keeps it, refused with the fix', async () => {
    // TCVN3: the sentence "… nhân dân tỉnh An Giang giao Sở Nội vụ chủ trì, phối hợp …" through
    // glibc's `iconv -t TCVN5712-1`, its bytes read as Latin-1 (what the .VnTime font's text layer holds).
    const tcvn3 =
      'y ban nh©n d©n tØnh An Giang giao Së Néi vô chñ tr×, phèi hîp c¸c së, ngµnh hoµn thµnh tr\u00adíc ngµy 15 th¸ng 3 n¨m 2026.\n';
    // VNI, typed from the VNI-Windows table: each tone and hat a Latin-1 letter after its vowel.
    const vni =
      'UÛy ban nhaân daân tænh An Giang giao Sôû Noäi vuï chuû trì, phoái hôïp caùc sôû, ngaønh hoaøn thaønh tröôùc ngaøy 15.\n';
    for (const [name, text] of [
      ['tcvn3.txt', tcvn3],
      ['vni.txt', vni],
    ] as const)
      await expect(readNotice(write(name, text.repeat(4)))).rejects.toThrow(
        /is written in a legacy Vietnamese font encoding \(TCVN3 \.VnTime or VNI\), not Unicode; convert it to Unicode/,
      );
    // The same sentence in Unicode, with a portal footer's "©" and «quotes», reads.
    const unicode = '© Cổng thông tin «An Giang»: Ủy ban nhân dân tỉnh giao Sở Nội vụ chủ trì, phối hợp các sở.\n';
    expect((await readNotice(write('unicode.txt', unicode.repeat(12)))).text).toContain('Sở Nội vụ');
  });

  it('through the CLI: exit 2, the file named, no stack', async () => {
    const err: string[] = [];
    const stderr = process.stderr.write.bind(process.stderr);
    process.stderr.write = (s: string) => (err.push(s), true);
    const doc = write('Thông báo 12.doc', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]));
    let code: number;
    try {
      code = await main(['node', 'cchc', 'extract', doc, '--units', FIX]);
    } finally {
      process.stderr.write = stderr;
    }
    expect(code).toBe(2);
    expect(err.join('')).toContain(`${doc}: antiword could not read this file`);
    expect(err.join('')).not.toMatch(/\n\s+at /);
  });
});
