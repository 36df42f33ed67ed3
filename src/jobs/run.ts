import fs from 'node:fs';
import path from 'node:path';
import { Db, messageOf } from '../db.ts';
import { writeArchive } from '../deliver/archive.ts';
import { deliverJob, productionDelivery } from '../deliver/job.ts';
import type { DeliveryStatus } from '../deliver/record.ts';
import { CliError, DataError, EXIT, QueryError, type ExitCode, formatIssue } from '../errors.ts';
import { type ReadinessKind, describeMissing, readinessOf } from '../load/readiness.ts';
import { parsePeriod } from '../metrics/period.ts';
import type { Period } from '../metrics/types.ts';
import type { Job } from './config.ts';
import { ensureDatabase } from './data.ts';
import { fillHeader } from './header.ts';
import { forEachLimited } from './pool.ts';
import type { JobDeps, RenderSession } from './deps.ts';
import {
  type FinalStatus,
  type IncompleteUnit,
  type Trigger,
  type UnitError,
  appendRecord,
  readMessages,
  readRuns,
} from './history.ts';
import { acquireLock } from './lock.ts';
import { type RunManifest, publish, pruneRuns, removeAbandoned, stagingDir } from './outputs.ts';
import { resolvePeriod } from './period.ts';
import { resolveUnits } from './units.ts';

export interface RunOptions {
  /** The moment the run stands for; the period is resolved from it. Default: the clock's now. */
  at?: Date;
  /** A fixed period instead of the job's. */
  period?: string;
  trigger?: Trigger;
  scheduledFor?: Date | null;
  /** Aborting stops the batch: the browser is closed, nothing is published, the run is recorded failed. */
  signal?: AbortSignal;
  /** Write the job's e-mails as .eml files into this folder instead of sending them. */
  eml?: string;
  /** Send again to recipients who already accepted this job and period's brief. */
  resend?: boolean;
  /** Render the briefs whose required data is incomplete anyway, each with a note saying what is missing. */
  force?: boolean;
}

export interface RunResult {
  run_id: string;
  job: string;
  period: string;
  status: FinalStatus;
  exit_code: ExitCode;
  units: string[];
  outputs: string[];
  errors: UnitError[];
  /** The error that stopped the whole run, rethrown by `cchc run` so it prints as usual. */
  error: unknown;
  /** Null when the job has no `deliver` or nothing was published. */
  delivery: { status: DeliveryStatus; note: string } | null;
  /** Why a run that rendered nothing had nothing to do (its units do not stand in the period); else null. */
  note: string | null;
  /** Units whose brief was held: data the job requires is missing for the period. */
  held: IncompleteUnit[];
  /** Units rendered with required data missing (`force`), their briefs saying what is missing. */
  forced: IncompleteUnit[];
}

/**
 * Briefs rendered at once in a batch. Chromium prints in its own processes and DuckDB runs on its
 * own threads, so three in flight keep two cores busy (bench/batch.ts; figures in docs/jobs.md).
 */
const BATCH_WORKERS = 3;

/** Data issues kept in a failed run's history record; `cchc check` lists them all. */
const HISTORY_ISSUES = 20;

export const historyFile = (deps: Pick<JobDeps, 'outputRoot'>): string => path.join(deps.outputRoot, 'runs.jsonl');
export const lockFile = (deps: Pick<JobDeps, 'outputRoot'>, job: string): string =>
  path.join(deps.outputRoot, '.locks', `${job}.lock`);

/**
 * One run of a job: lock, reload data if it changed, render every unit's brief into a staging
 * folder with one browser, publish, prune, record. Failures of the run are recorded and returned,
 * not thrown. Only what prevents recording throws: a held lock (exit 3, nothing at all is
 * written) or an output folder where the lock or history cannot be written (exit 4).
 */
export async function runJob(job: Job, options: RunOptions, deps: JobDeps): Promise<RunResult> {
  const period = options.period
    ? parsePeriod(options.period)
    : resolvePeriod(job.period, options.at ?? deps.clock.now());
  const label = `${job.name} ${period.id}`;
  const release = bookkeeping(`take the lock in ${deps.outputRoot}`, () =>
    acquireLock(lockFile(deps, job.name), job.name, deps),
  );
  const started = deps.clock.now().toISOString();
  const runId = `${job.name}.${period.id}.${started.replace(/[-:.]/g, '')}.${deps.pid}`;
  const result: RunResult = {
    run_id: runId,
    job: job.name,
    period: period.id,
    status: 'failed',
    exit_code: EXIT.render,
    units: [],
    outputs: [],
    errors: [],
    error: null,
    delivery: null,
    note: null,
    held: [],
    forced: [],
  };
  const record = (r: Parameters<typeof appendRecord>[1]) =>
    bookkeeping(`write the run history ${historyFile(deps)}`, () => appendRecord(historyFile(deps), r));
  try {
    record({
      event: 'started',
      run_id: runId,
      job: job.name,
      period: period.id,
      started,
      pid: deps.pid,
      trigger: options.trigger ?? 'manual',
      scheduled_for: options.scheduledFor?.toISOString() ?? null,
    });
    deps.logger.info(`${label}: started (${options.trigger ?? 'manual'})`);
    for (const name of removeAbandoned(job.outDir, deps.isAlive))
      deps.logger.warn(`${label}: removed ${name} left by a run that was killed`);
    try {
      await renderAll(job, period, runId, started, options, deps, result);
    } catch (e) {
      result.status = 'failed';
      result.exit_code = exitCodeOf(e);
      result.error = e;
      result.errors.push(...wholeRunErrors(e));
    }
    const email = job.deliver?.email;
    if (email && result.outputs.length > 0) {
      result.delivery = await deliverJob(
        {
          spec: email,
          runId,
          job: job.name,
          period: period.id,
          outputs: result.outputs,
          dbPath: path.resolve(deps.root, job.database),
          history: readMessages(historyFile(deps)),
          eml: options.eml,
          resend: options.resend ?? false,
          signal: options.signal,
          record,
        },
        { clock: deps.clock, logger: deps.logger, delivery: deps.delivery ?? productionDelivery() },
      );
      if (result.delivery.status === 'incomplete' && result.exit_code === EXIT.ok) result.exit_code = EXIT.delivery;
    }
    if (result.outputs.length > 0) {
      // The archive is a view of what is on disk; failing to refresh it leaves the briefs published.
      try {
        // Job folders outside the output root (an absolute `output`) are known from the outputs the history lists.
        const jobDirs = [
          job.outDir,
          ...readRuns(historyFile(deps), deps.isAlive).flatMap((r) =>
            r.outputs.map((o) => path.dirname(path.dirname(o))),
          ),
        ];
        await writeArchive(deps.outputRoot, readMessages(historyFile(deps)), deps.clock.now(), jobDirs);
      } catch (e) {
        deps.logger.warn(`${label}: could not refresh ${path.join(deps.outputRoot, 'index.html')}: ${messageOf(e)}`);
      }
    }
    record({
      event: 'finished',
      run_id: runId,
      job: job.name,
      period: period.id,
      units: result.units,
      started,
      finished: deps.clock.now().toISOString(),
      status: result.status,
      exit_code: result.exit_code,
      outputs: result.outputs,
      errors: result.errors,
      ...(result.note ? { note: result.note } : {}),
      ...(result.held.length ? { held: result.held } : {}),
      ...(result.forced.length ? { forced: result.forced } : {}),
    });
    deps.logger.info(`${label}: ${outcome(result)}`);
    return result;
  } finally {
    release();
  }
}

const briefs = (n: number) => `${n} brief${n === 1 ? '' : 's'}`;

/**
 * What a run came to, in words, then its exit code: "published 3 briefs; e-mail delivery
 * incomplete (exit 5)". A status word beside a non-zero exit ("ok, exit 5") read as a contradiction.
 */
export function outcome(
  r: Pick<RunResult, 'status' | 'exit_code' | 'units' | 'outputs' | 'errors' | 'held' | 'note' | 'delivery'>,
): string {
  const parts: string[] = [];
  if (r.status === 'ok') parts.push(r.note ?? `published ${briefs(r.outputs.length)}`);
  else if (r.status === 'held') parts.push('held: no brief rendered, the data the job requires is incomplete');
  else if (r.status === 'partial') {
    parts.push(`published ${r.outputs.length} of ${briefs(r.units.length)}`);
    if (r.errors.length) parts.push(`${r.errors.length} failed`);
  } else parts.push(`failed${r.errors.length > 1 ? `, ${r.errors.length} errors` : ''}`);
  if (r.status === 'partial' && r.held.length) parts.push(`${r.held.length} held for incomplete data`);
  if (r.delivery?.status === 'incomplete') parts.push('e-mail delivery incomplete');
  return `${parts.join('; ')} (exit ${r.exit_code})`;
}

async function renderAll(
  job: Job,
  period: Period,
  runId: string,
  started: string,
  { signal, force = false }: Pick<RunOptions, 'signal' | 'force'>,
  deps: JobDeps,
  result: RunResult,
): Promise<void> {
  const label = `${job.name} ${period.id}`;
  const dbPath = path.resolve(deps.root, job.database);
  await ensureDatabase(path.resolve(deps.root, job.data), dbPath, deps.loader, deps.logger, label);
  // A load is atomic and left to finish; a stop that came during it should not start Chromium.
  throwIfAborted(signal);
  const staging = stagingDir(job.outDir, period.id, deps.pid);
  const db = await Db.open(dbPath, { readOnly: true });
  const dbs = [db];
  let session: RenderSession | undefined;
  const onAbort = () => void session?.close();
  try {
    const { units, idle } = await resolveUnits(db, job, period);
    if (idle !== null) {
      // Nothing stands to report on (districts after 1 July 2025): a finished run, not a failure.
      result.status = 'ok';
      result.exit_code = EXIT.ok;
      result.note = `nothing to do: ${idle}`;
      deps.logger.info(`${label}: ${result.note}`);
      return;
    }
    result.units = units;
    const incomplete = job.require ? await incompleteUnits(db, period, units, job.require) : [];
    const lacking = new Map(incomplete.map((u) => [u.unit, u.missing]));
    if (force) result.forced = incomplete;
    else result.held = incomplete;
    for (const h of result.held)
      deps.logger.warn(`${label}: ${h.unit} held: ${h.missing.map(describeMissing).join('; ')}`);
    const toRender = units.filter((u) => force || !lacking.has(u));
    if (toRender.length === 0) {
      result.status = 'held';
      result.exit_code = EXIT.held;
      result.note = `held: the data this job requires (${job.require!.join(', ')}) is incomplete for every unit; nothing rendered`;
      return;
    }
    fs.rmSync(staging, { recursive: true, force: true });
    fs.mkdirSync(staging, { recursive: true });
    session = await deps.openSession();
    signal?.addEventListener('abort', onAbort, { once: true });
    // Several briefs at a time: while Chromium prints one, Node computes the next one's metrics and charts.
    // Each worker reads through its own connection to the one instance of the file (one connection
    // cannot serve two queries at once; a second instance would cache the same file twice).
    const workers = Math.min(BATCH_WORKERS, toRender.length);
    for (let w = 1; w < workers; w++) dbs.push(await db.connect());
    const outcome: (string | null)[] = toRender.map(() => null);
    await forEachLimited(toRender, workers, async (unit, i, w) => {
      if (signal?.aborted) return;
      const t0 = performance.now();
      try {
        await session!.render(dbs[w]!, {
          period,
          unit,
          outDir: path.join(staging, unit),
          template: job.template,
          header: fillHeader(job.header, period, unit),
          incomplete: lacking.get(unit),
        });
        deps.logger.info(`${label}: ${unit} rendered in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      } catch (e) {
        if (signal?.aborted) return;
        outcome[i] = messageOf(e);
        deps.logger.warn(`${label}: ${unit} failed: ${messageOf(e)}`);
      }
    });
    const done = toRender.filter((_, i) => outcome[i] === null);
    toRender.forEach((unit, i) => outcome[i] !== null && result.errors.push({ unit, message: outcome[i]! }));
    throwIfAborted(signal);
    if (done.length === 0) throw new CliError(`every brief failed; nothing was published`, EXIT.render);
    // Held briefs are missing from the period like failed ones: a complete earlier run is not replaced.
    const status = done.length === result.units.length ? 'complete' : 'partial';
    const manifest: RunManifest = {
      run_id: runId,
      job: job.name,
      period: period.id,
      status,
      units: done,
      failed_units: result.errors.map((e) => e.unit!),
      ...(result.held.length ? { held_units: result.held.map((h) => h.unit) } : {}),
      started,
      finished: deps.clock.now().toISOString(),
    };
    const published = publish(staging, job.outDir, manifest, deps.pid);
    result.outputs = done.map((u) => path.join(published, u));
    deps.logger.info(`${label}: ${briefs(done.length)} published in ${published}`);
    result.status = status === 'complete' ? 'ok' : 'partial';
    // A failed brief outweighs a held one: it needs fixing, the held one only waits for data.
    result.exit_code = result.errors.length ? EXIT.render : result.held.length ? EXIT.held : EXIT.ok;
    if (status === 'complete') {
      for (const dir of pruneRuns(job.outDir, job.name, job.retention))
        deps.logger.info(`${label}: retention: removed ${dir}`);
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
    await session?.close();
    // The instance's owner last: the other connections close on it.
    for (const d of dbs.reverse()) d.close();
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/**
 * The units whose brief lacks data of the `kinds` the job requires, with what each lacks: the
 * readiness report of `cchc check --period` (src/load/readiness.ts), asked for all units at once.
 */
async function incompleteUnits(
  db: Db,
  period: Period,
  units: string[],
  kinds: readonly ReadinessKind[],
): Promise<IncompleteUnit[]> {
  const all = await readinessOf(db, period, units, kinds);
  return all.filter((r) => !r.ready).map((r) => ({ unit: r.unit, missing: r.missing }));
}

/** What the history keeps of an error that stopped the run; data errors keep their first issues, located. */
function wholeRunErrors(e: unknown): UnitError[] {
  if (!(e instanceof DataError)) return [{ unit: null, message: messageOf(e) }];
  const shown = e.issues.slice(0, HISTORY_ISSUES).map((i) => ({ unit: null, message: formatIssue(i) }));
  const more = e.issues.length - shown.length;
  return [
    { unit: null, message: `${messageOf(e)}; nothing was loaded` },
    ...shown,
    ...(more > 0 ? [{ unit: null, message: `… and ${more} more (cchc check --data DIR lists all)` }] : []),
  ];
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted)
    throw new CliError(`interrupted by ${String(signal.reason ?? 'a signal')}; nothing was published`, EXIT.render);
}

/** A file-system failure of the job's own bookkeeping (lock, history) as a message naming the path, not a stack. */
function bookkeeping<T>(what: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof CliError || !(e as NodeJS.ErrnoException).code) throw e;
    throw new CliError(`cannot ${what}: ${messageOf(e)}; the output folder must be a writable folder`, EXIT.render, {
      cause: e,
    });
  }
}

function exitCodeOf(e: unknown): ExitCode {
  if (e instanceof DataError || e instanceof QueryError) return EXIT.data;
  if (e instanceof CliError) return e.exitCode;
  return EXIT.render;
}
