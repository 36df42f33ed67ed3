import path from 'node:path';
import { CliError } from '../errors.ts';
import { type Job, TIMEZONE } from './config.ts';

/**
 * crontab lines for every job. CRON_TZ is honoured by cronie and systemd-cron; Debian's classic
 * cron ignores it, hence the note: there the machine's zone must be Asia/Ho_Chi_Minh.
 */
export function crontab(jobs: Job[], repo: string): string {
  const lines = [
    `# cchc-briefs scheduled briefs. Install: crontab -l | cat - <this file> | crontab -`,
    `# Times are Asia/Ho_Chi_Minh. Debian's cron ignores CRON_TZ: there, set the machine's time zone`,
    `# (timedatectl set-timezone ${TIMEZONE}) or use \`cchc schedule --print systemd\`.`,
    `CRON_TZ=${TIMEZONE}`,
  ];
  for (const job of jobs) {
    lines.push(
      `${job.schedule} cd ${cronQuote(repo)} && mkdir -p out && bin/cchc run ${job.name} >> ${cronQuote(path.join(repo, 'out', 'cron.log'))} 2>&1`,
    );
  }
  return lines.join('\n') + '\n';
}

/** A oneshot service and a timer per job, for /etc/systemd/system (or ~/.config/systemd/user). */
export function systemdUnits(jobs: Job[], repo: string): string {
  const out: string[] = [];
  for (const job of jobs) {
    const unit = `cchc-${job.name}`;
    out.push(
      `# ---- ${unit}.service ----`,
      `[Unit]`,
      `Description=cchc-briefs job ${job.name}`,
      `After=network-online.target`,
      ``,
      `[Service]`,
      `Type=oneshot`,
      `WorkingDirectory=${systemdSpecifiers(repo)}`,
      `ExecStart=${systemdQuote(path.join(repo, 'bin', 'cchc'))} run ${job.name}`,
      `Environment=TZ=${TIMEZONE}`,
      ``,
      `# ---- ${unit}.timer ----`,
      `[Unit]`,
      `Description=cchc-briefs job ${job.name} (${job.schedule} in ${TIMEZONE})`,
      ``,
      `[Timer]`,
      `OnCalendar=${onCalendar(job)}`,
      // A run missed while the machine was off runs once at boot, like `cchc schedule`'s catch-up.
      `Persistent=true`,
      ``,
      `[Install]`,
      `WantedBy=timers.target`,
      ``,
    );
  }
  out.push(`# Install: save each part under its name in /etc/systemd/system/, then`);
  out.push(
    `#   systemctl daemon-reload && systemctl enable --now ${jobs.map((j) => `cchc-${j.name}.timer`).join(' ')}`,
  );
  return out.join('\n') + '\n';
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** A 5-field cron expression as a systemd calendar event in local Asia/Ho_Chi_Minh time. */
export function onCalendar(job: Pick<Job, 'name' | 'schedule'>): string {
  const fields = job.schedule.trim().split(/\s+/);
  const fail = (why: string) =>
    new CliError(
      `job ${job.name}: schedule "${job.schedule}" cannot be written for systemd: ${why}; use --print crontab or cchc schedule`,
    );
  if (fields.length !== 5) throw fail('only 5-field expressions (minute hour day month weekday) are converted');
  const [minute, hour, dom, month, dow] = fields as [string, string, string, string, string];
  // cron ORs a restricted day-of-month with a restricted weekday; systemd ANDs them.
  if (dom !== '*' && dow !== '*') throw fail('day-of-month and weekday are both restricted');
  const num = (f: string, pad: number): string =>
    f
      .split(',')
      .map((part) => {
        const m = /^(\*|\d+)(?:-(\d+))?(?:\/(\d+))?$/.exec(part);
        if (!m) throw fail(`field "${f}" is not numbers, ranges, lists and steps`);
        const [, a, b, step] = m;
        const start = a === '*' ? '*' : a!.padStart(pad, '0');
        const range = b !== undefined ? `${start}..${b.padStart(pad, '0')}` : start;
        if (step === undefined) return range;
        if (b !== undefined) throw fail('steps over a range are not converted');
        return `${a === '*' ? '0'.padStart(pad, '0') : start}/${step}`;
      })
      .join(',');
  const days =
    dow === '*'
      ? ''
      : dow
          .split(',')
          .map((part) => {
            const m = /^(\d)(?:-(\d))?$/.exec(part);
            if (!m) throw fail(`weekday "${dow}" must be numbers 0-7 or ranges`);
            const name = (d: string) => DAYS[Number(d) % 7]!;
            return m[2] !== undefined ? `${name(m[1]!)}..${name(m[2])}` : name(m[1]!);
          })
          .join(',') + ' ';
  return `${days}*-${num(month, 2)}-${num(dom, 2)} ${num(hour, 2)}:${num(minute, 2)}:00 ${TIMEZONE}`;
}

/** A path both cron's shell and systemd take as it is, unquoted. */
const PLAIN = /^[A-Za-z0-9_./-]+$/;

/** Shell-quoted; cron also turns an unescaped % of the command into a newline, even inside quotes. */
function cronQuote(s: string): string {
  const quoted = PLAIN.test(s) ? s : `'${s.replaceAll("'", `'\\''`)}'`;
  return quoted.replaceAll('%', '\\%');
}

/** systemd expands %x specifiers in both keys; %% is a literal %. */
function systemdSpecifiers(s: string): string {
  return s.replaceAll('%', '%%');
}

/** ExecStart splits at whitespace outside double quotes and expands $VAR anywhere ($$ is a literal $). */
function systemdQuote(s: string): string {
  const escaped = systemdSpecifiers(s).replaceAll('\\', '\\\\').replaceAll('"', '\\"').replaceAll('$', '$$$$');
  return PLAIN.test(s) ? escaped : `"${escaped}"`;
}
