import fs from 'node:fs';
import path from 'node:path';
import { replaceDir } from '../atomic.ts';

/**
 * Layout of a job's output folder:
 *   <job out>/<period>/            a published run: one folder per unit + run.json
 *   <job out>/<period>.partial/    a partial run kept beside an earlier complete one
 *   <job out>/.staging.<pid>.<period>/   a run being written; never read by anyone
 */
export interface RunManifest {
  run_id: string;
  job: string;
  period: string;
  status: 'complete' | 'partial';
  units: string[];
  failed_units: string[];
  /** Units not rendered because data the job requires is missing (when any). */
  held_units?: string[];
  started: string;
  finished: string;
}

const MANIFEST = 'run.json';
const STAGING = /^\.(staging|old)\.(\d+)\./;

export function stagingDir(jobOut: string, period: string, pid: number): string {
  return path.join(jobOut, `.staging.${pid}.${period}`);
}

export function readManifest(dir: string): RunManifest | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, MANIFEST), 'utf8')) as RunManifest;
  } catch {
    return null;
  }
}

/** Removes staging and replaced folders left by runs whose process is gone (killed mid-batch). */
export function removeAbandoned(jobOut: string, isAlive: (pid: number) => boolean): string[] {
  const removed: string[] = [];
  for (const name of safeList(jobOut)) {
    const m = STAGING.exec(name);
    if (m && !isAlive(Number(m[2]))) {
      fs.rmSync(path.join(jobOut, name), { recursive: true, force: true });
      removed.push(name);
    }
  }
  return removed;
}

/**
 * Moves a finished staging folder into place. A complete run replaces the period's folder; a
 * partial one never replaces a complete earlier run — it goes beside it as `<period>.partial`.
 * Returns the published folder.
 */
export function publish(staging: string, jobOut: string, manifest: RunManifest, pid: number): string {
  fs.writeFileSync(path.join(staging, MANIFEST), JSON.stringify(manifest, null, 2) + '\n');
  const target = path.join(jobOut, manifest.period);
  const previous = readManifest(target);
  const dest = manifest.status === 'partial' && previous?.status === 'complete' ? `${target}.partial` : target;
  const old = path.join(jobOut, `.old.${pid}.${manifest.period}`);
  replaceDir(staging, dest, old);
  if (dest === target) fs.rmSync(`${target}.partial`, { recursive: true, force: true });
  return dest;
}

/**
 * Keeps the newest `keep` complete runs of this job and deletes older complete ones. Partial
 * runs, staging folders and anything another job wrote are never touched.
 */
export function pruneRuns(jobOut: string, job: string, keep: number): string[] {
  const complete = safeList(jobOut)
    .filter((name) => !name.startsWith('.'))
    .map((name) => ({ dir: path.join(jobOut, name), m: readManifest(path.join(jobOut, name)) }))
    .filter((r) => r.m?.status === 'complete' && r.m.job === job && path.basename(r.dir) === r.m.period)
    .sort((a, b) => b.m!.finished.localeCompare(a.m!.finished));
  const doomed = complete.slice(keep).map((r) => r.dir);
  for (const dir of doomed) fs.rmSync(dir, { recursive: true, force: true });
  return doomed;
}

function safeList(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}
