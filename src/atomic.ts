/** Writing files and folders so that a reader never sees half of one and a failure keeps the old one. */
import fs from 'node:fs';
import path from 'node:path';
import { CliError, EXIT } from './errors.ts';

/** Writes next to the target and renames, so a reader never sees half a file and a failure keeps the old one. */
export async function writeAtomic(file: string, write: (tmp: string) => Promise<void>): Promise<void> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    await write(tmp);
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    const code = (e as NodeJS.ErrnoException).code;
    if (code) throw new CliError(`cannot write ${file}: ${(e as Error).message}`, EXIT.data, { cause: e });
    throw e;
  }
}

/**
 * Puts the finished folder `src` where `target` is, parking the previous one at `old` first: two
 * renames, not rm + rename, so if the second fails the previous folder is moved back and stays.
 */
export function replaceDir(src: string, target: string, old: string): void {
  if (fs.existsSync(target)) fs.renameSync(target, old);
  try {
    fs.renameSync(src, target);
  } catch (e) {
    if (fs.existsSync(old) && !fs.existsSync(target)) fs.renameSync(old, target);
    throw e;
  }
  fs.rmSync(old, { recursive: true, force: true });
}
