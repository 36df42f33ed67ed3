import type { Register } from './index.ts';

export const register: Register = (program) => {
  program
    .command('sql')
    .description('run SQL against the loaded database (read-only unless --write; no access to other files)')
    .argument('<query>', 'SQL text, or a .sql file (e.g. queries/overdue.sql)')
    .option('--db <file>', 'database file', 'out/cchc.duckdb')
    .option(
      '--param <key=value>',
      'bind $key to value (repeatable; the SQL casts it)',
      (v: string, acc: string[]) => [...acc, v],
      [],
    )
    .option('--write', 'allow changes to the database (still no access to other files)', false)
    .option(
      '--format <format>',
      'table | csv | json | xlsx (default: from --out, else table on a terminal, csv when piped)',
    )
    .option('--out <file>', 'write to this file (atomically) instead of stdout; required for xlsx')
    .option('--bom', 'start CSV with a UTF-8 byte order mark, for Excel', false)
    .action(
      async (
        query: string,
        opts: { db: string; param: string[]; write: boolean; format?: string; out?: string; bom: boolean },
      ) => {
        const { runSql } = await import('../../sql/index.ts');
        // `cchc sql … | head` closes the pipe early: that is the reader's choice, not an error.
        process.stdout.on('error', (e: NodeJS.ErrnoException) => {
          if (e.code !== 'EPIPE') throw e;
        });
        await runSql(
          {
            db: opts.db,
            query,
            params: opts.param,
            write: opts.write,
            format: opts.format,
            out: opts.out,
            bom: opts.bom,
          },
          { stdout: process.stdout },
        );
      },
    );
};
