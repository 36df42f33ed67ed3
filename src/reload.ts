import fs from 'node:fs';
import { Db } from './db.ts';
import { DEFINITIONS_VERSION, loadedDefinitions } from './metrics/definitions.ts';

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
  onLoad: (reason: 'no database yet' | 'data changed' | 'loaded with older definitions') => void,
): Promise<boolean> {
  const [current, loaded] = await Promise.all([loader.fingerprintData(dataDir), loadedState(dbPath)]);
  if (current === loaded?.fingerprint && loaded.definitions === DEFINITIONS_VERSION) return false;
  onLoad(
    loaded === null
      ? 'no database yet'
      : current !== loaded.fingerprint
        ? 'data changed'
        : 'loaded with older definitions',
  );
  await loader.loadData(dataDir, dbPath);
  return true;
}

/** The fingerprint of the data a database was loaded from; null when there is no usable one. */
export async function loadedFingerprint(dbPath: string): Promise<string | null> {
  return (await loadedState(dbPath))?.fingerprint ?? null;
}

/**
 * The fingerprint and the version of queries/shared/definitions.sql a database was loaded with: the
 * same files loaded by a cchc with other definitions are loaded again.
 */
async function loadedState(dbPath: string): Promise<{ fingerprint: string; definitions: string | null } | null> {
  if (!fs.existsSync(dbPath)) return null;
  let db: Db | undefined;
  try {
    db = await Db.open(dbPath, { readOnly: true });
    const row = await db.one<{ fingerprint: string }>(
      'SELECT fingerprint FROM meta_load ORDER BY loaded_at DESC LIMIT 1',
    );
    return row ? { fingerprint: row.fingerprint, definitions: await loadedDefinitions(db) } : null;
  } catch {
    // An unreadable or foreign file is rebuilt by the load, which replaces it atomically.
    return null;
  } finally {
    db?.close();
  }
}
