import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RenderError } from '../src/errors.ts';
import { writeFolderAtomic } from '../src/render/output.ts';

/** The process umask, read the only way Node offers (set and restore). */
function umask(): number {
  const u = process.umask(0o022);
  process.umask(u);
  return u;
}

let tmp: string;
beforeEach(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'cchc-out-'));
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

describe('writeFolderAtomic(target, files)', () => {
  it('replaces a complete folder by a complete folder, leaving no temp behind', () => {
    const target = path.join(tmp, '2024-Q4', 'AG');
    mkdirSync(target, { recursive: true });
    writeFileSync(path.join(target, 'stale.txt'), 'old');
    const written = writeFolderAtomic(target, { 'brief.html': '<p>mới</p>', 'charts/a.svg': '<svg/>' });
    expect(written).toEqual([path.join(target, 'brief.html'), path.join(target, 'charts/a.svg')]);
    expect(readdirSync(target).sort()).toEqual(['brief.html', 'charts']);
    expect(readFileSync(path.join(target, 'brief.html'), 'utf8')).toBe('<p>mới</p>');
    expect(readdirSync(path.dirname(target))).toEqual(['AG']);
  });

  it('publishes a folder with the permissions of the umask, not the 0700 of a temp folder', () => {
    const target = path.join(tmp, 'AG');
    writeFolderAtomic(target, { 'brief.pdf': 'x' });
    expect(statSync(target).mode & 0o777).toBe(0o777 & ~umask());
  });

  it('names the file that stands where a folder must be', () => {
    const file = path.join(tmp, 'not-a-folder');
    writeFileSync(file, 'x');
    expect(() => writeFolderAtomic(path.join(file, 'sub', 'AG'), { a: 'x' })).toThrow(RenderError);
    expect(() => writeFolderAtomic(path.join(file, 'sub', 'AG'), { a: 'x' })).toThrow(
      `${file} is a file, not a folder`,
    );
  });

  it('keeps the old folder when writing the new one fails', () => {
    const target = path.join(tmp, 'AG');
    mkdirSync(target);
    writeFileSync(path.join(target, 'brief.pdf'), 'old');
    // A file and a folder of the same name cannot both be written.
    expect(() => writeFolderAtomic(target, { a: 'x', 'a/b': 'y' })).toThrow(RenderError);
    expect(() => writeFolderAtomic(target, { a: 'x', 'a/b': 'y' })).toThrow(`could not write the brief to ${target}`);
    expect(readFileSync(path.join(target, 'brief.pdf'), 'utf8')).toBe('old');
    expect(readdirSync(tmp)).toEqual(['AG']);
  });
});
