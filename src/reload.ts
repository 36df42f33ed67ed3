import fs from 'node:fs';
import { Db } from './db.ts';

/** What reloading needs of the loader; jobs inject a fake, `cchc brief` passes the real one. */
export interface Reloader {
  fingerprintData(dataDir: string): Promise<string>;
  loadData(dataDir: string, dbPath: string): Promise<unknown>;
}

/**
 * The one rule for "is this database current": it holds the data folder's content fingerprint in
 * its last meta_load row. Loads `dataDir` into `dbPath` when not (or when there is no usable
 * database) and says why; returns whether it loaded. The loader's DataError passes through.
 */
export async function loadIfChanged(
  dataDir: string,
  dbPath: string,
  loader: Reloader,
  onLoad: (reason: 'no database yet' | 'data changed') => void,
): Promise<boolean> {
  const [current, loaded] = await Promise.all([loader.fingerprintData(dataDir), loadedFingerprint(dbPath)]);
  if (current === loaded) return false;
  onLoad(loaded === null ? 'no database yet' : 'data changed');
  await loader.loadData(dataDir, dbPath);
  return true;
}

/** The fingerprint of the data a database was loaded from; null when there is no usable one. */
export async function loadedFingerprint(dbPath: string): Promise<string | null> {
  if (!fs.existsSync(dbPath)) return null;
  let db: Db | undefined;
  try {
    db = await Db.open(dbPath, { readOnly: true });
    const row = await db.one<{ fingerprint: string }>(
      'SELECT fingerprint FROM meta_load ORDER BY loaded_at DESC LIMIT 1',
    );
    return row?.fingerprint ?? null;
  } catch {
    // An unreadable or foreign file is rebuilt by the load, which replaces it atomically.
    return null;
  } finally {
    db?.close();
  }
}
