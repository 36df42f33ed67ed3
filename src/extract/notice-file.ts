/**
 * A notice as the office has it: the signed PDF from the portal, the Word file it was drafted in
 * (.docx, or the .doc of Word 97–2003), or text copied from either. Each becomes the text the reader
 * works on; a file that holds no text (a scan, a legacy encoding) is refused with what to do instead.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { CliError } from '../errors.ts';
import { DocxError, docxText } from './docx.ts';

const run = promisify(execFile);

const startsWith = (buf: Uint8Array, bytes: number[]) => bytes.every((b, i) => buf[i] === b);
const PDF = [0x25, 0x50, 0x44, 0x46]; // %PDF
const ZIP = [0x50, 0x4b, 0x03, 0x04]; // PK.., a .docx
const OLE = [0xd0, 0xcf, 0x11, 0xe0]; // a Word 97–2003 .doc

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

/** Latin-1 signs and letters no Vietnamese word written in Unicode uses (Unicode Vietnamese uses À–Ý's others). */
const LATIN1 = /[¡-¿ÄÅÆÇËÎÏÐÑÖ×ØÛÜÞßäåæçëîïðñö÷øûüþÿ]/u;
/** The letters only Vietnamese uses: ă, đ, ơ, ư and the tone-marked vowels of U+1EA0–U+1EF9. */
const VIETNAMESE = /[ĂăĐđƠơƯưẠ-ỹ]/gu;

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
  return signs >= 30 && signs > 2 * (text.match(VIETNAMESE)?.length ?? 0);
}

/** The notice's text, from a .pdf, a .docx, a .doc or a UTF-8 text file (told apart by their first bytes). */
export async function readNotice(file: string): Promise<string> {
  if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) throw new CliError(`${file}: no such notice file`);
  const buf = fs.readFileSync(file);
  if (buf.length === 0) throw new CliError(`${file} is empty (0 bytes)`);
  const ext = path.extname(file).toLowerCase();
  const pdf = startsWith(buf, PDF);
  let text: string;
  if (pdf) {
    text = await pdfText(file);
    // Letters, not just page breaks and spaces: a scanned notice is an image with no text layer.
    if (!/\p{L}{2}/u.test(text))
      throw new CliError(
        `${file} has no text layer (a scanned image?); run OCR on it, or copy the notice's text into a .txt file`,
      );
  } else if (startsWith(buf, ZIP) || ext === '.docx') {
    try {
      text = await docxText(buf);
    } catch (e) {
      if (e instanceof DocxError) throw new CliError(`${file}: ${e.message}; save it as .docx, PDF or UTF-8 text`);
      throw e;
    }
  } else if (startsWith(buf, OLE)) text = await docText(file);
  else if (ext === '.pdf') throw new CliError(`${file} is named .pdf but is not a PDF; check the file`);
  else text = utf8Text(file, buf);
  if (text.trim() === '') throw new CliError(`${file} is empty`);
  if (unreadable(text))
    throw new CliError(
      pdf
        ? `${file}: its text layer does not read as Vietnamese (fonts that map their letters wrongly, or a legacy font encoding such as TCVN3); use the Word file it was made from, or run OCR on the PDF`
        : `${file} is written in a legacy Vietnamese font encoding (TCVN3 .VnTime or VNI), not Unicode; convert it to Unicode (Unikey's converter, "Công cụ chuyển mã"), then save it as .docx or UTF-8 text`,
    );
  return text;
}
