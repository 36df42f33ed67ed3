import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Writes a folder of files so that readers only ever see a complete one: everything goes into a
 * temp folder beside the target, which replaces the target (old one removed) only at the end.
 */
export function writeFolderAtomic(target: string, files: Record<string, string | Uint8Array>): string[] {
  const parent = path.dirname(path.resolve(target));
  mkdirSync(parent, { recursive: true });
  const tmp = mkdtempSync(path.join(parent, `.${path.basename(target)}.tmp-`));
  try {
    for (const [name, content] of Object.entries(files)) {
      const file = path.join(tmp, name);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, content);
    }
    if (existsSync(target)) {
      // Two renames, not rm + rename: if the second fails the old brief is still in place under .old.
      const old = `${tmp}.old`;
      renameSync(target, old);
      renameSync(tmp, target);
      rmSync(old, { recursive: true, force: true });
    } else {
      renameSync(tmp, target);
    }
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
  return Object.keys(files).map((f) => path.join(target, f));
}
