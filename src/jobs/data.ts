import fs from 'node:fs';
import { Db } from '../db.ts';
import type { Logger } from '../effects.ts';
import type { Loader } from './deps.ts';

/**
 * Loads `dataDir` into `dbPath` only when the data's content fingerprint differs from the one the
 * database was loaded from (or there is no usable database). Throws the loader's DataError.
 */
export async function ensureDatabase(dataDir: string, dbPath: string, loader: Loader, logger: Logger, label: string): Promise<boolean> {
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
