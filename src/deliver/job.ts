import path from 'node:path';
import { setTimeout as wait } from 'node:timers/promises';
import { openExisting } from '../db.ts';
import { CliError, EXIT } from '../errors.ts';
import type { Clock, Logger } from '../effects.ts';
import { contextFromDb, emptyContext, unitNames } from '../render/context.ts';
import type { EmailSpec } from './config.ts';
import type { DeliveryRecord, DeliveryStatus, MessageRecord } from './record.ts';
import { type Transport, acceptedBefore, deliver, deliveryRecord } from './send.ts';
import { type SmtpSettings, maskSecrets, smtpFromEnv, smtpTransport } from './smtp.ts';

export interface JobDeliveryDeps {
  /** Where CCHC_SMTP_URL and CCHC_SMTP_FROM are read. */
  env: Record<string, string | undefined>;
  /** The wait between retries; it ends early (without throwing) when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  transport(smtp: SmtpSettings): Transport;
}

export const productionDelivery = (): JobDeliveryDeps => ({
  env: process.env,
  sleep: (ms, signal) => wait(ms, undefined, { signal }).catch(() => undefined),
  transport: smtpTransport,
});

export interface JobDeliveryRequest {
  spec: EmailSpec;
  runId: string;
  job: string;
  period: string;
  /** Published unit folders (`…/<period>/<unit>`). */
  outputs: string[];
  /** The job's database, for unit names in the findings. */
  dbPath: string;
  /** Every message recorded so far in the history, for who already has which brief. */
  history: MessageRecord[];
  eml?: string;
  resend: boolean;
  signal?: AbortSignal;
  record(r: MessageRecord | DeliveryRecord): void;
}

/**
 * Delivers a run's published briefs and records every message and the outcome. Returns the
 * outcome; never throws for mail problems (a brief already published stays published).
 */
export async function deliverJob(
  req: JobDeliveryRequest,
  fx: { clock: Clock; logger: Logger; delivery: JobDeliveryDeps },
): Promise<{ status: DeliveryStatus; note: string }> {
  const label = `${req.job} ${req.period}`;
  const finish = (status: DeliveryStatus, note: string, smtp: SmtpSettings | null) => {
    req.record(deliveryRecord(req.runId, status, note, smtp, fx.clock));
    const line = `${label}: delivery ${status}: ${note}`;
    if (status === 'complete' || status === 'written') fx.logger.info(line);
    else fx.logger.warn(line);
    return { status, note };
  };
  let smtp: SmtpSettings | null = null;
  if (!req.eml) {
    try {
      smtp = smtpFromEnv(fx.delivery.env);
    } catch (e) {
      if (!(e instanceof CliError)) throw e;
      return finish('incomplete', `${e.message}; nothing was sent`, null);
    }
    if (!smtp)
      return finish(
        'skipped',
        'CCHC_SMTP_URL is not set, so nothing was sent (cchc run --eml DIR writes the messages to check)',
        null,
      );
  }
  const names = await namesFrom(req.dbPath);
  const transport = smtp ? fx.delivery.transport(smtp) : null;
  try {
    const out = await deliver(
      {
        spec: req.spec,
        runId: req.runId,
        job: req.job,
        period: req.period,
        briefs: req.outputs.map((dir) => ({ unit: path.basename(dir), dir })),
        names,
        delivered: acceptedBefore(req.history, req.job, req.period),
        resend: req.resend,
        target:
          smtp && transport
            ? { smtp, transport }
            : { eml: req.eml!, from: fx.delivery.env.CCHC_SMTP_FROM?.trim() || 'CCHC <cchc@localhost>' },
        record: (r) => req.record(r),
        signal: req.signal,
      },
      {
        clock: fx.clock,
        logger: {
          info: (m) => fx.logger.info(maskSecrets(m, smtp)),
          warn: (m) => fx.logger.warn(maskSecrets(m, smtp)),
        },
        sleep: (ms) => fx.delivery.sleep(ms, req.signal),
      },
    );
    return finish(out.status, out.note, smtp);
  } finally {
    transport?.close();
  }
}

/** Unit names for the findings' sentences; a database that cannot be read leaves the codes. */
async function namesFrom(dbPath: string) {
  let ctx = emptyContext();
  try {
    const db = await openExisting(dbPath, { readOnly: true });
    try {
      ctx = await contextFromDb(db);
    } finally {
      db.close();
    }
  } catch {
    // The briefs were just rendered from this database; if it has gone since, codes will do.
  }
  return (m: Parameters<typeof unitNames>[1]) => unitNames(ctx, m);
}

/** `--eml` needs something to write. */
export function requireEmail(spec: EmailSpec | undefined, file: string): EmailSpec {
  if (!spec)
    throw new CliError(
      `${file}: --eml needs a "deliver": {"email": {...}} section in the job file (docs/jobs.md)`,
      EXIT.usage,
    );
  return spec;
}
