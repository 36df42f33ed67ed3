import type { Register } from './index.ts';

export const register: Register = (program) => {
  program
    .command('check')
    .description('validate a data folder against the data contract without writing anything (exit 1 when data errors)')
    .option('--data <dir>', 'data folder', 'data')
    .option('--json', 'print {valid, issues, warnings, tables} as JSON on stdout', false)
    .action(async (opts: { data: string; json: boolean }) => {
      const [{ checkData }, { CliError, DataError, EXIT, printWarnings }, { tableCounts }] = await Promise.all([
        import('../../load/index.ts'),
        import('../../errors.ts'),
        import('../../load/summary.ts'),
      ]);
      const logger = await progressLogger();
      const { issues, warnings, tables } = await checkData(opts.data, { clock: { now: () => new Date() }, logger });
      if (opts.json) {
        process.stdout.write(JSON.stringify({ valid: issues.length === 0, issues, warnings, tables }, null, 2) + '\n');
        if (issues.length) throw new CliError('', EXIT.data);
        return;
      }
      if (issues.length) throw new DataError(issues, undefined, warnings);
      printWarnings(warnings, (s) => process.stderr.write(s + '\n'));
      process.stdout.write(`${opts.data} is valid${warnings.length ? ` (${warnings.length} warning${warnings.length === 1 ? '' : 's'} on stderr)` : ''}\n${tableCounts(tables.map((t) => [t.name, t.rows, t.files.join(', ')]))}`);
    });
};

/** Progress on a terminal only, so piped or scheduled runs keep stderr for errors. */
export async function progressLogger() {
  const { silentLogger, stderrLogger } = await import('../../effects.ts');
  return process.stderr.isTTY ? stderrLogger : silentLogger;
}
