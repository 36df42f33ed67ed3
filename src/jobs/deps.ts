import type { Db } from '../db.ts';
import type { JobDeliveryDeps } from '../deliver/job.ts';
import type { Clock, Logger } from '../effects.ts';
import type { Missing } from '../load/readiness.ts';
import type { Period } from '../metrics/types.ts';
import type { DocumentHeaderSpec } from './config.ts';

/** One brief to render into `outDir` (a folder the renderer creates; the job stages and publishes it). */
export interface BriefRequest {
  period: Period;
  unit: string;
  outDir: string;
  template: string;
  header: DocumentHeaderSpec;
  /** What the data lacks, for a brief rendered anyway (`--force`): the brief says so. */
  incomplete?: Missing[];
}

/**
 * A batch of briefs sharing one browser. `close` must also interrupt a render under way, so a
 * stopped scheduler does not wait for Chromium.
 */
export interface RenderSession {
  render(db: Db, request: BriefRequest): Promise<{ files: string[] }>;
  close(): Promise<void>;
}

export interface Loader {
  fingerprintData(dataDir: string): Promise<string>;
  loadData(dataDir: string, dbPath: string): Promise<{ fingerprint: string }>;
}

export interface JobDeps {
  clock: Clock;
  logger: Logger;
  pid: number;
  isAlive: (pid: number) => boolean;
  loader: Loader;
  openSession(): Promise<RenderSession>;
  /** Folder relative paths in job files start from (the repo root). */
  root: string;
  /** Where job outputs, the run history and locks live (default `<root>/out`). */
  outputRoot: string;
  /** E-mail effects; without them the process environment, real waits and nodemailer's SMTP transport. */
  delivery?: JobDeliveryDeps;
}
