/**
 * vitest globalSetup: the run gets a temp dir of its own (TMPDIR, inherited by the workers and
 * every process they start), and fails when anything is left in it at the end. A fresh folder per
 * run, not a before/after listing of /tmp, so other processes on a shared machine cannot confuse it.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Caches of the tools the tests start, not test output: tsx keeps compiled files in tsx-<uid>. */
const TOOL_CACHES = /^tsx-\d+$/;

export function setup(): () => void {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cchc-test-run-'));
  const saved = { TMPDIR: process.env.TMPDIR, TMP: process.env.TMP, TEMP: process.env.TEMP };
  process.env.TMPDIR = process.env.TMP = process.env.TEMP = dir;
  return () => {
    const left = readdirSync(dir)
      .filter((f) => !TOOL_CACHES.test(f))
      .sort();
    rmSync(dir, { recursive: true, force: true });
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    if (left.length) {
      // vitest only logs an error thrown here; the exit code is what makes the run fail.
      process.exitCode = 1;
      throw new Error(
        `the test run left ${left.length} entries in its temp dir (a test did not clean up): ${left.join(', ')}`,
      );
    }
  };
}
