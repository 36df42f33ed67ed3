import path from 'node:path';
import { productionDelivery } from '../deliver/job.ts';
import { type Effects, type Logger, systemClock } from '../effects.ts';
import { openBriefSession } from './brief-session.ts';
import type { JobDeps } from './deps.ts';
import { processAlive } from '../pid.ts';

/** The real clock, loader, Chromium renderer and process checks; paths relative to `root` (the working folder). */
export function productionDeps(root: string, logger: Logger): JobDeps {
  const effects: Effects = { clock: systemClock, logger };
  return {
    clock: systemClock,
    logger,
    pid: process.pid,
    isAlive: processAlive,
    loader: {
      fingerprintData: async (dir) => (await import('../load/index.ts')).fingerprintData(dir),
      loadData: async (dir, db) => (await import('../load/index.ts')).loadData(dir, db, effects),
    },
    openSession: () => openBriefSession(effects),
    root,
    outputRoot: path.join(root, 'out'),
    delivery: productionDelivery(),
  };
}

/** Aborts `controller` on SIGINT/SIGTERM until the returned function is called. */
export function abortOnSignals(controller: AbortController): () => void {
  const handlers = (['SIGINT', 'SIGTERM'] as const).map((sig) => {
    const h = () => controller.abort(sig);
    process.once(sig, h);
    return [sig, h] as const;
  });
  return () => handlers.forEach(([sig, h]) => process.off(sig, h));
}
