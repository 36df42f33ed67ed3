import fs from 'node:fs';
import path from 'node:path';
import { Db } from '../db.ts';
import type { Logger } from '../effects.ts';
import type { Loader } from './deps.ts';

/** Checks under way per database file in this process. */
const pending = new Map<string, Promise<unknown>>();

/**
 * Loads `dataDir` into `dbPath` only when the data's content fingerprint differs from the one the
 * database was loaded from (or there is no usable database). Throws the loader's DataError.
 * Calls for the same database wait for each other: the scheduler's jobs share one database, and
 * two loads in one process would share the loader's temp file.
 */
export async function ensureDatabase(dataDir: string, dbPath: string, loader: Loader, logger: Logger, label: string): Promise<boolean> {
  const key = path.resolve(dbPath);
  const previous = pending.get(key) ?? Promise.resolve();
  const mine = previous.then(() => reloadIfChanged(dataDir, dbPath, loader, logger, label));
  const settled = mine.catch(() => undefined);
  pending.set(key, settled);
  try {
    return await mine;
  } finally {
    if (pending.get(key) === settled) pending.delete(key);
  }
}

async function reloadIfChanged(dataDir: string, dbPath: string, loader: Loader, logger: Logger, label: string): Promise<boolean> {
  const [current, loaded] = await Promise.all([loader.fingerprintData(dataDir), loadedFingerprint(dbPath)]);
  if (current === loaded) return false;
  logger.info(`${label}: ${loaded === null ? 'no database yet' : 'data changed'}; loading ${dataDir} into ${dbPath}`);
  await loader.loadData(dataDir, dbPath);
  return true;
}

async function loadedFingerprint(dbPath: string): Promise<string | null> {
  if (!fs.existsSync(dbPath)) return null;
  let db: Db | undefined;
  try {
    db = await Db.open(dbPath, { readOnly: true });
    const row = await db.one<{ fingerprint: string }>('SELECT fingerprint FROM meta_load ORDER BY loaded_at DESC LIMIT 1');
    return row?.fingerprint ?? null;
  } catch {
    // An unreadable or foreign file is rebuilt by the load, which replaces it atomically.
    return null;
  } finally {
    db?.close();
  }
}
