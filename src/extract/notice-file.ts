/**
 * A notice as the office has it: the signed PDF from the portal, its scan (a PDF of images, or the
 * image itself), the Word file it was drafted in (.docx, or the .doc of Word 97–2003), or text copied
 * from any of them. Each becomes the text the reader works on; a scan is read by OCR and says so; a
 * file that holds no readable text (a legacy encoding, fonts that map letters wrongly) is refused
 * with what to do instead.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { CliError } from '../errors.ts';
import { FOREIGN, VIETNAMESE_LETTERS } from '../load/encoding.ts';
import { DocxError, docxText } from './docx.ts';

const run = promisify(execFile);

const startsWith = (buf: Uint8Array, bytes: number[]) => bytes.every((b, i) => buf[i] === b);
const PDF = [0x25, 0x50, 0x44, 0x46]; // %PDF
const ZIP = [0x50, 0x4b, 0x03, 0x04]; // PK.., a .docx
const OLE = [0xd0, 0xcf, 0x11, 0xe0]; // a Word 97–2003 .doc
const IMAGES = [
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x49, 0x49, 0x2a, 0x00], // TIFF, little-endian
  [0x4d, 0x4d, 0x00, 0x2a], // TIFF, big-endian
];

/** A notice's text, and how many pages of it were read by OCR when the file is a scan. */
export interface NoticeText {
  text: string;
  ocrPages?: number;
}

/** More pages than a conclusion notice has: a scan this long is a whole file, not one notice. */
export const OCR_MAX_PAGES = 20;

/**
 * Runs a Debian converter that prints the file's text on stdout; a missing one, or one that cannot read
 * the file, is told with the fix. `kind` names the file's kind, `pkg` the package that has the program.
 */
async function convert(program: string, args: string[], file: string, kind: string, pkg: string): Promise<string> {
  try {
    const { stdout } = await run(program, args, { maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { stderr?: string };
    if (err.code === 'ENOENT')
      throw new CliError(
        `${file} is ${kind}, and reading one needs ${program} (Debian's ${pkg}), which is not installed: run scripts/setup.sh, or copy the notice's text into a .txt file`,
      );
    const why = (err.stderr ?? err.message).trim().split('\n')[0];
    throw new CliError(
      `${file}: ${program} could not read this file (${why}); copy the notice's text into a .txt file`,
    );
  }
}

/** A PDF's text layer in reading layout: the two-column header and indented items stay as printed. */
const pdfText = (file: string) =>
  convert('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], file, 'a PDF', 'poppler-utils');

/**
 * A Word 97–2003 document, as offices still keep many: each paragraph on one line (`-w 0`: no wrapping),
 * a table's rows as "|cell|cell|" lines, which the reader takes as a markdown copy's table.
 */
const docText = (file: string) =>
  convert('antiword', ['-m', 'UTF-8.txt', '-w', '0', file], file, 'a Word 97–2003 (.doc) file', 'antiword');

/** What makes a file one to read by OCR: a PDF with no text layer, one whose text layer reads as nonsense, an image. */
type OcrWhy = 'none' | 'unreadable' | 'image';
const OCR_WHY: Record<OcrWhy, string> = {
  none: 'a scan (no text layer)',
  unreadable: 'a PDF whose text layer does not read as Vietnamese (fonts that map their letters wrongly)',
  image: 'an image of a scan',
};

/** Tesseract with its Vietnamese data, or the fix. */
async function requireTesseract(file: string, why: OcrWhy): Promise<void> {
  const fix = `reading a scan needs tesseract with its Vietnamese data (Debian's tesseract-ocr and tesseract-ocr-vie): run scripts/setup.sh, or copy the notice's text into a .txt file`;
  let langs: string;
  try {
    langs = (await run('tesseract', ['--list-langs'])).stdout;
  } catch {
    throw new CliError(`${file} is ${OCR_WHY[why]}, and ${fix}`);
  }
  if (!/^vie$/m.test(langs)) throw new CliError(`${file} is ${OCR_WHY[why]}, and ${fix}`);
}

/**
 * One page image through tesseract, Vietnamese, as a single column of text of varying sizes (`--psm 4`)
 * with the spaces between words kept, so the two-column header stays two columns as in a layout copy.
 */
const ocrPage = async (image: string, file: string) =>
  repairNumberLabel(
    await convert(
      'tesseract',
      [image, 'stdout', '-l', 'vie', '--psm', '4', '-c', 'preserve_interword_spaces=1'],
      file,
      'a scan',
      'tesseract-ocr',
    ),
  );

/**
 * OCR reads the small "Số:" before a document's number with the wrong mark on its o ("Só:", "Sô:", "Sỏ:") or
 * as a digit ("S6:"), and the header then finds no number. A line that opens on such a label followed by
 * digits and a slash is that label.
 */
export const repairNumberLabel = (text: string): string =>
  text.replace(/^(\s*)[Ss](?:[oóòỏõọôồổỗộơ]|6)(\s*:\s*\d[^\n/]*\/)/gmu, '$1Số$2');

/** A scanned PDF's pages as 300 dpi grey images (pdftoppm), each read by OCR; pages end with a form feed as pdftotext's do. */
async function ocrPdf(file: string, why: OcrWhy, log: (s: string) => void): Promise<NoticeText> {
  const info = await convert('pdfinfo', [file], file, 'a PDF', 'poppler-utils');
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
  if (pages > OCR_MAX_PAGES)
    throw new CliError(
      `${file} is a scan of ${pages} pages, more than the ${OCR_MAX_PAGES} cchc reads by OCR; keep only the notice's pages (pdfseparate, or print them to a new PDF)`,
    );
  log(`${file} is ${OCR_WHY[why]}: reading its ${pages} page${pages === 1 ? '' : 's'} by OCR (about 10 s a page)`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-ocr-'));
  try {
    await convert(
      'pdftoppm',
      ['-r', '300', '-gray', '-png', file, path.join(dir, 'p')],
      file,
      'a PDF',
      'poppler-utils',
    );
    // pdftoppm numbers pages with as many digits as the last one needs: p-01.png … p-12.png.
    const images = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.png'))
      .sort();
    let text = '';
    for (const image of images) text += `${await ocrPage(path.join(dir, image), file)}\f`;
    return { text, ocrPages: images.length };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function utf8Text(file: string, buf: Uint8Array): string {
  if (startsWith(buf, [0xff, 0xfe]) || startsWith(buf, [0xfe, 0xff]))
    throw new CliError(`${file} is UTF-16; save it as UTF-8 text`);
  const text = new TextDecoder('utf-8', { fatal: false }).decode(buf);
  if (text.includes('\uFFFD'))
    throw new CliError(
      `${file} is not valid UTF-8 (a legacy Vietnamese encoding such as TCVN3 or VNI?); save it as UTF-8 text`,
    );
  return text.replace(/^\uFEFF/, '');
}

/** One Latin-1 sign or letter no Vietnamese word written in Unicode uses (the loader's class). */
const LATIN1 = new RegExp(FOREIGN.source, 'u');

/** A sign of text no one wrote: a Latin-1 sign, or a letter outside Vietnamese's alphabet (its marks aside). */
function foreign(ch: string): boolean {
  if (LATIN1.test(ch)) return true;
  if (!/\p{L}/u.test(ch)) return false;
  return !/^[a-zA-ZđĐ]$/u.test(ch.normalize('NFD').replace(/\p{M}/gu, ''));
}

/**
 * Text that looks like Vietnamese to no reader: typed in a legacy font (.VnTime of TCVN3, VNI-Times),
 * which stores Latin-1 letters that only the font draws as Vietnamese ("nh©n d©n tØnh" in TCVN3,
 * "nhaân daân tænh" in VNI), or a PDF whose fonts map their glyphs to the wrong letters ("7ӌ1+" for
 * "TỈNH"). A PDF or Word file keeps either as valid Unicode that no rule could read; such text has
 * few of Vietnamese's own letters and many signs no one writes.
 */
function unreadable(text: string): boolean {
  let signs = 0;
  for (const ch of text) if (foreign(ch)) signs++;
  return signs >= 30 && signs > 2 * (text.match(VIETNAMESE_LETTERS)?.length ?? 0);
}

/**
 * The notice's text, from a .pdf (read by OCR when it is a scan), an image of a scan, a .docx, a .doc
 * or a UTF-8 text file, told apart by their first bytes. `log` hears of a slow OCR before it starts.
 */
export async function readNotice(file: string, log: (s: string) => void = () => {}): Promise<NoticeText> {
  if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) throw new CliError(`${file}: no such notice file`);
  const buf = fs.readFileSync(file);
  if (buf.length === 0) throw new CliError(`${file} is empty (0 bytes)`);
  const ext = path.extname(file).toLowerCase();
  let notice: NoticeText;
  if (startsWith(buf, PDF)) {
    notice = { text: await pdfText(file) };
    // Letters, not just page breaks and spaces: a scanned notice is an image with no text layer. A text
    // layer that does not read as Vietnamese (fonts that map their letters wrongly) is no better than none.
    const layer = !/\p{L}{2}/u.test(notice.text) ? 'none' : unreadable(notice.text) ? 'unreadable' : 'text';
    // A text layer with letters that reads as Vietnamese has passed the checks below already.
    if (layer === 'text') return notice;
    await requireTesseract(file, layer);
    notice = await ocrPdf(file, layer, log);
  } else if (IMAGES.some((m) => startsWith(buf, m))) {
    await requireTesseract(file, 'image');
    log(`${file}: an image; reading it by OCR`);
    notice = { text: await ocrPage(file, file), ocrPages: 1 };
  } else if (startsWith(buf, ZIP) || ext === '.docx') {
    try {
      notice = { text: docxText(file) };
    } catch (e) {
      if (e instanceof DocxError) throw new CliError(`${file}: ${e.message}; save it as .docx, PDF or UTF-8 text`);
      throw e;
    }
  } else if (startsWith(buf, OLE)) notice = { text: await docText(file) };
  else if (ext === '.pdf') throw new CliError(`${file} is named .pdf but is not a PDF; check the file`);
  else notice = { text: utf8Text(file, buf) };
  if (notice.text.trim() === '')
    throw new CliError(notice.ocrPages ? `${file}: OCR found no text in the scan` : `${file} is empty`);
  if (unreadable(notice.text))
    throw new CliError(
      notice.ocrPages
        ? `${file}: OCR of the scan gives no Vietnamese text; copy the notice's text into a .txt file`
        : `${file} is written in a legacy Vietnamese font encoding (TCVN3 .VnTime or VNI), not Unicode; convert it to Unicode (Unikey's converter, "Công cụ chuyển mã"), then save it as .docx or UTF-8 text`,
    );
  return notice;
}
