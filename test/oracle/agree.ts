/** Engine against oracle on one loaded world: the same figures, or the same refusal. */
import path from 'node:path';
import { expect } from 'vitest';
import { Db } from '../../src/db.ts';
import { silentLogger } from '../../src/effects.ts';
import { CliError } from '../../src/errors.ts';
import { loadData } from '../../src/load/index.ts';
import { computeMetrics, parsePeriod } from '../../src/metrics/index.ts';
import { SAMPLE_CLOCK } from '../fixtures/brief/make.ts';
import { tempDir } from '../tmp.ts';
import { differences } from './compare.ts';
import { oracleMetrics, OracleUsageError } from './metrics.ts';
import { readFolder, type Tables } from './read.ts';

const effects = { clock: SAMPLE_CLOCK, logger: silentLogger };

export interface World {
  tables: Tables;
  db: Db;
}

/** The folder loaded by the engine's loader into a fresh database, and read by the oracle's own reader. */
export async function world(dataDir: string): Promise<World> {
  const file = path.join(tempDir('cchc-oracle-'), 'cchc.duckdb');
  await loadData(dataDir, file, effects);
  return { tables: await readFolder(dataDir), db: await Db.open(file, { readOnly: true }) };
}

export async function agree(w: World, period: string, unit?: string): Promise<void> {
  let oracle: ReturnType<typeof oracleMetrics> | undefined;
  try {
    oracle = oracleMetrics(w.tables, period, unit);
  } catch (e) {
    if (!(e instanceof OracleUsageError)) throw e;
    await expect(computeMetrics(w.db, { period: parsePeriod(period), unit }), `oracle: ${e.message}`).rejects.toThrow(
      CliError,
    );
    return;
  }
  const engine = JSON.parse(JSON.stringify(await computeMetrics(w.db, { period: parsePeriod(period), unit })));
  const diff = differences(oracle, engine);
  expect(diff, `${unit ?? 'default scope'} ${period} (oracle vs engine):\n${diff.join('\n')}`).toEqual([]);
}
