import { Cron } from 'croner';
import { localTimestamp } from '../dates.ts';
import { messageOf } from '../db.ts';
import { type Job, TIMEZONE } from './config.ts';
import type { JobDeps } from './deps.ts';
import { type RunView, readRuns } from './history.ts';
import { resolvePeriod } from './period.ts';
import { type RunOptions, type RunResult, historyFile, outcome, runJob } from './run.ts';

/**
 * The latest scheduled time at or before `now` whose report has not been produced: no successful
 * run of the job for that time's period started at or after it, and none under way. Null when
 * nothing is owed.
 */
export function missedRun(job: Job, runs: RunView[], now: Date): Date | null {
  const cron = new Cron(job.schedule, { timezone: TIMEZONE, paused: true });
  // previousRuns excludes its reference; a run due exactly now counts as owed.
  const due = cron.previousRuns(1, new Date(now.getTime() + 1))[0];
  cron.stop();
  if (!due) return null;
  const period = resolvePeriod(job.period, due).id;
  const covered = runs.some(
    (r) =>
      r.job === job.name &&
      r.period === period &&
      r.started >= due.toISOString() &&
      (r.status === 'ok' || r.status === 'running'),
  );
  return covered ? null : due;
}

export interface Scheduler {
  /** Stops the timers, interrupts runs under way (they publish nothing) and waits for them to record. */
  stop(reason: string): Promise<void>;
}

export type RunFn = (job: Job, options: RunOptions, deps: JobDeps) => Promise<RunResult>;

/**
 * Runs each job on its cron schedule in Asia/Ho_Chi_Minh; on start, catches up each job's missed
 * run once. A job never runs twice at once: in this process a busy job skips a tick, across
 * processes the job's lock file refuses the second run. `log` gets one line per event.
 */
export function startScheduler(
  jobs: Job[],
  deps: JobDeps,
  log: (line: string) => void,
  run: RunFn = runJob,
): Scheduler {
  const abort = new AbortController();
  const busy = new Map<string, Promise<void>>();
  const stamp = () => localTimestamp(deps.clock.now());

  const start = (job: Job, scheduledFor: Date, trigger: 'schedule' | 'catch-up') => {
    if (busy.has(job.name)) {
      log(`${stamp()} ${job.name} skipped ${localTimestamp(scheduledFor)}: the previous run is still going`);
      return;
    }
    const task = run(job, { at: scheduledFor, trigger, scheduledFor, signal: abort.signal }, deps)
      .then((r) =>
        log(
          `${stamp()} ${job.name} ${r.period} finished: ${outcome(r)}${r.errors.length ? `: ${r.errors.map((e) => (e.unit ? `${e.unit}: ` : '') + e.message).join('; ')}` : ''}${r.held.length ? `; held for incomplete data: ${r.held.map((h) => h.unit).join(', ')}` : ''}`,
        ),
      )
      .catch((e: unknown) => log(`${stamp()} ${job.name} not run: ${messageOf(e)}`))
      .finally(() => busy.delete(job.name));
    busy.set(job.name, task);
  };

  const history = readRuns(historyFile(deps), deps.isAlive);
  const crons = jobs.map((job) => {
    const cron = new Cron(job.schedule, { timezone: TIMEZONE, name: job.name }, (self: Cron) => {
      const at = self.currentRun() ?? deps.clock.now();
      log(`${stamp()} ${job.name} due ${localTimestamp(at)}`);
      start(job, at, 'schedule');
    });
    const nextRun = cron.nextRun();
    log(
      `${stamp()} ${job.name} scheduled "${job.schedule}" (${TIMEZONE}), next ${nextRun ? localTimestamp(nextRun) : 'never'}`,
    );
    const missed = missedRun(job, history, deps.clock.now());
    if (missed) {
      log(`${stamp()} ${job.name} catching up the run due ${localTimestamp(missed)}`);
      start(job, missed, 'catch-up');
    }
    return cron;
  });

  return {
    async stop(reason) {
      log(`${stamp()} stopping (${reason})`);
      for (const c of crons) c.stop();
      abort.abort(reason);
      await Promise.all(busy.values());
      log(`${stamp()} stopped`);
    },
  };
}
