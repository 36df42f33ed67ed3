import fs from 'node:fs';
import path from 'node:path';
import { type Db, openExisting } from '../db.ts';
import { writeAtomic } from '../atomic.ts';
import { computeMetrics } from './index.ts';
import { parsePeriod } from './period.ts';

export interface RunMetricsOptions {
  db: string;
  period: string;
  unit?: string;
  /** Write here (atomically) instead of stdout. */
  out?: string;
}

export interface RunMetricsEffects {
  stdout: { write(s: string): unknown };
}

/** `cchc metrics`: metrics.json for a period and scope, from a loaded database opened read-only. */
export async function runMetrics(options: RunMetricsOptions, effects: RunMetricsEffects): Promise<void> {
  const period = parsePeriod(options.period);
  const db = await openReadOnly(options.db);
  let json: string;
  try {
    json = JSON.stringify(await computeMetrics(db, { period, unit: options.unit }), null, 2) + '\n';
  } finally {
    db.close();
  }
  if (!options.out) {
    effects.stdout.write(json);
    return;
  }
  fs.mkdirSync(path.dirname(path.resolve(options.out)), { recursive: true });
  await writeAtomic(options.out, (tmp) => fs.promises.writeFile(tmp, json));
}

function openReadOnly(file: string): Promise<Db> {
  return openExisting(file, { readOnly: true });
}
