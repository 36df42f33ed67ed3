/**
 * A clone of the repo is all a user has: no tracked file may send them to a sibling folder (the
 * shared specs this project was written from sit beside a checkout, not in it). The rules are
 * stated in docs/.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
// Written so that this file does not match itself.
const OUTSIDE = new RegExp(['\\.\\./', 'shared'].join(''));

it('no tracked text file points at the shared folder beside the checkout', () => {
  const files = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' })
    .split('\0')
    .filter((f) => /\.(ts|js|json|md|sql|hbs|css|sh|txt)$|^bin\/|^\.ci\//.test(f));
  const hits = files.filter((f) => {
    try {
      return OUTSIDE.test(readFileSync(path.join(ROOT, f), 'utf8'));
    } catch {
      return false; // listed but not in the work tree (deleted, not yet committed)
    }
  });
  expect(hits).toEqual([]);
});
