import type { Register } from './index.ts';
import { formatOption, wantsJson } from '../output.ts';

export const register: Register = (program) => {
  program
    .command('check')
    .description(
      'validate a data folder against the data contract without writing anything (exit 1 when data errors); with --period, also what a brief of that period would lack',
    )
    .option('--data <dir>', 'data folder', 'data')
    .option('--period <period>', 'also report what is missing for a brief of this period (e.g. 2024-Q4)')
    .option('--unit <code>', "with --period: the brief's unit (default: the province standing on the period's end)")
    .addOption(formatOption())
    .option('--json', 'the same as --format json: {valid, issues, warnings, tables[, readiness]} on stdout', false)
    .action(async (opts: { data: string; format?: string; json: boolean; period?: string; unit?: string }) => {
      const [
        { checkData },
        { CliError, DataError, EXIT, printWarnings },
        { tableCounts },
        { parsePeriod },
        { describeMissing },
      ] = await Promise.all([
        import('../../load/index.ts'),
        import('../../errors.ts'),
        import('../../load/summary.ts'),
        import('../../metrics/period.ts'),
        import('../../load/readiness.ts'),
      ]);
      if (opts.unit && !opts.period)
        throw new CliError('--unit needs --period: it says whose brief to check the data for', EXIT.usage);
      const ready = opts.period ? { period: parsePeriod(opts.period), unit: opts.unit } : undefined;
      const logger = await progressLogger();
      const { issues, warnings, tables, readiness } = await checkData(
        opts.data,
        { clock: { now: () => new Date() }, logger },
        ready,
      );
      const json = wantsJson(opts);
      if (json) {
        process.stdout.write(
          JSON.stringify(
            { valid: issues.length === 0, issues, warnings, tables, ...(readiness ? { readiness } : {}) },
            null,
            2,
          ) + '\n',
        );
      }
      // The problems reach stderr as well, so a log of a piped run still names them.
      if (issues.length) throw new DataError(issues, undefined, warnings);
      printWarnings(warnings, (s) => process.stderr.write(s + '\n'));
      if (json) return;
      process.stdout.write(
        `${opts.data} is valid${warnings.length ? ` (${warnings.length} warning${warnings.length === 1 ? '' : 's'} on stderr)` : ''}\n${tableCounts(tables.map((t) => [t.name, t.rows, t.files.join(', ')]))}`,
      );
      if (readiness) {
        const head = `brief ${readiness.period} of ${readiness.unit}: `;
        if (readiness.ready) process.stdout.write(`${head}nothing missing\n`);
        else
          process.stdout.write(
            `${head}${readiness.missing.length} thing${readiness.missing.length === 1 ? '' : 's'} missing\n${readiness.missing.map((m) => `  ${describeMissing(m)}\n`).join('')}`,
          );
      }
    });
};

/** Progress on a terminal only, so piped or scheduled runs keep stderr for errors. */
export async function progressLogger() {
  const { silentLogger, stderrLogger } = await import('../../effects.ts');
  return process.stderr.isTTY ? stderrLogger : silentLogger;
}
