import { existsSync } from 'node:fs';
import path from 'node:path';
import { type Db, openExisting } from '../db.ts';
import type { Effects } from '../effects.ts';
import { localDate } from '../dates.ts';
import { CliError, EXIT } from '../errors.ts';
import { type Missing, type ReadinessKind, describeMissing, readiness } from '../load/readiness.ts';
import { missingPath } from '../paths.ts';
import { loadIfChanged } from '../reload.ts';
import { parsePeriod, precedingPeriod } from '../metrics/period.ts';
import type { Period } from '../metrics/types.ts';
import { renderBrief, type BriefResult } from './brief.ts';
import { date } from './format.ts';
import type { DocumentOptions } from './options.ts';

export interface RunBriefOptions {
  /** A loaded database; without it `data` is loaded (or reused, when unchanged) into `out/cchc.duckdb`. */
  db?: string;
  data: string;
  period: string;
  unit?: string;
  /** Default `out/<period>/<unit_code>/`. */
  out?: string;
  template?: string;
  chromium?: string;
  timeoutMs?: number;
  document: DocumentOptions;
  /** Hold the brief (exit 6, nothing written) when data of these kinds is incomplete for the period. */
  require?: readonly ReadinessKind[];
  /** With `require`: render anyway, the brief opening with a note of what is missing. */
  force?: boolean;
}

export const DEFAULT_DB = path.join('out', 'cchc.duckdb');

/** `cchc brief`: the whole path from a data folder or database to a brief folder. */
export async function runBrief(options: RunBriefOptions, effects: Effects): Promise<BriefResult> {
  // A mistyped period fails before a load of the data folder, not after it.
  const notEnded = notEndedWarning(parsePeriod(options.period), localDate(effects.clock.now()));
  if (notEnded) effects.logger.warn(notEnded);
  const dbPath = options.db ?? (await ensureLoaded(options.data, effects));
  const db = await openReadOnly(dbPath);
  try {
    const incomplete = options.require ? await required(db, options) : undefined;
    const r = await renderBrief(
      db,
      {
        period: options.period,
        unit: options.unit,
        out: options.out ?? ((m) => path.join('out', m.period.id, m.scope.unit_code)),
        template: options.template,
        chromium: options.chromium,
        timeoutMs: options.timeoutMs,
        document: options.document,
        incomplete,
      },
      effects,
    );
    // Said here, not by renderBrief: a job renders into a hidden staging folder and names the published one.
    effects.logger.info(`brief written to ${r.dir} (${r.files.length} files, ${r.timings.total} ms)`);
    return r;
  } finally {
    db.close();
  }
}

/** What the brief lacks of the data it requires; a held brief (nothing missing to force past) is exit 6. */
async function required(db: Db, options: RunBriefOptions): Promise<Missing[]> {
  const r = await readiness(db, parsePeriod(options.period), options.unit, options.require);
  if (r.missing.length && !options.force) {
    throw new CliError(
      `held: the brief ${r.period} of ${r.unit} was not written; the data it requires (${options.require!.join(', ')}) is incomplete:\n${r.missing.map((m) => `  ${describeMissing(m)}`).join('\n')}\n(--force renders it anyway, with a note of what is missing)`,
      EXIT.held,
    );
  }
  return r.missing;
}

/**
 * A brief counts as of its period's end: asked for before that day, it reads "Tính đến ngày" a day
 * still to come and counts the tasks due until then as overdue. Said to the officer, who most
 * often meant the last ended period; null once the period has ended.
 */
export function notEndedWarning(p: Period, today: string): string | null {
  if (p.end < today) return null;
  const before = precedingPeriod(p);
  const instead = before.end < today ? `; the last ended period of this kind is ${before.id}` : '';
  return `warning: ${p.id} has not ended (it ends on ${date(p.end)}, today is ${date(today)}): the brief counts as of ${date(p.end)}, so tasks due by then count as overdue already and the days still to come have no data${instead}`;
}

/** Loads the data folder unless the database already holds exactly these files (same fingerprint). */
async function ensureLoaded(dataDir: string, effects: Effects): Promise<string> {
  const { fingerprintData, loadData } = await import('../load/index.ts');
  if (!existsSync(dataDir))
    throw new CliError(`data folder ${missingPath(dataDir)} does not exist; pass --data DIR or --db FILE`, EXIT.usage);
  const loader = { fingerprintData, loadData: (dir: string, db: string) => loadData(dir, db, effects) };
  const log = (why: string) => effects.logger.info(`${why}; loading ${dataDir} into ${DEFAULT_DB}`);
  if (!(await loadIfChanged(dataDir, DEFAULT_DB, loader, log))) {
    effects.logger.info(`${DEFAULT_DB} already holds ${dataDir}; not reloading`);
  }
  return DEFAULT_DB;
}

function openReadOnly(file: string): Promise<Db> {
  return openExisting(file, { readOnly: true });
}
