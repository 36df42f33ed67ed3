/**
 * A real SMTP server on 127.0.0.1 (smtp-server) that keeps what it received, and a small MIME
 * reader written independently of nodemailer, so tests check the bytes that went over the wire.
 */
import net from 'node:net';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

export interface Received {
  from: string;
  to: string[];
  raw: string;
  secure: boolean;
  user: string | null;
}

export interface TestServer {
  port: number;
  received: Received[];
  /** RCPT TO replies to give, per address (lower case): a list used in order, then 250. */
  rcpt: Map<string, { code: number; text: string }[]>;
  close(): Promise<void>;
}

/**
 * Starts a server; `port` 0 picks a free one. STARTTLS is off unless `starttls`; `secure` is TLS
 * from the first byte (smtps). Both use smtp-server's own self-signed certificate.
 */
export async function startServer(
  opts: { port?: number; starttls?: boolean; secure?: boolean; users?: Record<string, string> } = {},
): Promise<TestServer> {
  const received: Received[] = [];
  const rcpt = new Map<string, { code: number; text: string }[]>();
  const options: SMTPServerOptions = {
    secure: opts.secure ?? false,
    disabledCommands: opts.starttls || opts.secure ? [] : ['STARTTLS'],
    authOptional: !opts.users,
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, cb) {
      if (opts.users && opts.users[auth.username ?? ''] === auth.password) return cb(null, { user: auth.username });
      const err = Object.assign(new Error('Authentication credentials invalid'), { responseCode: 535 });
      cb(err);
    },
    onRcptTo(address, _session, cb) {
      const queue = rcpt.get(address.address.toLowerCase());
      const reply = queue?.shift();
      if (reply && reply.code >= 400) return cb(Object.assign(new Error(reply.text), { responseCode: reply.code }));
      cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('latin1'),
          secure: session.secure,
          user: (session.user as string | undefined) ?? null,
        });
        cb(null);
      });
    },
  };
  const server = new SMTPServer(options);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as net.AddressInfo).port;
  return { port, received, rcpt, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** A port nothing listens on (taken, then released). */
export async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

export interface Part {
  headers: Map<string, string>;
  body: string;
  parts: Part[];
}

/** Splits a message (latin1 string of its bytes) into headers (unfolded, lower-case names) and body, recursing into multiparts. */
export function parseMime(raw: string): Part {
  const cut = raw.indexOf('\r\n\r\n');
  const head = cut < 0 ? raw : raw.slice(0, cut);
  const body = cut < 0 ? '' : raw.slice(cut + 4);
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const i = line.indexOf(':');
    if (i > 0) headers.set(line.slice(0, i).toLowerCase(), line.slice(i + 1).trim());
  }
  const boundary = /boundary="?([^";]+)"?/.exec(headers.get('content-type') ?? '')?.[1];
  const parts = boundary
    ? body
        .split(`--${boundary}`)
        .slice(1)
        .filter((p) => !p.startsWith('--'))
        .map((p) => parseMime(p.replace(/^\r\n/, '').replace(/\r\n$/, '')))
    : [];
  return { headers, body, parts };
}

/** Every leaf part, depth first. */
export function leaves(p: Part): Part[] {
  return p.parts.length ? p.parts.flatMap(leaves) : [p];
}

/** RFC 2047 encoded words (Q and B) of a header, as text; adjacent words join without the space between them. */
export function decodeWords(value: string): string {
  const joined = value.replace(/\?=\s+=\?/g, '?==?');
  return joined.replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_, _cs: string, enc: string, text: string) => {
    const bytes =
      enc.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64')
        : Buffer.from(
            text
              .replace(/_/g, ' ')
              .replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
            'latin1',
          );
    return bytes.toString('utf8');
  });
}

/** RFC 2231 parameter `name*0*=utf-8''…; name*1*=…; name*2="…"` (or a plain `name="…"`) of a header value. */
export function param2231(value: string, name: string): string | null {
  const pieces: [number, string, boolean][] = [];
  const re = new RegExp(`${name}\\*(\\d+)?(\\*)?=("[^"]*"|[^;\\s]+)`, 'g');
  for (const m of value.matchAll(re))
    pieces.push([Number(m[1] ?? 0), m[3]!.replace(/^"|"$/g, ''), m[2] === '*' || m[1] === undefined]);
  if (pieces.length === 0) {
    const plain = new RegExp(`${name}="([^"]*)"`).exec(value);
    return plain ? plain[1]! : null;
  }
  pieces.sort((a, b) => a[0] - b[0]);
  let out = '';
  for (const [i, text, encoded] of pieces) {
    const t = i === 0 && encoded ? text.replace(/^[^']*'[^']*'/, '') : text;
    out += encoded ? t : encodeURIComponent(t);
  }
  return decodeURIComponent(out);
}

/** A part's body decoded from its Content-Transfer-Encoding, as bytes. */
export function partBytes(p: Part): Buffer {
  const cte = (p.headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  if (cte === 'base64') return Buffer.from(p.body.replace(/\s+/g, ''), 'base64');
  if (cte === 'quoted-printable') {
    const s = p.body
      .replace(/=\r\n/g, '')
      .replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(s, 'latin1');
  }
  return Buffer.from(p.body, 'latin1');
}
