/**
 * Temp folders for tests: `tempDir` makes one in the system temp dir and test/setup/cleanup.ts
 * removes every one made in a test file after that file, so helpers can hand out folders without
 * each test remembering to delete them. test/setup/tmpdir.ts checks that the run left nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const made = new Set<string>();

export function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  made.add(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
  made.clear();
}
