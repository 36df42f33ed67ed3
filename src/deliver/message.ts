import fs from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import type Mail from 'nodemailer/lib/mailer/index.js';
import type { Metrics } from '../metrics/types.ts';
import type { UnitNames } from '../render/context.ts';
import { findings } from '../render/findings.ts';
import { periodName } from '../render/format.ts';
import type { EmailSpec } from './config.ts';

/** The sentences of section I that open the message: enough to read on a phone without the PDF. */
const HEADLINES = 4;

export interface BriefFiles {
  /** The published folder of one unit's brief. */
  dir: string;
  metrics: Metrics;
  fingerprint: string | null;
}

/** Reads what a message needs from a published brief folder (metrics.json; manifest.json for the fingerprint). */
export function readBrief(dir: string): BriefFiles {
  const metrics = JSON.parse(fs.readFileSync(path.join(dir, 'metrics.json'), 'utf8')) as Metrics;
  let fingerprint = metrics.data?.fingerprint ?? null;
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as {
      data?: { fingerprint?: string | null };
    };
    fingerprint = manifest.data?.fingerprint ?? fingerprint;
  } catch {
    // The fingerprint of metrics.json is the same figure; manifest.json only repeats it.
  }
  return { dir, metrics, fingerprint };
}

export function subjectOf(spec: EmailSpec, m: Metrics): string {
  const values: Record<string, string> = {
    '{period}': periodName(m.period.id),
    '{period_id}': m.period.id,
    '{unit}': m.scope.name,
    '{unit_code}': m.scope.unit_code,
  };
  return spec.subject.replace(/\{[a-z_]+\}/g, (p) => values[p] ?? p).normalize('NFC');
}

/**
 * A file name readers recognise, in Vietnamese: the subject without characters Windows refuses.
 * nodemailer writes it both as RFC 2231 `filename*=utf-8''…` (modern clients) and as an RFC 2047
 * encoded word in `name=` (Outlook and older clients), so every client shows the same name.
 */
export function attachmentName(subject: string, ext: string): string {
  const base = subject
    .replace(/[—–]/g, '-')
    // Characters Windows refuses in file names, and control characters (C0, by code point).
    .replace(/[\\/:*?"<>|]/g, ' ')
    .replace(/./gu, (ch) => (ch.codePointAt(0)! < 0x20 ? ' ' : ch))
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 150);
  return `${base || 'bao-cao'}.${ext}`.normalize('NFC');
}

const WORDS = {
  vi: {
    findings: 'Kết quả chủ yếu',
    none: 'Kỳ này chưa có số liệu để tóm tắt.',
    attached: 'Báo cáo đầy đủ ở tệp PDF đính kèm.',
    fingerprint: 'Mã kiểm tra dữ liệu',
    run: 'Mã lần chạy',
    auto: 'Thư gửi tự động từ hệ thống báo cáo CCHC.',
  },
  en: {
    findings: 'Key findings',
    none: 'There are no figures to summarise for this period.',
    attached: 'The full brief is attached as a PDF.',
    fingerprint: 'Data fingerprint',
    run: 'Run id',
    auto: 'Sent automatically by the CCHC reporting system.',
  },
} as const;

export interface ComposeInput {
  spec: EmailSpec;
  brief: BriefFiles;
  names: UnitNames;
  runId: string;
  from: string;
  to: string[];
  cc: string[];
  messageId: string;
  date: Date;
}

/** One unit's message: subject, plain text and HTML with the brief's own headline findings, the PDF (and HTML) attached. */
export function composeMessage(input: ComposeInput): Mail.Options & { subject: string } {
  const { spec, brief, runId } = input;
  const w = WORDS[spec.language];
  const subject = subjectOf(spec, brief.metrics);
  const lines = findings(brief.metrics, input.names).slice(0, HEADLINES);
  const fingerprint = brief.fingerprint ?? '–';
  const text = [
    subject,
    '',
    `${w.findings}:`,
    ...(lines.length ? lines.map((l) => `- ${l}`) : [w.none]),
    '',
    w.attached,
    '',
    `${w.fingerprint}: ${fingerprint}`,
    `${w.run}: ${runId}`,
    w.auto,
    '',
  ].join('\n');
  const html = [
    `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${esc(subject)}</title></head>`,
    '<body style="font-family: Arial, sans-serif; font-size: 15px; line-height: 1.45; color: #111; max-width: 640px">',
    `<h1 style="font-size: 18px">${esc(subject)}</h1>`,
    `<p><strong>${esc(w.findings)}:</strong></p>`,
    lines.length ? `<ul>${lines.map((l) => `<li>${esc(l)}</li>`).join('')}</ul>` : `<p>${esc(w.none)}</p>`,
    `<p>${esc(w.attached)}</p>`,
    `<p style="color: #555; font-size: 13px">${esc(w.fingerprint)}: <code>${esc(fingerprint)}</code><br>${esc(w.run)}: <code>${esc(runId)}</code><br>${esc(w.auto)}</p>`,
    '</body></html>',
  ].join('\n');
  const attachments: Mail.Attachment[] = [
    {
      filename: attachmentName(subject, 'pdf'),
      path: path.join(brief.dir, 'brief.pdf'),
      contentType: 'application/pdf',
    },
  ];
  if (spec.attach_html) {
    attachments.push({
      filename: attachmentName(subject, 'html'),
      path: path.join(brief.dir, 'brief.html'),
      contentType: 'text/html; charset=utf-8',
    });
  }
  return {
    from: input.from,
    to: input.to,
    cc: input.cc.length ? input.cc : undefined,
    replyTo: spec.reply_to,
    subject,
    text,
    html,
    attachments,
    messageId: input.messageId,
    date: input.date,
    headers: { 'X-CCHC-Run-Id': runId, 'X-CCHC-Data-Fingerprint': fingerprint },
  };
}

const esc = Handlebars.Utils.escapeExpression;
