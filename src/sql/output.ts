import path from 'node:path';
import { CliError } from '../errors.ts';

export const FORMATS = ['table', 'csv', 'json', 'xlsx'] as const;
export type Format = (typeof FORMATS)[number];

/**
 * The format asked for, else the --out file's extension, else a table for a person at a terminal
 * and CSV for a pipe.
 */
export function chooseFormat(asked: string | undefined, out: string | undefined, isTTY: boolean): Format {
  if (asked !== undefined) {
    if (!(FORMATS as readonly string[]).includes(asked))
      throw new CliError(`--format ${asked} is not one of ${FORMATS.join(', ')}`);
    if (asked === 'xlsx' && !out) throw new CliError('--format xlsx writes a file: add --out FILE.xlsx');
    return asked as Format;
  }
  const ext = out ? path.extname(out).slice(1).toLowerCase() : '';
  if ((FORMATS as readonly string[]).includes(ext)) return ext as Format;
  return isTTY && !out ? 'table' : 'csv';
}
