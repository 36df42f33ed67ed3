import fs from 'node:fs';
import path from 'node:path';
import { requireEmail } from '../deliver/job.ts';
import { CliError, DataError, EXIT } from '../errors.ts';
import { type Logger, stderrLogger } from '../effects.ts';
import { formatTable } from '../sql/format/table.ts';
import { type Job, jobFile, readJob } from './config.ts';
import type { JobDeps } from './deps.ts';
import { type RunView, readRuns } from './history.ts';
import { crontab, systemdUnits } from './os-scheduler.ts';
import { parseAt } from './period.ts';
import { abortOnSignals, productionDeps } from './production.ts';
import { historyFile, runJob } from './run.ts';
import { startScheduler } from './schedule.ts';
import { localDateTime, localTimestamp } from '../dates.ts';
import { describeMissing } from '../load/readiness.ts';

type Out = (s: string) => void;

/** `cchc run JOB`: one run; prints the brief folders; a failed or partial run becomes the matching exit code. */
export async function runCommand(
  name: string,
  opts: { at?: string; period?: string; eml?: string; resend?: boolean; force?: boolean },
  out: Out,
  deps: JobDeps = productionDeps(process.cwd(), stderrLogger),
): Promise<void> {
  const job = readJob(jobFile(name, deps.root), deps.outputRoot);
  const at = opts.at === undefined ? undefined : parseAt(opts.at);
  if (opts.eml !== undefined) requireEmail(job.deliver?.email, job.file);
  if (opts.eml !== undefined && opts.resend)
    throw new CliError('--eml writes files and sends nothing; --resend does not apply');
  if (opts.force && !job.require)
    throw new CliError(`--force renders briefs the job's "require" would hold; ${job.file} requires nothing`);
  const eml = opts.eml === undefined ? undefined : path.resolve(deps.root, opts.eml);
  const controller = new AbortController();
  const unhook = abortOnSignals(controller);
  try {
    const r = await runJob(
      job,
      {
        at,
        period: opts.period,
        trigger: 'manual',
        signal: controller.signal,
        eml,
        resend: opts.resend,
        force: opts.force,
      },
      deps,
    );
    for (const o of r.outputs) out(path.relative(deps.root, o) || o);
    if (r.exit_code === EXIT.ok) return;
    if (r.exit_code === EXIT.delivery) {
      const where = path.relative(deps.root, historyFile(deps));
      throw new CliError(
        `job ${r.job} ${r.period}: every brief is published, but delivery is incomplete: ${r.delivery?.note}\n(recorded in ${where}; cchc runs --json shows every attempt)`,
        r.exit_code,
      );
    }
    if (r.exit_code === EXIT.held) {
      const lines = r.held.flatMap((h) => h.missing.map((m) => `  ${h.unit}: ${describeMissing(m)}`));
      throw new CliError(
        `job ${r.job} ${r.period}: ${r.held.length} of ${r.units.length} briefs held, the data the job requires (${job.require!.join(', ')}) is incomplete:\n${lines.join('\n')}\n(recorded in ${path.relative(deps.root, historyFile(deps))}; \`cchc run ${r.job} --force\` renders them anyway, each with a note of what is missing)`,
        r.exit_code,
      );
    }
    if (r.status === 'failed' && r.error instanceof DataError) throw r.error;
    const lines = r.errors.map((e) => `  ${e.unit ?? r.job}: ${e.message}`);
    const what = r.status === 'partial' ? `${r.errors.length} of ${r.units.length} briefs failed` : 'failed';
    throw new CliError(
      `job ${r.job} ${r.period} ${what}:\n${lines.join('\n')}\n(recorded in ${path.relative(deps.root, historyFile(deps))})`,
      r.exit_code,
    );
  } finally {
    unhook();
  }
}

/**
 * `cchc runs`: the history, newest last, as a table (or JSON lines' worth as one JSON array). No
 * runs names the history file read, on stdout for a person, on stderr beside JSON's `[]`: an empty
 * history is most often cchc started in another folder than the jobs'.
 */
export function runsCommand(
  opts: { job?: string; last: string; json: boolean },
  out: Out,
  deps: Pick<JobDeps, 'outputRoot' | 'isAlive'> = productionDeps(process.cwd(), stderrLogger),
  err: Out = (s) => process.stderr.write(s + '\n'),
): void {
  const last = Number(opts.last);
  if (!Number.isInteger(last) || last < 1)
    throw new CliError(`--last ${opts.last} must be a whole number of runs, 1 or more`);
  const file = historyFile(deps);
  const runs = readRuns(file, deps.isAlive)
    .filter((r) => !opts.job || r.job === opts.job)
    .slice(-last);
  const none = `no runs recorded${opts.job ? ` for job ${opts.job}` : ''} in ${file}${fs.existsSync(file) ? '' : ' (no such file yet)'}`;
  if (opts.json) {
    if (runs.length === 0) err(none);
    return out(JSON.stringify(runs, null, 2));
  }
  if (runs.length === 0) return out(none);
  out(formatTable(runsTable(runs)).trimEnd());
}

function runsTable(runs: RunView[]) {
  const cols = [
    'started',
    'job',
    'period',
    'status',
    'exit',
    'units',
    'held',
    'finished',
    'delivery',
    'outputs',
    'error',
  ];
  return {
    columns: cols.map((name) => ({
      name,
      kind: name === 'exit' || name === 'units' ? ('int' as const) : ('text' as const),
    })),
    rows: runs.map((r) => [
      local(r.started),
      r.job,
      r.period,
      r.status,
      r.exit_code,
      r.units.length,
      heldSummary(r),
      r.finished ? local(r.finished) : '',
      r.delivery ? deliverySummary(r) : '',
      r.outputs.length ? commonDir(r.outputs) : (r.note ?? ''),
      r.errors.map((e) => (e.unit ? `${e.unit}: ` : '') + e.message).join('; '),
    ]),
    rowsChanged: 0,
  };
}

/** Held units with what each lacked, the first few (`cchc runs --json` has them all); `forced:` when rendered anyway. */
function heldSummary(r: RunView): string {
  const [units, how] = r.held.length ? [r.held, ''] : [r.forced, 'forced: '];
  if (units.length === 0) return '';
  const shown = units.slice(0, 3).map((u) => u.missing.map(describeMissing).join('; '));
  return `${how}${shown.join('; ')}${units.length > 3 ? `; and ${units.length - 3} more units` : ''}`;
}

/** `complete 3/3` — messages every recipient accepted, of those the run handled. */
function deliverySummary(r: RunView): string {
  const d = r.delivery!;
  const ok = d.messages.filter(
    (m) => m.status === 'sent' || m.status === 'already-sent' || m.status === 'written',
  ).length;
  return d.status === 'skipped' ? 'skipped' : `${d.status} ${ok}/${d.messages.length}`;
}

/** `cchc schedule`: prints OS scheduler config, or runs until SIGINT/SIGTERM. */
export async function scheduleCommand(
  opts: { print?: string; job?: string[] },
  out: Out,
  deps: JobDeps = productionDeps(process.cwd(), stdoutLines),
): Promise<void> {
  const jobs = allJobs(deps, opts.job);
  if (opts.print === 'crontab') return out(crontab(jobs, deps.root).trimEnd());
  if (opts.print === 'systemd') return out(systemdUnits(jobs, deps.root).trimEnd());
  if (opts.print !== undefined) throw new CliError(`--print ${opts.print} is not one of crontab, systemd`);
  // Hooked before the scheduler starts: a catch-up run prints its first line synchronously, and a
  // signal sent on reading that line must find the handler, not Node's default (which kills).
  const controller = new AbortController();
  const unhook = abortOnSignals(controller);
  try {
    const scheduler = startScheduler(jobs, deps, out);
    const reason = await new Promise<string>((resolve) =>
      controller.signal.addEventListener('abort', () => resolve(String(controller.signal.reason)), { once: true }),
    );
    await scheduler.stop(reason);
  } finally {
    unhook();
  }
}

function allJobs(deps: JobDeps, names: string[] | undefined): Job[] {
  const dir = path.join(deps.root, 'jobs');
  const files = names?.length
    ? names.map((n) => jobFile(n, deps.root))
    : safeList(dir)
        .filter((f) => f.endsWith('.json'))
        .sort()
        .map((f) => path.join(dir, f));
  if (files.length === 0) throw new CliError(`no job files in ${dir}; see docs/jobs.md`);
  return files.map((f) => readJob(f, deps.outputRoot));
}

function safeList(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}

/** An instant as wall-clock time in Asia/Ho_Chi_Minh, the zone officers read. */
const local = (iso: string): string => localDateTime(new Date(iso));

function commonDir(paths: string[]): string {
  const dirs = new Set(paths.map((p) => path.relative(process.cwd(), path.dirname(p))));
  return [...dirs].join(', ');
}

/** The scheduler's log is its output: one line per event on stdout, with the time. */
const stdoutLines: Logger = {
  info: (m) => void process.stdout.write(`${localTimestamp(new Date())} ${m}\n`),
  warn: (m) => void process.stdout.write(`${localTimestamp(new Date())} ${m}\n`),
};
