import fs from 'node:fs';
import path from 'node:path';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import type Mail from 'nodemailer/lib/mailer/index.js';
import { writeAtomic } from '../atomic.ts';
import { messageOf } from '../db.ts';
import type { Clock, Logger } from '../effects.ts';
import type { Metrics } from '../metrics/types.ts';
import type { UnitNames } from '../render/context.ts';
import { type EmailSpec, recipientsOf } from './config.ts';
import { composeMessage, readBrief } from './message.ts';
import type { Attempt, DeliveryRecord, DeliveryStatus, MessageRecord } from './record.ts';
import { type SmtpSettings, maskSecrets } from './smtp.ts';

/** Waits before retry n (1-based): 5 s, 30 s, 2 min — a server that restarts or greylists gets time. */
export const RETRY_DELAYS_MS = [5_000, 30_000, 120_000];

/** What nodemailer's transport does for us; an interface so the engine does not care which transport. */
export interface Transport {
  sendMail(mail: Mail.Options): Promise<{
    accepted?: unknown[];
    rejected?: unknown[];
    rejectedErrors?: SmtpError[];
    response?: string;
    messageId?: string;
  }>;
  close(): void;
}

interface SmtpError extends Error {
  code?: string;
  responseCode?: number;
  response?: string;
  recipient?: string;
  rejected?: string[];
  rejectedErrors?: SmtpError[];
}

export interface DeliveryEffects {
  clock: Clock;
  logger: Logger;
  sleep(ms: number): Promise<void>;
}

export interface DeliveryRequest {
  spec: EmailSpec;
  runId: string;
  job: string;
  period: string;
  /** unit → its published brief folder. */
  briefs: { unit: string; dir: string }[];
  names(metrics: Metrics): UnitNames;
  /** Addresses per unit that accepted this job and period in earlier runs. */
  delivered: Map<string, Set<string>>;
  resend: boolean;
  /** Either an SMTP server or a folder for .eml files. */
  target: { smtp: SmtpSettings; transport: Transport } | { eml: string; from: string };
  /** Called with each message record as soon as it is final, so a crash keeps what was already sent. */
  record(r: MessageRecord): void;
  signal?: AbortSignal;
}

/**
 * Sends one message per unit brief, to the recipients who have not accepted it yet. Temporary
 * failures (4xx replies, refused or dropped connections) are retried after RETRY_DELAYS_MS,
 * each retry addressed only to the recipients still pending; permanent refusals (5xx) are final
 * for that recipient. Never throws for a mail problem: every outcome is a record.
 */
export async function deliver(
  req: DeliveryRequest,
  fx: DeliveryEffects,
): Promise<{ status: DeliveryStatus; note: string; messages: MessageRecord[] }> {
  const messages: MessageRecord[] = [];
  const notes: string[] = [];
  const eml = 'eml' in req.target;
  for (const { unit, dir } of req.briefs) {
    const { to, cc } = recipientsOf(req.spec, unit);
    if (to.length === 0) {
      notes.push(`${unit}: no recipient (deliver.email.to is empty and deliver.email.units.${unit} has no "to")`);
      continue;
    }
    if (req.signal?.aborted) {
      notes.push(`${unit}: not sent, the run was stopped`);
      continue;
    }
    const record = await deliverOne(req, fx, unit, dir, to, cc);
    req.record(record);
    messages.push(record);
  }
  const smtp = 'smtp' in req.target ? req.target.smtp : null;
  const missed = messages.filter((m) => m.status === 'incomplete' || m.status === 'failed');
  for (const m of missed) {
    const who = m.rejected.map((r) => `${r.address} (${r.response})`).join(', ');
    notes.push(`${m.unit}: not delivered to ${who || 'anyone'}`);
  }
  const resent = messages.filter((m) => m.resend && m.status !== 'written');
  if (resent.length)
    notes.unshift(`--resend: sent again to ${resent.map((m) => `${m.unit} (${m.accepted.length})`).join(', ')}`);
  const already = messages.filter((m) => m.status === 'already-sent');
  if (already.length)
    notes.push(
      `${already.map((m) => m.unit).join(', ')}: already delivered in an earlier run; nothing sent (--resend sends again)`,
    );
  const unsent = notes.some((n) => n.includes('not sent, the run was stopped') || n.includes(': no recipient'));
  const status: DeliveryStatus = eml ? 'written' : missed.length || unsent ? 'incomplete' : 'complete';
  const note =
    'eml' in req.target
      ? `${messages.length} message${messages.length === 1 ? '' : 's'} in ${req.target.eml} (.eml); nothing was sent${notes.length ? '; ' + notes.join('; ') : ''}`
      : notes.join('; ') || `sent ${messages.length} message${messages.length === 1 ? '' : 's'}`;
  return { status, note: smtp ? maskSecrets(note, smtp) : note, messages };
}

async function deliverOne(
  req: DeliveryRequest,
  fx: DeliveryEffects,
  unit: string,
  dir: string,
  to: string[],
  cc: string[],
): Promise<MessageRecord> {
  const from = 'smtp' in req.target ? req.target.smtp.from : req.target.from;
  const messageId = `<${req.runId}.${unit}@${domainOf(from)}>`;
  const brief = readBrief(dir);
  const mail = composeMessage({
    spec: req.spec,
    brief,
    names: req.names(brief.metrics),
    runId: req.runId,
    from,
    to,
    cc,
    messageId,
    date: fx.clock.now(),
  });
  const base: MessageRecord = {
    event: 'message',
    run_id: req.runId,
    job: req.job,
    period: req.period,
    unit,
    status: 'failed',
    subject: mail.subject,
    message_id: messageId,
    to,
    cc,
    already_accepted: [],
    resend: req.resend,
    accepted: [],
    rejected: [],
    response: null,
    attempts: [],
    file: null,
  };
  if ('eml' in req.target) {
    const file = path.join(req.target.eml, `${req.job}.${req.period}.${unit}.eml`);
    fs.mkdirSync(req.target.eml, { recursive: true });
    const raw = await new MailComposer(mail).compile().build();
    await writeAtomic(file, async (tmp) => fs.writeFileSync(tmp, raw));
    fx.logger.info(`${req.job} ${req.period}: ${unit}: message written to ${file}`);
    return { ...base, status: 'written', file };
  }
  const { smtp, transport } = req.target;
  const before = req.resend ? new Set<string>() : (req.delivered.get(unit) ?? new Set<string>());
  const all = [...to, ...cc];
  const already = all.filter((a) => before.has(a.toLowerCase()));
  let pending = all.filter((a) => !before.has(a.toLowerCase()));
  const rec: MessageRecord = { ...base, already_accepted: already };
  if (pending.length === 0) return { ...rec, status: 'already-sent', message_id: null };
  const permanent: MessageRecord['rejected'] = [];
  let lastTemporary = new Map<string, string>();
  for (let attempt = 0; pending.length > 0; attempt++) {
    if (attempt > 0) {
      if (attempt > RETRY_DELAYS_MS.length || req.signal?.aborted) break;
      const wait = RETRY_DELAYS_MS[attempt - 1]!;
      fx.logger.info(`${req.job} ${req.period}: ${unit}: retrying ${pending.length} recipient(s) in ${wait / 1000} s`);
      await fx.sleep(wait);
      // A stop during the wait (scheduler shutdown) ends the retries; the pending recipients are reported.
      if (req.signal?.aborted) break;
    }
    const a = await attemptOnce(transport, mail, pending, fx.clock, smtp);
    rec.attempts.push(a);
    rec.response = a.response;
    rec.accepted.push(...a.accepted);
    for (const r of a.rejected.filter((r) => !r.temporary)) permanent.push(r);
    lastTemporary = new Map(a.rejected.filter((r) => r.temporary).map((r) => [r.address, r.response]));
    const done = new Set(
      [...a.accepted, ...a.rejected.filter((r) => !r.temporary).map((r) => r.address)].map((x) => x.toLowerCase()),
    );
    pending = pending.filter((p) => !done.has(p.toLowerCase()));
  }
  rec.rejected = [
    ...permanent,
    ...pending.map((address) => ({
      address,
      response: lastTemporary.get(address) ?? rec.response ?? 'not sent',
      temporary: true,
    })),
  ];
  rec.status =
    rec.rejected.length === 0 ? 'sent' : rec.accepted.length > 0 || already.length > 0 ? 'incomplete' : 'failed';
  const tried = rec.attempts.length;
  fx.logger.info(
    `${req.job} ${req.period}: ${unit}: ${rec.status}, accepted ${rec.accepted.length}${rec.rejected.length ? `, not delivered ${rec.rejected.length}` : ''}` +
      `${already.length ? `, already had it ${already.length}` : ''} (${tried} attempt${tried === 1 ? '' : 's'})`,
  );
  return rec;
}

/** One SMTP transaction to `recipients` (the message's headers keep every To and Cc; only the envelope narrows). */
async function attemptOnce(
  transport: Transport,
  mail: Mail.Options,
  recipients: string[],
  clock: Clock,
  smtp: SmtpSettings,
): Promise<Attempt> {
  const at = clock.now().toISOString();
  const mask = (s: string) => maskSecrets(s, smtp);
  try {
    const info = await transport.sendMail({ ...mail, envelope: { from: smtp.from, to: recipients } });
    const accepted = (info.accepted ?? []).map(String);
    const rejected = (info.rejectedErrors ?? []).map((e) => refusal(e, mask));
    return {
      at,
      recipients,
      accepted,
      rejected,
      response: mask(info.response ?? ''),
      outcome: rejected.length ? 'partial' : 'accepted',
    };
  } catch (e) {
    const err = e as SmtpError;
    if (err.rejectedErrors?.length) {
      const rejected = err.rejectedErrors.map((r) => refusal(r, mask));
      const temporary = rejected.every((r) => r.temporary);
      return {
        at,
        recipients,
        accepted: [],
        rejected,
        response: mask(err.response ?? messageOf(e)),
        outcome: temporary ? 'temporary' : 'rejected',
      };
    }
    // A reply to the whole message (MAIL FROM, DATA, AUTH), or no reply at all (refused, dropped, timed out).
    const code = err.responseCode;
    const temporary = code === undefined || (code >= 400 && code < 500);
    const response = mask(err.response ?? `${err.code ?? 'error'}: ${messageOf(e)}`);
    return {
      at,
      recipients,
      accepted: [],
      rejected: recipients.map((address) => ({ address, response, temporary })),
      response,
      outcome: temporary ? 'temporary' : 'rejected',
    };
  }
}

function refusal(e: SmtpError, mask: (s: string) => string): Attempt['rejected'][number] {
  const code = e.responseCode;
  return {
    address: String(e.recipient),
    response: mask(e.response ?? messageOf(e)),
    temporary: code === undefined || (code >= 400 && code < 500),
  };
}

function domainOf(from: string): string {
  const m = /@([A-Za-z0-9.-]+)>?\s*$/.exec(from);
  return m ? m[1]! : 'cchc.invalid';
}

/** The run's `delivery` line. */
export function deliveryRecord(
  runId: string,
  status: DeliveryStatus,
  note: string,
  smtp: SmtpSettings | null,
  clock: Clock,
): DeliveryRecord {
  return {
    event: 'delivery',
    run_id: runId,
    status,
    note,
    smtp: smtp?.shown ?? null,
    finished: clock.now().toISOString(),
  };
}

/** Addresses per unit that accepted a job and period's brief in earlier runs (lower case). */
export function acceptedBefore(messages: MessageRecord[], job: string, period: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const m of messages) {
    if (m.job !== job || m.period !== period || m.status === 'written') continue;
    const set = out.get(m.unit) ?? new Set<string>();
    for (const a of m.accepted) set.add(a.toLowerCase());
    out.set(m.unit, set);
  }
  return out;
}
