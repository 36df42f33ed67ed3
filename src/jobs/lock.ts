import fs from 'node:fs';
import path from 'node:path';
import { CliError, EXIT } from '../errors.ts';
import type { Clock, Logger } from '../effects.ts';

export interface LockHolder {
  pid: number;
  started: string;
}

export interface LockEffects {
  clock: Clock;
  logger: Logger;
  pid: number;
  isAlive(pid: number): boolean;
}

/**
 * Takes the lock file atomically (O_EXCL), holding the PID and start time. A lock whose PID is
 * gone is stale: it is removed with a log line and taken. A live holder is a CliError with exit 3.
 * Returns the release function; release only removes the file if it is still ours.
 */
export function acquireLock(file: string, job: string, fx: LockEffects): () => void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const mine: LockHolder = { pid: fx.pid, started: fx.clock.now().toISOString() };
  const body = JSON.stringify(mine) + '\n';
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx');
      try {
        fs.writeSync(fd, body);
      } finally {
        fs.closeSync(fd);
      }
      return () => {
        if (readText(file) === body) fs.rmSync(file, { force: true });
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const holder = readHolder(file);
    // An empty lock younger than a few seconds is a taker between open and write, not a crash.
    const fresh = !holder && Date.now() - mtimeMs(file) < 5_000; // file-system time, not the injected clock
    if ((holder && fx.isAlive(holder.pid)) || fresh) {
      throw new CliError(
        `job ${job} is already running (pid ${holder?.pid ?? '?'}, since ${holder?.started ?? 'just now'}; lock ${file})`,
        EXIT.locked,
      );
    }
    // Unreadable or dead holder: a crashed run. Rename first so two takers cannot both remove it.
    const stale = `${file}.stale.${fx.pid}`;
    try {
      fs.renameSync(file, stale);
      fs.rmSync(stale, { force: true });
      fx.logger.warn(
        `job ${job}: removed stale lock of pid ${holder?.pid ?? '?'} (started ${holder?.started ?? '?'}), process is gone`,
      );
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
  }
  throw new CliError(
    `job ${job}: could not take the lock ${file}; another run took it at the same moment`,
    EXIT.locked,
  );
}

function readHolder(file: string): LockHolder | null {
  try {
    const h = JSON.parse(readText(file) ?? '') as Partial<LockHolder>;
    return typeof h.pid === 'number' && typeof h.started === 'string' ? { pid: h.pid, started: h.started } : null;
  } catch {
    return null;
  }
}

function readText(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

function mtimeMs(file: string): number {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}
