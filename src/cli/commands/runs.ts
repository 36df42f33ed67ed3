import type { Register } from './index.ts';

export const register: Register = (program) => {
  program
    .command('runs')
    .description('show the history of job runs (out/runs.jsonl)')
    .option('--job <name>', 'only this job')
    .option('--last <n>', 'the last N runs', '20')
    .option('--json', 'print JSON', false)
    .action(async (opts: { job?: string; last: string; json: boolean }) => {
      const { runsCommand } = await import('../../jobs/cli.ts');
      runsCommand(opts, (s) => process.stdout.write(s + '\n'));
    });
};
