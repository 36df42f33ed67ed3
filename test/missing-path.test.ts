import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CliError, EXIT } from '../src/errors.ts';
import { checkData } from '../src/load/index.ts';
import { runMetrics } from '../src/metrics/run.ts';
import { missingPath } from '../src/paths.ts';
import { tempDir } from './tmp.ts';

// A report officer's two usual mistakes with a path: running cchc from another folder than the
// repo (relative paths are read from the current folder) and a trailing space pasted with the name.
describe('missingPath(p, cwd)', () => {
  it('quotes the path and says which folder a relative one was looked for in', () => {
    expect(missingPath('data', '/home/cb/Tài liệu')).toBe('"data" in /home/cb/Tài liệu');
    expect(missingPath('/srv/dữ liệu', '/tmp')).toBe('"/srv/dữ liệu"');
  });

  it('points at a stray space when the name without it exists', () => {
    const cwd = tempDir('cchc-missing-');
    fs.mkdirSync(path.join(cwd, 'Dữ liệu quý 3'));
    expect(missingPath('Dữ liệu quý 3 ', cwd)).toBe(
      `"Dữ liệu quý 3 " in ${cwd} ("Dữ liệu quý 3" exists: remove the space)`,
    );
    expect(missingPath('Dữ liệu quý 4 ', cwd)).toBe(`"Dữ liệu quý 4 " in ${cwd}`);
  });
});

describe('a data folder that does not exist', () => {
  it('is quoted, with the stray space pointed out (exit 2)', async () => {
    const cwd = tempDir('cchc-missing-');
    fs.mkdirSync(path.join(cwd, 'data'));
    const error = (await checkData(path.join(cwd, 'data ')).catch((e: unknown) => e)) as CliError;
    expect(error.exitCode).toBe(EXIT.usage);
    expect(error.message).toBe(
      `data folder "${path.join(cwd, 'data ')}" ("${path.join(cwd, 'data')}" exists: remove the space) does not exist`,
    );
  });
});

describe('a database that does not exist', () => {
  it('is named with the folder it was looked for in (exit 2)', async () => {
    await expect(
      runMetrics({ db: 'out/none.duckdb', period: '2024-Q4' }, { stdout: { write: () => 0 } }),
    ).rejects.toMatchObject({
      exitCode: EXIT.usage,
      message: `database "out/none.duckdb" in ${process.cwd()} does not exist; run \`cchc load --data DIR --db out/none.duckdb\` first`,
    });
  });
});
