import type { Register } from './index.ts';
import { formatOption, wantsJson } from '../output.ts';

export const register: Register = (program) => {
  program
    .command('check')
    .description('validate a data folder against the data contract without writing anything (exit 1 when data errors)')
    .option('--data <dir>', 'data folder', 'data')
    .addOption(formatOption())
    .option('--json', 'the same as --format json: {valid, issues, warnings, tables} on stdout', false)
    .action(async (opts: { data: string; format?: string; json: boolean }) => {
      const [{ checkData }, { DataError, printWarnings }, { tableCounts }] = await Promise.all([
        import('../../load/index.ts'),
        import('../../errors.ts'),
        import('../../load/summary.ts'),
      ]);
      const logger = await progressLogger();
      const { issues, warnings, tables } = await checkData(opts.data, { clock: { now: () => new Date() }, logger });
      const json = wantsJson(opts);
      if (json) {
        process.stdout.write(JSON.stringify({ valid: issues.length === 0, issues, warnings, tables }, null, 2) + '\n');
      }
      // The problems reach stderr as well, so a log of a piped run still names them.
      if (issues.length) throw new DataError(issues, undefined, warnings);
      printWarnings(warnings, (s) => process.stderr.write(s + '\n'));
      if (json) return;
      process.stdout.write(
        `${opts.data} is valid${warnings.length ? ` (${warnings.length} warning${warnings.length === 1 ? '' : 's'} on stderr)` : ''}\n${tableCounts(tables.map((t) => [t.name, t.rows, t.files.join(', ')]))}`,
      );
    });
};

/** Progress on a terminal only, so piped or scheduled runs keep stderr for errors. */
export async function progressLogger() {
  const { silentLogger, stderrLogger } = await import('../../effects.ts');
  return process.stderr.isTTY ? stderrLogger : silentLogger;
}
