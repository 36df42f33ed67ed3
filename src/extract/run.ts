/** The `cchc extract` job: read a notice and the units, extract, write or print, and summarise on stderr. */
import { CliError } from '../errors.ts';
import type { Effects } from '../effects.ts';
import { extractNotice, parseDay, type Extraction } from './index.ts';
import { readNotice } from './notice-file.ts';
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

export async function runExtract(
  noticeFile: string,
  o: ExtractCommandOptions,
  fx: ExtractEffects,
): Promise<{ extraction: Extraction; files: string[] }> {
  const notice = await readNotice(noticeFile, (s) => fx.logger.info(s));
  const units = await readUnits(o.units);
  if (o.docNo !== undefined && o.docNo.trim() === '') throw new CliError('--doc-no is empty');
  const extraction = extractNotice(notice.text, {
    units,
    scanned: notice.ocrPages !== undefined,
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
