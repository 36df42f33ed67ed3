/** Shared by test/jobs*.test.ts and the child process they kill: a tiny database, a fake loader and renderers. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Db } from '../src/db.ts';
import { type Clock, type Logger, fixedClock } from '../src/effects.ts';
import { type Job, readJob } from '../src/jobs/config.ts';
import type { JobDeps, Loader, RenderSession } from '../src/jobs/deps.ts';
import { schemaDdl } from '../src/schema.ts';

export const UNITS: [string, string, string, string | null, string | null][] = [
  ['AG', 'UBND tỉnh An Giang', 'province', null, null],
  ['AG.SNV', 'Sở Nội vụ', 'department', 'AG', null],
  ['AG.CD', 'UBND TP Châu Đốc', 'district', 'AG', '2025-06-30'],
  ['AG.LX', 'UBND TP Long Xuyên', 'district', 'AG', '2025-06-30'],
  ['AG.TT', 'UBND huyện Tri Tôn', 'district', 'AG', '2025-06-30'],
];

export async function buildDb(dbPath: string, fingerprint: string): Promise<void> {
  fs.rmSync(dbPath, { force: true });
  const db = await Db.open(dbPath);
  try {
    for (const s of schemaDdl()) await db.run(s);
    for (const [code, name, kind, parent, validTo] of UNITS) {
      await db.run(
        'INSERT INTO units (unit_code, name, kind, parent_code, valid_to) VALUES ($code, $name, $kind, $parent, $to::DATE)',
        {
          code,
          name,
          kind,
          parent,
          to: validTo,
        },
      );
    }
    await db.run(`INSERT INTO meta_load VALUES (now(), 'data', $fp, 'test', true)`, { fp: fingerprint });
  } finally {
    db.close();
  }
}

/** A loader whose data fingerprint is whatever `state.fingerprint` says; counts loads. */
export function fakeLoader(state: { fingerprint: string; loads: number; fail?: Error }): Loader {
  return {
    fingerprintData: async () => state.fingerprint,
    loadData: async (_dir, dbPath) => {
      state.loads++;
      if (state.fail) throw state.fail;
      await buildDb(dbPath, state.fingerprint);
      return { fingerprint: state.fingerprint };
    },
  };
}

/**
 * Writes a one-file "brief" per unit; `failFor` units throw, `hangFor` units never finish until closed.
 * With `metrics` (a metrics.json fixture) it also writes metrics.json (scope and period set to the
 * request's), manifest.json and brief.html, which delivery and the archive read.
 */
export function fakeSession(
  opts: { failFor?: string[]; hangFor?: string[]; log?: string[]; metrics?: string } = {},
): () => Promise<RenderSession> {
  return async () => {
    let release: (() => void) | undefined;
    return {
      async render(_db, req) {
        opts.log?.push(req.unit);
        if (opts.failFor?.includes(req.unit)) throw new Error(`Chromium crashed on ${req.unit}`);
        if (opts.hangFor?.includes(req.unit)) {
          // A timer keeps the process alive, as a real browser's pipe would.
          const alive = setInterval(() => {}, 1000);
          await new Promise<void>((r) => (release = r));
          clearInterval(alive);
          throw new Error('browser closed');
        }
        fs.mkdirSync(req.outDir, { recursive: true });
        fs.writeFileSync(
          path.join(req.outDir, 'brief.pdf'),
          `%PDF ${req.unit} ${req.period.id} ${req.header.symbol ?? ''}`,
        );
        if (!opts.metrics) return { files: ['brief.pdf'] };
        const m = JSON.parse(fs.readFileSync(opts.metrics, 'utf8'));
        const unit = UNITS.find((u) => u[0] === req.unit);
        m.scope = { ...m.scope, unit_code: req.unit, name: unit?.[1] ?? req.unit };
        m.period = {
          ...m.period,
          id: req.period.id,
          start: req.period.start,
          end: req.period.end,
          as_of: req.period.end,
        };
        const manifest = {
          data: { fingerprint: m.data?.fingerprint ?? null },
          generated_at: '2024-12-01T00:00:00.000Z',
        };
        fs.writeFileSync(path.join(req.outDir, 'metrics.json'), JSON.stringify(m));
        fs.writeFileSync(path.join(req.outDir, 'manifest.json'), JSON.stringify(manifest));
        fs.writeFileSync(path.join(req.outDir, 'brief.html'), `<!doctype html><title>${req.unit}</title>`);
        return { files: ['brief.pdf', 'metrics.json', 'manifest.json', 'brief.html'] };
      },
      async close() {
        release?.();
      },
    };
  };
}

export interface Sandbox {
  root: string;
  lines: string[];
  logger: Logger;
  state: { fingerprint: string; loads: number; fail?: Error };
  deps(over?: Partial<JobDeps> & { clock?: Clock }): JobDeps;
  writeJob(name: string, spec: Record<string, unknown>): string;
  job(name: string): Job;
}

export function sandbox(): Sandbox {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-jobs-'));
  fs.mkdirSync(path.join(root, 'jobs'));
  fs.mkdirSync(path.join(root, 'data'));
  const lines: string[] = [];
  const logger: Logger = { info: (m) => lines.push(m), warn: (m) => lines.push(m) };
  const state = { fingerprint: 'fp1', loads: 0 } as Sandbox['state'];
  const box: Sandbox = {
    root,
    lines,
    logger,
    state,
    deps: (over = {}) => ({
      clock: fixedClock('2024-12-01T00:00:00Z'),
      logger,
      pid: process.pid,
      isAlive: () => false,
      loader: fakeLoader(state),
      openSession: fakeSession(),
      root,
      outputRoot: path.join(root, 'out'),
      ...over,
    }),
    writeJob(name, spec) {
      const file = path.join(root, 'jobs', `${name}.json`);
      fs.writeFileSync(
        file,
        JSON.stringify({ name, schedule: '0 7 1 * *', period: 'previous-month', units: 'province', ...spec }, null, 2),
      );
      return file;
    },
    job: (name) => readJob(path.join(root, 'jobs', `${name}.json`), path.join(root, 'out')),
  };
  return box;
}
