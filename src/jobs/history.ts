import fs from 'node:fs';
import path from 'node:path';
import type { DeliveryRecord, DeliveryView, MessageRecord } from '../deliver/record.ts';
import type { Missing } from '../load/readiness.ts';

export type Trigger = 'manual' | 'schedule' | 'catch-up';
/** `held`: every brief of the run lacked data the job requires, so none was rendered. */
export type FinalStatus = 'ok' | 'failed' | 'partial' | 'held';

export interface UnitError {
  /** Null when the whole run failed before any unit (data, lock, configuration). */
  unit: string | null;
  message: string;
}

/** A unit whose brief lacked data the job requires, and what it lacked (`cchc check --period`'s items). */
export interface IncompleteUnit {
  unit: string;
  missing: Missing[];
}

export interface StartedRecord {
  event: 'started';
  run_id: string;
  job: string;
  period: string;
  started: string;
  pid: number;
  trigger: Trigger;
  /** The cron time this run stands for, when the scheduler started it. */
  scheduled_for: string | null;
}

export interface FinishedRecord {
  event: 'finished';
  run_id: string;
  job: string;
  period: string;
  units: string[];
  started: string;
  finished: string;
  status: FinalStatus;
  exit_code: number;
  outputs: string[];
  errors: UnitError[];
  /** Why a run had nothing to do, when it rendered nothing without failing. */
  note?: string;
  /** Units not rendered because data the job requires is missing (when any). */
  held?: IncompleteUnit[];
  /** Units rendered anyway (`--force`) with data the job requires missing, the brief saying so (when any). */
  forced?: IncompleteUnit[];
}

export interface RunView {
  run_id: string;
  job: string;
  period: string;
  units: string[];
  started: string;
  finished: string | null;
  status: FinalStatus | 'running';
  exit_code: number | null;
  outputs: string[];
  errors: UnitError[];
  trigger: Trigger;
  scheduled_for: string | null;
  pid: number;
  /** Null when the job has no `deliver` or the run published nothing. */
  delivery: DeliveryView | null;
  /** Why a finished run had nothing to do; else null. */
  note: string | null;
  held: IncompleteUnit[];
  forced: IncompleteUnit[];
}

type HistoryRecord = StartedRecord | FinishedRecord | MessageRecord | DeliveryRecord;

/**
 * One JSON line per event, appended with a single write and flushed, so a crash loses at most
 * the line being written; readers skip a torn last line.
 */
export function appendRecord(file: string, record: HistoryRecord): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const fd = fs.openSync(file, 'a');
  try {
    fs.writeSync(fd, JSON.stringify(record) + '\n');
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Runs oldest first. A `started` with no `finished` is `running` while its process lives and
 * `failed` once it is gone: a run killed mid-way shows as failed.
 */
export function readRuns(file: string, isAlive: (pid: number) => boolean): RunView[] {
  const runs = new Map<string, RunView>();
  for (const rec of readRecords(file)) {
    if (rec.event === 'started') {
      runs.set(rec.run_id, {
        run_id: rec.run_id,
        job: rec.job,
        period: rec.period,
        units: [],
        started: rec.started,
        finished: null,
        status: 'running',
        exit_code: null,
        outputs: [],
        errors: [],
        trigger: rec.trigger,
        scheduled_for: rec.scheduled_for,
        pid: rec.pid,
        delivery: null,
        note: null,
        held: [],
        forced: [],
      });
    } else if (rec.event === 'message' || rec.event === 'delivery') {
      const run = runs.get(rec.run_id);
      if (!run) continue;
      run.delivery ??= { status: 'incomplete', note: '', smtp: null, messages: [] };
      if (rec.event === 'message') run.delivery.messages.push(rec);
      else Object.assign(run.delivery, { status: rec.status, note: rec.note, smtp: rec.smtp });
    } else {
      const run = runs.get(rec.run_id);
      if (run) {
        Object.assign(run, {
          period: rec.period,
          units: rec.units,
          finished: rec.finished,
          status: rec.status,
          exit_code: rec.exit_code,
          outputs: rec.outputs,
          errors: rec.errors,
          note: rec.note ?? null,
          held: rec.held ?? [],
          forced: rec.forced ?? [],
        });
      }
    }
  }
  for (const run of runs.values()) {
    if (run.status === 'running' && !isAlive(run.pid)) {
      run.status = 'failed';
      run.errors = [{ unit: null, message: `interrupted: process ${run.pid} ended without finishing the run` }];
    }
  }
  return [...runs.values()];
}

/**
 * Every message line of the history, whatever run it belongs to: who already has which brief is
 * read from these, so a run whose `started` line was lost still counts.
 */
export function readMessages(file: string): MessageRecord[] {
  return readRecords(file).filter((r): r is MessageRecord => r.event === 'message');
}

function readRecords(file: string): HistoryRecord[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  return text
    .split('\n')
    .map(parseLine)
    .filter((r) => r !== null);
}

const EVENTS = new Set(['started', 'finished', 'message', 'delivery']);

function parseLine(line: string): HistoryRecord | null {
  if (!line.trim()) return null;
  try {
    const r = JSON.parse(line) as HistoryRecord;
    return EVENTS.has(r.event) && typeof r.run_id === 'string' ? r : null;
  } catch {
    return null;
  }
}
