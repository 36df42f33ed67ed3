/**
 * Faults while writing a brief: a full disk, a failed rename, an output path that cannot be a
 * folder, Chromium missing or crashing. Each must end in a clear message, and the brief that was
 * there before must still be there, file for file. File-system failures are injected by wrapping
 * node:fs (only the renderer's own writes into its temp folder fail); Chromium is real.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as realFs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

/** Which fs call should fail next; null = everything works. */
const inject = vi.hoisted(() => ({ fault: null as null | 'enospc' | 'rename-into-place' }));

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const writeFileSync: typeof fs.writeFileSync = (file, data, options) => {
    if (inject.fault === 'enospc' && String(file).includes('.tmp-') && String(file).endsWith('brief.pdf')) {
      throw Object.assign(new Error(`ENOSPC: no space left on device, write`), {
        code: 'ENOSPC',
        errno: -28,
        syscall: 'write',
      });
    }
    return fs.writeFileSync(file, data, options);
  };
  const renameSync: typeof fs.renameSync = (from, to) => {
    // The second of writeFolderAtomic's two renames: the new folder into the target's place.
    if (inject.fault === 'rename-into-place' && /\.tmp-[^/]*$/.test(String(from)) && !String(from).endsWith('.old')) {
      throw Object.assign(new Error(`EIO: i/o error, rename '${String(from)}' -> '${String(to)}'`), {
        code: 'EIO',
        errno: -5,
        syscall: 'rename',
      });
    }
    return fs.renameSync(from, to);
  };
  return { ...fs, writeFileSync, renameSync, default: { ...fs, writeFileSync, renameSync } };
});

const { Db } = await import('../src/db.ts');
const { CliError, RenderError } = await import('../src/errors.ts');
const { fixedClock, silentLogger } = await import('../src/effects.ts');
const { loadData } = await import('../src/load/index.ts');
const { renderBrief } = await import('../src/render/brief.ts');

const CLI = path.join(import.meta.dirname, '..', 'bin', 'cchc');
/** The corpus base (units.csv, tasks.csv) is valid; this case only adds an empty documents.csv. */
const BASE = path.join(import.meta.dirname, 'fixtures', 'bad', 'zero-byte-file', 'data');
const effects = { clock: fixedClock('2025-01-06T02:00:00Z'), logger: silentLogger };

/** sha256 of every file under dir, by relative path: "intact" means this map is unchanged. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of realFs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const abs = path.join(e.parentPath, e.name);
    out[path.relative(dir, abs)] = createHash('sha256').update(realFs.readFileSync(abs)).digest('hex');
  }
  return out;
}

/** Temp folders the atomic writer left beside the target. */
const strays = (target: string) =>
  realFs.readdirSync(path.dirname(target)).filter((f) => f.startsWith(`.${path.basename(target)}.tmp-`));

describe('writing a brief when things fail', () => {
  let root: string;
  let dbPath: string;
  /** A brief rendered once; each test works on its own copy, since some faults destroy it. */
  let pristine: string;
  let before: Record<string, string>;
  let prev: string;
  let copies = 0;

  beforeAll(async () => {
    root = realFs.mkdtempSync(path.join(os.tmpdir(), 'cchc-faults-render-'));
    const data = path.join(root, 'data');
    realFs.mkdirSync(data);
    for (const f of ['units.csv', 'tasks.csv']) realFs.copyFileSync(path.join(BASE, f), path.join(data, f));
    dbPath = path.join(root, 'cchc.duckdb');
    await loadData(data, dbPath);
    pristine = path.join(root, 'pristine', 'AG');
    const db = await Db.open(dbPath, { readOnly: true });
    try {
      await renderBrief(db, { out: pristine, period: '2024-Q4' }, effects);
    } finally {
      db.close();
    }
    before = snapshot(pristine);
    expect(Object.keys(before)).toEqual(
      expect.arrayContaining(['brief.pdf', 'brief.html', 'metrics.json', 'manifest.json']),
    );
  });
  beforeEach(() => {
    prev = path.join(root, `out-${++copies}`, '2024-Q4', 'AG');
    realFs.cpSync(pristine, prev, { recursive: true });
  });
  afterAll(() => realFs.rmSync(root, { recursive: true, force: true }));

  async function renderWith(fault: typeof inject.fault, chromium?: string): Promise<unknown> {
    const db = await Db.open(dbPath, { readOnly: true });
    inject.fault = fault;
    try {
      await renderBrief(
        db,
        { out: prev, period: '2024-Q4', chromium },
        { ...effects, clock: fixedClock('2025-02-01T02:00:00Z') },
      );
      return null;
    } catch (e) {
      return e;
    } finally {
      inject.fault = null;
      db.close();
    }
  }

  it('disk full while writing brief.pdf: the previous brief is intact and no temp folder is left', async () => {
    const e = await renderWith('enospc');
    expect(e).toBeInstanceOf(Error);
    expect(snapshot(prev)).toEqual(before);
    expect(strays(prev)).toEqual([]);
  });

  // Was a raw ENOSPC ("Unexpected error: ENOSPC …" without the folder) until 52552eb.
  it('disk full: the error is a typed RenderError/CliError naming the output folder', async () => {
    const e = await renderWith('enospc');
    expect(e instanceof RenderError || e instanceof CliError).toBe(true);
    expect((e as Error).message).toContain(prev);
  });

  // The old brief is moved aside before the new one moves in; it must come back if that fails
  // (until 52552eb it stayed under `.<name>.tmp-XXXX.old` and the target was gone).
  it('rename into place fails: the previous brief is still at its path', async () => {
    const e = await renderWith('rename-into-place');
    expect(e).toBeInstanceOf(Error);
    expect(realFs.existsSync(prev) ? snapshot(prev) : {}).toEqual(before);
  });

  it('Chromium crashing on start: a RenderError, and the previous brief is intact', async () => {
    const crash = path.join(root, 'crashing-chromium.sh');
    realFs.writeFileSync(crash, '#!/bin/sh\necho "Segmentation fault" >&2\nkill -SEGV $$\n', { mode: 0o755 });
    const e = await renderWith(null, crash);
    expect(e).toBeInstanceOf(RenderError);
    expect((e as Error).message).toContain(crash);
    expect(snapshot(prev)).toEqual(before);
    expect(strays(prev)).toEqual([]);
  });

  // A binary that exists but dies is as much an install problem as a missing one (fixed in 52552eb).
  it('Chromium crashing on start: the message says how to install Chromium or set CCHC_CHROMIUM', async () => {
    const crash = path.join(root, 'crashing-chromium.sh');
    const e = await renderWith(null, crash);
    expect((e as Error).message).toMatch(/apt-get install chromium|CCHC_CHROMIUM/);
  });

  it('Chromium dying during a batch: a RenderError well before the timeout, previous brief intact', async () => {
    const { launchBrowser, closeBrowser } = await import('../src/render/browser.ts');
    const browser = await launchBrowser();
    const db = await Db.open(dbPath, { readOnly: true });
    const t0 = performance.now();
    try {
      const rendering = renderBrief(db, { out: prev, period: '2024-Q4', browser, timeoutMs: 30_000 }, effects);
      browser.process()!.kill('SIGKILL');
      const e = await rendering.then(
        () => null,
        (x: unknown) => x,
      );
      expect(e).toBeInstanceOf(RenderError);
      expect(performance.now() - t0).toBeLessThan(20_000);
    } finally {
      db.close();
      await closeBrowser(browser);
    }
    expect(snapshot(prev)).toEqual(before);
    expect(strays(prev)).toEqual([]);
  });

  it('cchc brief with Chromium missing: exit 4, how to install it, previous brief intact', () => {
    const r = spawnSync(CLI, ['brief', '--db', dbPath, '--period', '2024-Q4', '--out', prev], {
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, CCHC_CHROMIUM: '/nonexistent/chromium' },
    });
    expect(r.status).toBe(4);
    expect(r.stderr).toContain('/nonexistent/chromium');
    expect(r.stderr).toMatch(/apt-get install chromium/);
    expect(r.stderr).not.toMatch(/\n\s+at |Unexpected error/);
    expect(snapshot(prev)).toEqual(before);
  });

  // Was "Unexpected error: EEXIST: file already exists, mkdir '<file>'" until 52552eb.
  it('cchc brief --out below a regular file: a clear error naming the path, no "Unexpected error"', () => {
    const file = path.join(root, 'not-a-folder');
    realFs.writeFileSync(file, 'x');
    const r = spawnSync(CLI, ['brief', '--db', dbPath, '--period', '2024-Q4', '--out', path.join(file, 'brief')], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain(file);
    expect(r.stderr).not.toMatch(/\n\s+at |Unexpected error/);
  });

  // The brief folder is a renamed mkdtemp folder (0700): on a shared drive only the account that
  // ran cchc could open it (fixed in 52552eb).
  it('the published brief folder has ordinary permissions (not mkdtemp 0700)', () => {
    const umask = process.umask();
    expect(realFs.statSync(pristine).mode & 0o777).toBe(0o777 & ~umask);
  });
});
