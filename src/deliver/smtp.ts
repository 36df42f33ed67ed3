import nodemailer from 'nodemailer';
import { parseConnectionUrl } from 'nodemailer/lib/shared/index.js';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';
import { CliError, EXIT } from '../errors.ts';

/** Where mail goes, from the environment only: a file in the repo would end up in git with its password. */
export interface SmtpSettings {
  url: string;
  from: string;
  /** The URL with user and password replaced by `***`, the only form that is ever printed or recorded. */
  shown: string;
}

/**
 * `CCHC_SMTP_URL` (`smtp://user:pass@host:587`, `smtps://…:465`) and `CCHC_SMTP_FROM`. Null when
 * no URL is set: delivery is then skipped, which is a note, not an error. A URL that is set but
 * unusable is a usage error (exit 2) that never shows the password.
 */
export function smtpFromEnv(env: Record<string, string | undefined>): SmtpSettings | null {
  const url = env.CCHC_SMTP_URL?.trim();
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new CliError(
      'CCHC_SMTP_URL is not a URL; use smtp://user:password@host:587 or smtps://user:password@host:465',
      EXIT.usage,
    );
  }
  const shown = maskUrl(parsed);
  if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:') {
    throw new CliError(
      `CCHC_SMTP_URL ${shown}: must start with smtp:// (STARTTLS when the server offers it) or smtps:// (TLS from the start)`,
      EXIT.usage,
    );
  }
  if (!parsed.hostname) throw new CliError(`CCHC_SMTP_URL ${shown}: names no host`, EXIT.usage);
  const from = env.CCHC_SMTP_FROM?.trim();
  if (!from)
    throw new CliError(
      'CCHC_SMTP_FROM is not set; it is the sender address, e.g. "Văn phòng UBND tỉnh <vp@angiang.gov.vn>"',
      EXIT.usage,
    );
  return { url, from, shown };
}

function maskUrl(u: URL): string {
  const copy = new URL(u.href);
  if (copy.username) copy.username = '***';
  if (copy.password) copy.password = '***';
  return copy.href;
}

/** Removes the URL's user name and password from any text (a server's reply can echo the user). */
export function maskSecrets(text: string, smtp: SmtpSettings | null): string {
  if (!smtp) return text;
  let out = text.split(smtp.url).join(smtp.shown);
  try {
    const u = new URL(smtp.url);
    for (const s of [u.password, decodeURIComponent(u.password), u.username, decodeURIComponent(u.username)]) {
      if (s.length >= 3) out = out.split(s).join('***');
    }
  } catch {
    // smtpFromEnv already refused a URL that does not parse.
  }
  return out;
}

/**
 * nodemailer's SMTP transport from the URL: smtp:// upgrades with STARTTLS whenever the server
 * offers it (nodemailer's default; certificates are verified), smtps:// is TLS from the start.
 * One message at a time, no pooling: each attempt's reply is recorded against its message.
 * Timeouts shorter than nodemailer's (2 min to connect, 10 min idle), since a run retries anyway;
 * options in the URL's query (`?connectionTimeout=…`, `?tls.…`) still win.
 */
export function smtpTransport(smtp: SmtpSettings): nodemailer.Transporter<SMTPTransport.SentMessageInfo> {
  const fromUrl = parseConnectionUrl(smtp.url) as SMTPTransport.Options;
  return nodemailer.createTransport({
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 120_000,
    ...fromUrl,
  });
}
