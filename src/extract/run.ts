/** The `cchc extract` job: read a notice and the units, extract, write or print, and summarise on stderr. */
import fs from 'node:fs';
import { CliError } from '../errors.ts';
import type { Effects } from '../effects.ts';
import { extractNotice, parseDay, type Extraction } from './index.ts';
import { readUnits } from './units.ts';
import { reviewCsv, writeExtraction } from './write.ts';

export interface ExtractCommandOptions {
  units: string;
  out?: string;
  docNo?: string;
  assignedOn?: string;
  scope?: string;
  force?: boolean;
}

export interface ExtractEffects extends Effects {
  /** Where the review CSV goes without --out: stdout in the CLI. */
  stdout: (s: string) => void;
}

function readNotice(file: string): string {
  if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) throw new CliError(`${file}: no such notice file`);
  const buf = fs.readFileSync(file);
  if ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))
    throw new CliError(`${file} is UTF-16; save it as UTF-8 text`);
  const text = new TextDecoder('utf-8', { fatal: false }).decode(buf);
  if (text.includes('\uFFFD'))
    throw new CliError(
      `${file} is not valid UTF-8 (a legacy Vietnamese encoding such as TCVN3 or VNI?); save it as UTF-8 text`,
    );
  if (text.trim() === '') throw new CliError(`${file} is empty`);
  return text.replace(/^\uFEFF/, '');
}

export async function runExtract(
  noticeFile: string,
  o: ExtractCommandOptions,
  fx: ExtractEffects,
): Promise<{ extraction: Extraction; files: string[] }> {
  const text = readNotice(noticeFile);
  const units = await readUnits(o.units);
  if (o.docNo !== undefined && o.docNo.trim() === '') throw new CliError('--doc-no is empty');
  const extraction = extractNotice(text, {
    units,
    scope: o.scope,
    docNo: o.docNo?.trim(),
    assignedOn: o.assignedOn === undefined ? undefined : parseDay(o.assignedOn, '--assigned-on'),
  });
  for (const w of extraction.warnings) fx.logger.warn(`warning: ${w}`);
  const files = o.out ? await writeExtraction(extraction, o.out, { force: o.force }) : [];
  if (!o.out) fx.stdout(reviewCsv(extraction));
  const check = extraction.rows.filter((r) => r.check).length;
  const d = extraction.document;
  fx.logger.info(
    `${d.doc_no || '(no number)'} issued ${d.issued_on || '?'}${d.meeting_on ? `, meeting ${d.meeting_on}` : ''}${extraction.header.chair ? `, chaired by ${extraction.header.chair}` : ''}: ` +
      `${extraction.rows.length} task rows proposed, ${check} to check${files.length ? `; wrote ${files.join(', ')}` : ''}`,
  );
  return { extraction, files };
}
