import { execFileSync } from 'node:child_process';
import path from 'node:path';

/**
 * Tests that spawn bin/cchc run what users run, the built dist/: build it first when src/ changed,
 * once per vitest run, so no two test files race to build it.
 */
export default function setup(): void {
  execFileSync('bash', [path.join(import.meta.dirname, '..', 'scripts', 'build.sh'), '--if-stale'], {
    stdio: 'inherit',
  });
}
