import { progressLogger } from './check.ts';
import type { Register } from './index.ts';
import { formatOption, wantsJson } from '../output.ts';

export const register: Register = (program) => {
  program
    .command('load')
    .description(
      'validate a data folder and load it into a DuckDB file; the file is replaced only when all data is valid',
    )
    .option('--data <dir>', 'data folder', 'data')
    .option('--db <file>', 'database file to write', 'out/cchc.duckdb')
    .addOption(formatOption())
    .action(async (opts: { data: string; db: string; format?: string }) => {
      const [{ loadData }, { tableCounts }, { systemClock }, { printWarnings }] = await Promise.all([
        import('../../load/index.ts'),
        import('../../load/summary.ts'),
        import('../../effects.ts'),
        import('../../errors.ts'),
      ]);
      const result = await loadData(opts.data, opts.db, { clock: systemClock, logger: await progressLogger() });
      printWarnings(result.warnings, (s) => process.stderr.write(s + '\n'));
      if (wantsJson(opts)) {
        const { tables, sample, fingerprint, warnings } = result;
        process.stdout.write(
          JSON.stringify({ db: opts.db, data: opts.data, sample, fingerprint, tables, warnings }, null, 2) + '\n',
        );
      } else {
        process.stdout.write(tableCounts(Object.entries(result.tables).map(([t, n]) => [t, n, ''])));
      }
      process.stderr.write(`loaded ${opts.data}${result.sample ? ' (sample data)' : ''} into ${opts.db}\n`);
    });
};
