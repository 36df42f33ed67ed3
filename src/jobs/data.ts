import path from 'node:path';
import type { Logger } from '../effects.ts';
import { loadIfChanged } from '../reload.ts';
import type { Loader } from './deps.ts';

/** Checks under way per database file in this process. */
const pending = new Map<string, Promise<unknown>>();

/**
 * Loads `dataDir` into `dbPath` only when the data's content fingerprint differs from the one the
 * database was loaded from (or there is no usable database). Throws the loader's DataError.
 * Calls for the same database wait for each other: the scheduler's jobs share one database, and
 * two loads in one process would share the loader's temp file.
 */
export async function ensureDatabase(
  dataDir: string,
  dbPath: string,
  loader: Loader,
  logger: Logger,
  label: string,
): Promise<boolean> {
  const key = path.resolve(dbPath);
  const previous = pending.get(key) ?? Promise.resolve();
  const log = (why: string) => logger.info(`${label}: ${why}; loading ${dataDir} into ${dbPath}`);
  const mine = previous.then(() => loadIfChanged(dataDir, dbPath, loader, log));
  const settled = mine.catch(() => undefined);
  pending.set(key, settled);
  try {
    return await mine;
  } finally {
    if (pending.get(key) === settled) pending.delete(key);
  }
}
