import type { Register } from './index.ts';
import { formatOption, wantsJson } from '../output.ts';

export const register: Register = (program) => {
  program
    .command('runs')
    .description('show the history of job runs (out/runs.jsonl)')
    .option('--job <name>', 'only this job')
    .option('--last <n>', 'the last N runs', '20')
    .addOption(formatOption())
    .option('--json', 'the same as --format json', false)
    .action(async (opts: { job?: string; last: string; format?: string; json: boolean }) => {
      const { runsCommand } = await import('../../jobs/cli.ts');
      runsCommand({ job: opts.job, last: opts.last, json: wantsJson(opts) }, (s) => process.stdout.write(s + '\n'));
    });
};
