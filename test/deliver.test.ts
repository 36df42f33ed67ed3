import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { smtpTransport } from '../src/deliver/smtp.ts';
import { EXIT } from '../src/errors.ts';
import { runCommand, runsCommand } from '../src/jobs/cli.ts';
import type { JobDeps } from '../src/jobs/deps.ts';
import { readRuns } from '../src/jobs/history.ts';
import { historyFile, runJob } from '../src/jobs/run.ts';
import { type Sandbox, buildDb, fakeSession, sandbox } from './jobs-fixture.ts';
import {
  type TestServer,
  decodeWords,
  freePort,
  leaves,
  param2231,
  parseMime,
  partBytes,
  startServer,
} from './mail-helpers.ts';

const METRICS = path.resolve('test/fixtures/brief/metrics-ag-2024-Q4.json');
const FROM = 'Văn phòng UBND tỉnh <vp@angiang.gov.vn>';

let box: Sandbox;
let server: TestServer | null = null;
let sleeps: number[];
beforeEach(async () => {
  box = sandbox();
  sleeps = [];
  fs.mkdirSync(path.join(box.root, 'out'));
  await buildDb(path.join(box.root, 'out', 'cchc.duckdb'), 'fp1');
});
afterEach(async () => {
  await server?.close();
  server = null;
  fs.rmSync(box.root, { recursive: true, force: true });
});

/** Deps whose mail goes to `url`; the sleep between retries is recorded, not waited, and may run `onSleep`. */
function deps(url: string | null, onSleep?: (ms: number) => Promise<void>): JobDeps {
  // Each reading of the clock is a second later, so every run has its own id.
  let t = Date.parse('2026-10-05T00:00:00Z');
  return box.deps({
    clock: { now: () => new Date((t += 1000)) },
    openSession: fakeSession({ metrics: METRICS }),
    delivery: {
      env: url ? { CCHC_SMTP_URL: url, CCHC_SMTP_FROM: FROM } : {},
      sleep: async (ms) => {
        sleeps.push(ms);
        await onSleep?.(ms);
      },
      transport: smtpTransport,
    },
  });
}

function writeJob(email: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  box.writeJob('quarterly', { period: 'previous-quarter', deliver: { email }, ...extra });
  return box.job('quarterly');
}

const run = (d: JobDeps, opts: { resend?: boolean; eml?: string } = {}) =>
  runJob(box.job('quarterly'), { period: '2026-Q3', ...opts }, d);
const messagesOf = (d: JobDeps) => readRuns(historyFile(d), () => false).flatMap((r) => r.delivery?.messages ?? []);

describe('e-mail delivery against a real SMTP server', () => {
  it('sends one message per brief with the PDF, a Vietnamese subject and file name, findings, fingerprint and run id', async () => {
    server = await startServer();
    writeJob({ to: ['chutich@angiang.gov.vn'], cc: ['snv@angiang.gov.vn'] });
    const d = deps(`smtp://127.0.0.1:${server.port}`);
    const r = await run(d);
    expect(r.exit_code).toBe(EXIT.ok);
    expect(r.delivery?.status).toBe('complete');
    expect(server.received).toHaveLength(1);
    const got = server.received[0]!;
    expect(got.from).toBe('vp@angiang.gov.vn');
    expect(got.to).toEqual(['chutich@angiang.gov.vn', 'snv@angiang.gov.vn']);
    const mail = parseMime(got.raw);
    // The subject of the example: title, "quý III năm 2026", em dash, the unit's name.
    expect(decodeWords(mail.headers.get('subject')!)).toBe('Báo cáo CCHC quý III năm 2026 — UBND tỉnh An Giang');
    expect(mail.headers.get('to')).toBe('chutich@angiang.gov.vn');
    expect(mail.headers.get('cc')).toBe('snv@angiang.gov.vn');
    expect(decodeWords(mail.headers.get('from')!)).toBe('Văn phòng UBND tỉnh <vp@angiang.gov.vn>');
    expect(mail.headers.get('message-id')).toBe(`<${r.run_id}.AG@angiang.gov.vn>`);
    expect(mail.headers.get('x-cchc-run-id')).toBe(r.run_id);
    const parts = leaves(mail);
    const pdf = parts.find((p) => /^application\/pdf/.test(p.headers.get('content-type')!))!;
    const fileName = 'Báo cáo CCHC quý III năm 2026 - UBND tỉnh An Giang.pdf';
    // RFC 2231 for clients that read filename*, RFC 2047 in name= for those that do not.
    expect(param2231(pdf.headers.get('content-disposition')!, 'filename')).toBe(fileName);
    expect(pdf.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(decodeWords(/name="([^"]+)"/.exec(pdf.headers.get('content-type')!)![1]!)).toBe(fileName);
    expect(partBytes(pdf).toString()).toBe(fs.readFileSync(path.join(r.outputs[0]!, 'brief.pdf'), 'utf8'));
    const text = partBytes(parts.find((p) => /^text\/plain/.test(p.headers.get('content-type')!))!).toString('utf8');
    const html = partBytes(parts.find((p) => /^text\/html/.test(p.headers.get('content-type')!))!).toString('utf8');
    // Worked from the fixture: 87 + 9 = 96 of 141 done = 68,1%, 87/96 = 90,6% on time; 25 overdue,
    // most at AG.STP (4, not in the test units table so its code) and AG.TT (3); online 43,0%,
    // +6,2 points on 2025, 80% target − 43,0% = 37,0 points short.
    const expected = [
      'Tỷ lệ hoàn thành nhiệm vụ đạt 68,1% (96/141 nhiệm vụ), trong đó 90,6% hoàn thành đúng hạn.',
      'Còn 25 nhiệm vụ quá hạn, nhiều nhất tại AG.STP (4) và UBND huyện Tri Tôn (3).',
      'Tỷ lệ hồ sơ tiếp nhận trực tuyến đạt 43,0%, tăng 6,2 điểm phần trăm so với cùng kỳ năm 2025 nhưng thấp hơn chỉ tiêu 80% là 37,0 điểm phần trăm.',
    ];
    for (const line of expected) {
      expect(text).toContain(`- ${line}`);
      expect(html).toContain(`<li>${line}</li>`);
    }
    expect(text.split('\n').filter((l) => l.startsWith('- '))).toHaveLength(4);
    // The words the brief's appendix uses for the same code (templates/partials/appendix.hbs).
    expect(text).toContain('Mã kiểm tra dữ liệu: sha256:3f1c0d9e2b7a');
    expect(text).toContain(`Mã lần chạy: ${r.run_id}`);
    const [m] = messagesOf(d);
    expect(m).toMatchObject({
      unit: 'AG',
      status: 'sent',
      to: ['chutich@angiang.gov.vn'],
      cc: ['snv@angiang.gov.vn'],
      rejected: [],
      message_id: `<${r.run_id}.AG@angiang.gov.vn>`,
    });
    expect(m!.accepted).toEqual(['chutich@angiang.gov.vn', 'snv@angiang.gov.vn']);
    expect(m!.attempts).toHaveLength(1);
    expect(m!.response).toMatch(/^250 /);
  });

  it('a second run sends nothing to those who accepted; --resend sends again and says so', async () => {
    server = await startServer();
    writeJob({ to: ['a@angiang.gov.vn'] });
    const d = deps(`smtp://127.0.0.1:${server.port}`);
    expect((await run(d)).exit_code).toBe(EXIT.ok);
    const second = await run(d);
    expect(server.received).toHaveLength(1);
    expect(second.exit_code).toBe(EXIT.ok);
    expect(second.delivery?.note).toMatch(
      /AG: already delivered in an earlier run; nothing sent \(--resend sends again\)/,
    );
    expect(messagesOf(d)[1]).toMatchObject({
      status: 'already-sent',
      already_accepted: ['a@angiang.gov.vn'],
      attempts: [],
    });
    const third = await run(d, { resend: true });
    expect(server.received).toHaveLength(2);
    expect(third.delivery?.note).toMatch(/^--resend: sent again to AG \(1\)/);
    // A new recipient added to the job later gets the brief; the one who has it does not.
    writeJob({ to: ['a@angiang.gov.vn', 'b@angiang.gov.vn'] });
    await run(d);
    expect(server.received.map((x) => x.to)).toEqual([
      ['a@angiang.gov.vn'],
      ['a@angiang.gov.vn'],
      ['b@angiang.gov.vn'],
    ]);
  });

  it('retries after a refused connection, with backoff, and delivers once the server is up', async () => {
    const port = await freePort();
    writeJob({ to: ['a@angiang.gov.vn'] });
    // Nothing listens on the first attempt; the server starts during the first wait.
    const d = deps(`smtp://127.0.0.1:${port}`, async () => {
      server ??= await startServer({ port });
    });
    const r = await run(d);
    expect(r.exit_code).toBe(EXIT.ok);
    expect(sleeps).toEqual([5_000]);
    expect(server!.received).toHaveLength(1);
    const [m] = messagesOf(d);
    expect(m!.attempts.map((a) => a.outcome)).toEqual(['temporary', 'accepted']);
    expect(m!.attempts[0]!.response).toMatch(/ECONNECTION|ECONNREFUSED/);
  });

  it('a stop during the wait between retries ends them and reports who is still pending', async () => {
    const port = await freePort();
    writeJob({ to: ['a@angiang.gov.vn'] });
    const stop = new AbortController();
    const d = deps(`smtp://127.0.0.1:${port}`, async () => stop.abort('SIGTERM'));
    const r = await runJob(box.job('quarterly'), { period: '2026-Q3', signal: stop.signal }, d);
    expect(sleeps).toEqual([5_000]);
    const [m] = messagesOf(d);
    expect(m!.attempts).toHaveLength(1);
    expect(m!.rejected).toEqual([
      { address: 'a@angiang.gov.vn', response: expect.stringMatching(/ECONNREFUSED|ECONNECTION/), temporary: true },
    ]);
    expect(r.delivery?.status).toBe('incomplete');
  });

  it('reports a rejected recipient (5xx) and a greylisted one (4xx, retried alone); exit 5, briefs stay published', async () => {
    server = await startServer();
    server.rcpt.set('nobody@angiang.gov.vn', [{ code: 550, text: 'No such user' }]);
    server.rcpt.set('grey@angiang.gov.vn', [{ code: 451, text: 'Try again later' }]);
    writeJob({ to: ['a@angiang.gov.vn', 'nobody@angiang.gov.vn'], units: { AG: { to: ['grey@angiang.gov.vn'] } } });
    const d = deps(`smtp://127.0.0.1:${server.port}`);
    const r = await run(d);
    expect(r.exit_code).toBe(EXIT.delivery);
    expect(r.status).toBe('ok');
    expect(fs.existsSync(path.join(r.outputs[0]!, 'brief.pdf'))).toBe(true);
    // First transaction: a accepted, nobody refused for good, grey deferred; the retry goes to grey only.
    expect(server.received.map((x) => x.to)).toEqual([['a@angiang.gov.vn'], ['grey@angiang.gov.vn']]);
    expect(sleeps).toEqual([5_000, 30_000, 120_000].slice(0, 1));
    const [m] = messagesOf(d);
    expect(m!.status).toBe('incomplete');
    expect(m!.accepted).toEqual(['a@angiang.gov.vn', 'grey@angiang.gov.vn']);
    expect(m!.rejected).toEqual([
      { address: 'nobody@angiang.gov.vn', response: expect.stringMatching(/^550 No such user/), temporary: false },
    ]);
    expect(r.delivery?.note).toMatch(/AG: not delivered to nobody@angiang\.gov\.vn \(550 No such user/);
    // The run's last line says what happened in words, not "ok, exit 5".
    expect(box.lines.at(-1)).toBe('quarterly 2026-Q3: published 1 brief; e-mail delivery incomplete (exit 5)');
    const json: string[] = [];
    runsCommand({ last: '1', json: true }, (s) => json.push(s), d);
    const [view] = JSON.parse(json[0]!);
    expect(view.exit_code).toBe(EXIT.delivery);
    expect(view.delivery.messages[0].rejected[0].address).toBe('nobody@angiang.gov.vn');
    // The same job again: only the refused address is tried again.
    server.rcpt.set('nobody@angiang.gov.vn', [{ code: 550, text: 'No such user' }]);
    await run(d);
    expect(server.received).toHaveLength(2);
  });

  it('without CCHC_SMTP_URL delivery is skipped with a note, not an error; --eml writes the messages', async () => {
    writeJob({ to: ['a@angiang.gov.vn'] });
    const d = deps(null);
    const r = await run(d);
    expect(r.exit_code).toBe(EXIT.ok);
    expect(r.delivery).toEqual({
      status: 'skipped',
      note: expect.stringMatching(/^CCHC_SMTP_URL is not set, so nothing was sent \(cchc run --eml DIR/),
    });
    // The status leads the log line; the note does not say it again.
    expect(box.lines.some((l) => /delivery skipped: CCHC_SMTP_URL is not set, so nothing/.test(l))).toBe(true);
    const emlDir = path.join(box.root, 'thư đi');
    const out: string[] = [];
    await runCommand('quarterly', { period: '2026-Q3', eml: emlDir }, (s) => out.push(s), d);
    const file = path.join(emlDir, 'quarterly.2026-Q3.AG.eml');
    const mail = parseMime(fs.readFileSync(file, 'latin1'));
    expect(decodeWords(mail.headers.get('subject')!)).toBe('Báo cáo CCHC quý III năm 2026 — UBND tỉnh An Giang');
    expect(leaves(mail).some((p) => /^application\/pdf/.test(p.headers.get('content-type')!))).toBe(true);
    expect(messagesOf(d).map((m) => m.status)).toEqual(['written']);
    expect(box.lines.some((l) => l.endsWith(`delivery written: 1 message in ${emlDir} (.eml); nothing was sent`))).toBe(
      true,
    );
  });

  it('never prints or records the SMTP password; a refused login (535) is reported, not retried', async () => {
    server = await startServer({ users: { vp: 's3cret-pass' } });
    writeJob({ to: ['a@angiang.gov.vn'] });
    const wrong = deps(`smtp://vp:wr0ng-pass@127.0.0.1:${server.port}`);
    const r = await run(wrong);
    expect(r.exit_code).toBe(EXIT.delivery);
    expect(sleeps).toEqual([]);
    const history = fs.readFileSync(historyFile(wrong), 'utf8');
    expect(history).toContain('535');
    expect(history).toContain('smtp://***:***@127.0.0.1');
    for (const text of [history, box.lines.join('\n')]) {
      expect(text).not.toContain('wr0ng-pass');
      expect(text).not.toMatch(/vp:/);
    }
    const right = deps(`smtp://vp:s3cret-pass@127.0.0.1:${server.port}`);
    expect((await run(right)).exit_code).toBe(EXIT.ok);
    expect(server.received[0]!.user).toBe('vp');
    expect(fs.readFileSync(historyFile(right), 'utf8')).not.toContain('s3cret-pass');
  });

  it.each([
    ['upgrades with STARTTLS when the server offers it', 'smtp', { starttls: true }],
    ['speaks TLS from the start with smtps://', 'smtps', { secure: true }],
  ])('%s', async (_name, scheme, tls) => {
    server = await startServer(tls);
    writeJob({ to: ['a@angiang.gov.vn'] });
    // smtp-server's built-in certificate is self-signed; the URL's tls.* options say to accept it.
    const r = await run(deps(`${scheme}://127.0.0.1:${server.port}/?tls.rejectUnauthorized=false`));
    expect(r.exit_code).toBe(EXIT.ok);
    expect(server.received[0]!.secure).toBe(true);
  });

  it('per-unit recipients: each unit brief goes to the job list plus its own', async () => {
    server = await startServer();
    writeJob(
      { to: ['bcd@angiang.gov.vn'], units: { 'AG.LX': { to: ['lx@angiang.gov.vn'] } }, attach_html: true },
      { units: ['AG.LX', 'AG.CD'] },
    );
    const r = await runJob(box.job('quarterly'), { period: '2024-Q4' }, deps(`smtp://127.0.0.1:${server.port}`));
    expect(r.exit_code).toBe(EXIT.ok);
    const byUnit = Object.fromEntries(
      server.received.map((x) => [decodeWords(parseMime(x.raw).headers.get('subject')!), x.to]),
    );
    expect(byUnit).toEqual({
      'Báo cáo CCHC quý IV năm 2024 — UBND TP Long Xuyên': ['bcd@angiang.gov.vn', 'lx@angiang.gov.vn'],
      'Báo cáo CCHC quý IV năm 2024 — UBND TP Châu Đốc': ['bcd@angiang.gov.vn'],
    });
    const types = leaves(parseMime(server.received[0]!.raw)).map((p) => p.headers.get('content-type')!.split(';')[0]);
    expect(types).toEqual(['text/plain', 'text/html', 'application/pdf', 'text/html']);
  });
});

describe('deliver.email in the job file', () => {
  const err = (email: unknown) => {
    box.writeJob('bad', { deliver: { email } });
    try {
      box.job('bad');
    } catch (e) {
      return (e as Error).message.replace(/^.*bad\.json: /, '');
    }
    throw new Error('no error');
  };
  it('names the key and what is allowed', () => {
    expect(err({ to: ['not-an-address'] })).toBe(
      'deliver.email.to.0: must be an e-mail address, e.g. "vanphong@angiang.gov.vn"',
    );
    expect(err({ to: ['a@b.vn'], bcc: [] })).toBe(
      'deliver.email.bcc: unknown key; allowed: to, cc, units, subject, language, attach_html, reply_to',
    );
    expect(err({ to: ['a@b.vn'], units: { AG: { too: [] } } })).toBe(
      'deliver.email.units.AG.too: unknown key; allowed: to, cc',
    );
    expect(err({ to: [] })).toMatch(/^deliver.email: needs at least one recipient/);
    expect(err({ to: ['a@b.vn'], subject: 'Báo cáo {quý}' })).toMatch(
      /^deliver.email.subject: may only use the placeholders \{period\}/,
    );
    expect(err({ to: ['a@b.vn'], language: 'fr' })).toBe('deliver.email.language: must be "vi" or "en"');
    expect(err({ to: 'a@b.vn', cc: 'not an address' })).toBe(
      'deliver.email.cc.0: must be an e-mail address, e.g. "vanphong@angiang.gov.vn"',
    );
    expect(err({ to: 42 })).toBe('deliver.email.to: must be a list of e-mail addresses');
    box.writeJob('one', { deliver: { email: { to: 'a@b.vn' } } });
    expect(box.job('one').deliver?.email?.to).toEqual(['a@b.vn']);
  });
});
