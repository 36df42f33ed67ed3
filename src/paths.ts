import { existsSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Through fileURLToPath, never URL.pathname: a checkout under `Tài liệu/` has a percent-encoded
// pathname that names no file. This module sits one level below the repo root both as src/paths.ts
// (tsx) and as dist/paths.js (the build), so the folders below resolve the same from either.
export const REPO_ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/** The query files (`queries/NAME.sql`). */
export const QUERIES_DIR = path.join(REPO_ROOT, 'queries');
/** The brief templates, partials, CSS and chart specs. */
export const TEMPLATES_DIR = path.join(REPO_ROOT, 'templates');

let version: string | undefined;
/** package.json's version, read once. */
export function toolVersion(): string {
  version ??= (JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  return version;
}

/**
 * A path the user gave that names nothing, written so they can see why: quoted, so a stray space
 * shows, and a relative one with the folder it was looked for in, since cchc reads relative paths
 * from the folder it runs in and running it from another folder is the usual cause.
 */
export function missingPath(p: string, cwd: string = process.cwd()): string {
  const trimmed = p.trim();
  const space =
    trimmed && trimmed !== p && existsSync(path.resolve(cwd, trimmed))
      ? ` ("${trimmed}" exists: remove the space)`
      : '';
  return `"${p}"${path.isAbsolute(p) ? '' : ` in ${cwd}`}${space}`;
}

/** True when the module at `moduleUrl` is the script Node was started with (not imported by a test). */
export function isEntryPoint(moduleUrl: string): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(moduleUrl));
  } catch {
    return false;
  }
}
