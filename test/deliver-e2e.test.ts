import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestServer, leaves, param2231, parseMime, partBytes, startServer } from './mail-helpers.ts';

const exec = promisify(execFile);
const repo = path.resolve(import.meta.dirname, '..');
let root: string;
let server: TestServer;

async function cchc(env: Record<string, string>, ...args: string[]) {
  try {
    const { stdout, stderr } = await exec(path.join(repo, 'bin/cchc'), args, {
      cwd: root,
      env: { ...process.env, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
}

beforeAll(async () => {
  // A folder with a space and Vietnamese letters, as an officer's might be.
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc gửi thư '));
  fs.mkdirSync(path.join(root, 'jobs'));
  fs.writeFileSync(
    path.join(root, 'jobs', 'quarterly.json'),
    JSON.stringify({
      name: 'quarterly',
      schedule: '0 7 5 1,4,7,10 *',
      data: path.join(repo, 'data'),
      period: 'previous-quarter',
      units: 'province',
      deliver: { email: { to: ['bcd@angiang.gov.vn'], cc: ['snv@angiang.gov.vn'] } },
    }),
  );
  server = await startServer({ users: { vp: 'mật-khẩu' } });
});
afterAll(async () => {
  await server.close();
  fs.rmSync(root, { recursive: true, force: true });
});

describe('cchc run with delivery: real load, metrics, Chromium and SMTP', () => {
  it('delivers the real PDF once; the second run sends nothing; runs --json shows the message', async () => {
    const env = {
      CCHC_SMTP_URL: `smtp://vp:${encodeURIComponent('mật-khẩu')}@127.0.0.1:${server.port}`,
      CCHC_SMTP_FROM: 'Văn phòng <vp@angiang.gov.vn>',
    };
    const first = await cchc(env, 'run', 'quarterly', '--period', '2025-Q4');
    expect(first).toMatchObject({ code: 0, stdout: 'out/quarterly/2025-Q4/AGM\n' });
    expect(first.stderr).toMatch(/delivery complete/);
    expect(first.stderr).not.toContain('mật');
    expect(server.received).toHaveLength(1);
    expect(server.received[0]!.user).toBe('vp');
    const pdf = leaves(parseMime(server.received[0]!.raw)).find((p) =>
      /^application\/pdf/.test(p.headers.get('content-type')!),
    )!;
    expect(param2231(pdf.headers.get('content-disposition')!, 'filename')).toBe(
      'Báo cáo CCHC quý IV năm 2025 - UBND tỉnh An Giang.pdf',
    );
    const sent = partBytes(pdf);
    expect(sent.subarray(0, 5).toString()).toBe('%PDF-');
    expect(sent.equals(fs.readFileSync(path.join(root, 'out', 'quarterly', '2025-Q4', 'AGM', 'brief.pdf')))).toBe(true);

    const second = await cchc(env, 'run', 'quarterly', '--period', '2025-Q4');
    expect(second.code).toBe(0);
    expect(second.stderr).toMatch(/already delivered in an earlier run; nothing sent/);
    expect(server.received).toHaveLength(1);

    const runs = JSON.parse((await cchc({}, 'runs', '--json')).stdout);
    expect(runs.map((r: { delivery: { status: string } }) => r.delivery.status)).toEqual(['complete', 'complete']);
    expect(runs[0].delivery.messages[0]).toMatchObject({
      status: 'sent',
      accepted: ['bcd@angiang.gov.vn', 'snv@angiang.gov.vn'],
      rejected: [],
    });
    expect(runs[1].delivery.messages[0]).toMatchObject({ status: 'already-sent', attempts: [] });
    const history = fs.readFileSync(path.join(root, 'out', 'runs.jsonl'), 'utf8');
    expect(history).not.toContain('mật');
    expect(history).not.toContain(encodeURIComponent('mật'));
    expect(fs.readFileSync(path.join(root, 'out', 'index.html'), 'utf8')).toContain('Đã gửi 2 người nhận');
  }, 300_000);
});
