/**
 * `cchc extract` on the files an office has: the Word file (.docx, .doc), the PDF, the text. Expected texts come
 * from elsewhere: the Word files' text is a collector's own conversion (test/fixtures/extract/SOURCES.md,
 * held-out D), the numbered lists are worked by hand from Word's numbering rules, and the PDF is
 * printed by a real Chromium from a notice's text and read back by pdftotext.
 */
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.ts';
import { docxText } from '../src/extract/docx.ts';
import { extractNotice } from '../src/extract/index.ts';
import { readNotice } from '../src/extract/notice-file.ts';
import { readUnits } from '../src/extract/units.ts';
import { printPdf } from '../src/render/browser.ts';
import { sharedBrowser } from './browser.ts';
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
      const text = await docxText(fs.readFileSync(path.join(FILES, `${name}.docx`)));
      expect(lines(text)).toBe(lines(fs.readFileSync(path.join(UNSEEN, `${name}.txt`), 'utf8')));
    });
  }

  it('cchc extract reads the Word file as its text, from a folder with spaces and Vietnamese letters', async () => {
    const units = await readUnits(FIX);
    const name = 'laocai_TB-VP_ket-luan-CCN_2026';
    const dir = folder();
    const file = path.join(dir, 'Thông báo kết luận.docx');
    fs.copyFileSync(path.join(FILES, `${name}.docx`), file);
    const fromWord = rowsOf(await readNotice(file), units);
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
    expect((await docxText(await numbered())).split('\n')).toEqual([
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
    const lines = new Set((await readNotice(path.join(FILES, DOC))).split('\n').map((l) => l.trim()));
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
    const fromPdf = rowsOf(await readNotice(file), units);
    expect(fromPdf.length).toBeGreaterThan(3);
    expect(fromPdf).toEqual(rowsOf(text, units));
  }, 60_000);

  it('refuses a scan (no text layer) and says what to do', async () => {
    const file = await pdfOf(
      '<div style="width:300px;height:400px;background:#333"></div>',
      path.join(folder(), 'scan.pdf'),
    );
    await expect(readNotice(file)).rejects.toThrow(/has no text layer \(a scanned image\?\); run OCR on it/);
  }, 60_000);

  it('refuses a PDF whose fonts map their letters wrongly, and says what to do', async () => {
    // A real signed PDF (SOURCES.md, files/): its text layer reads "UBND 7ӌ1+ LÀO CAI &Ӝ1* HOÀ XÃ …"
    // for "UBND TỈNH LÀO CAI CỘNG HOÀ XÃ …", as pdftotext shows it.
    await expect(readNotice(path.join(FILES, 'laocai_3036_SCT-CN_2026.pdf'))).rejects.toThrow(
      /its text layer does not read as Vietnamese \(fonts that map their letters wrongly.*use the Word file it was made from, or run OCR/,
    );
  });

  it('names the missing converter and the fix when poppler or antiword is not installed', async () => {
    const file = await pdfOf('<p>Giao Sở Nội vụ chủ trì.</p>', path.join(folder(), 'notice.pdf'));
    const PATH = process.env.PATH;
    process.env.PATH = tempDir('cchc-nopath-');
    try {
      await expect(readNotice(file)).rejects.toThrow(/needs pdftotext \(Debian's poppler-utils\).*scripts\/setup\.sh/);
      await expect(readNotice(path.join(FILES, DOC))).rejects.toThrow(
        /is a Word 97–2003 \(\.doc\) file, and reading one needs antiword \(Debian's antiword\).*scripts\/setup\.sh/,
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
    expect(await readNotice(write('unicode.txt', unicode.repeat(12)))).toContain('Sở Nội vụ');
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
