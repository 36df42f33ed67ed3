import fs from 'node:fs';
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
    if (!(FORMATS as readonly string[]).includes(asked)) throw new CliError(`--format ${asked} is not one of ${FORMATS.join(', ')}`);
    if (asked === 'xlsx' && !out) throw new CliError('--format xlsx writes a file: add --out FILE.xlsx');
    return asked as Format;
  }
  const ext = out ? path.extname(out).slice(1).toLowerCase() : '';
  if ((FORMATS as readonly string[]).includes(ext)) return ext as Format;
  return isTTY && !out ? 'table' : 'csv';
}

/** Writes next to the target and renames, so a reader never sees half a file and a failure keeps the old one. */
export async function writeAtomic(file: string, write: (tmp: string) => Promise<void>): Promise<void> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    await write(tmp);
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    const code = (e as NodeJS.ErrnoException).code;
    if (code) throw new CliError(`cannot write ${file}: ${(e as Error).message}`, 1, { cause: e });
    throw e;
  }
}
