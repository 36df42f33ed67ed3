/**
 * Peak memory and wall time of a child process, read from /usr/bin/time (its max RSS covers the
 * largest waited-for descendant, so tsx's node child counts). Debian's `time` package has it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const TIME = '/usr/bin/time';
export const REPO = path.join(import.meta.dirname, '..');

export interface Measure {
  peakMb: number;
  seconds: number;
}

/** Exits with 2 and says how to install it when /usr/bin/time is missing. */
export function requireTime(): void {
  if (existsSync(TIME)) return;
  console.error(`${TIME} not found; install it with \`apt-get install -y time\``);
  process.exit(2);
}

/** Runs argv from the repository under /usr/bin/time; fails loudly if the command fails. */
export function measure(label: string, argv: string[]): Measure {
  const report = path.join(os.tmpdir(), `cchc-rss-${process.pid}-${label}.txt`);
  const r = spawnSync(TIME, ['-f', '%M %e', '-o', report, ...argv], {
    cwd: REPO,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  if (r.status !== 0) throw new Error(`${label} failed (exit ${r.status}): ${r.stderr.slice(-2000)}`);
  const [kb, secs] = readFileSync(report, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
  rmSync(report, { force: true });
  return { peakMb: Math.round(kb! / 1024), seconds: secs! };
}
