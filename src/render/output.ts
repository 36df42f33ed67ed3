import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { replaceDir } from '../atomic.ts';
import { RenderError } from '../errors.ts';

/**
 * Writes a folder of files so that readers only ever see a complete one: everything goes into a
 * temp folder beside the target, which replaces the target (old one removed) only at the end.
 * Any failure leaves the previous folder where it was and throws a RenderError naming the target.
 */
export function writeFolderAtomic(target: string, files: Record<string, string | Uint8Array>): string[] {
  const parent = path.dirname(path.resolve(target));
  ensureFolder(parent, target);
  // mkdirSync, not mkdtempSync: the folder becomes the published brief, so it takes the
  // ordinary permissions of the umask, not mkdtemp's owner-only 0700.
  const tmp = path.join(parent, `.${path.basename(target)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  const old = `${tmp}.old`;
  try {
    mkdirSync(tmp);
    for (const [name, content] of Object.entries(files)) {
      const file = path.join(tmp, name);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, content);
    }
    replaceDir(tmp, target, old);
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw new RenderError(
      `could not write the brief to ${target}: ${messageOf(e)}; the previous brief, if any, is unchanged`,
      { cause: e },
    );
  }
  return Object.keys(files).map((f) => path.join(target, f));
}

/** Creates the folder that will hold the brief folder, saying which part of the path is a file when one is. */
function ensureFolder(dir: string, target: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    let blocker = dir;
    while (path.dirname(blocker) !== blocker && !existsSync(blocker)) blocker = path.dirname(blocker);
    const isFile = existsSync(blocker) && !statSync(blocker).isDirectory();
    throw new RenderError(
      isFile
        ? `cannot write the brief to ${target}: ${blocker} is a file, not a folder; choose another --out`
        : `cannot create the folder ${dir} for the brief ${target}: ${messageOf(e)}`,
      { cause: e },
    );
  }
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
