import type { Register } from './index.ts';

export const register: Register = (program) => {
  program
    .command('run')
    .description(
      'run a scheduled job now: reload data if it changed, render every brief of the job (exit 0 ok, 1 data, 2 config, 3 already running, 4 render failed or partial, 5 rendered but delivery incomplete, 6 briefs held for incomplete data)',
    )
    .argument('<job>', 'job name (jobs/NAME.json) or path to a job file')
    .option(
      '--at <datetime>',
      'act as if run at this time (Asia/Ho_Chi_Minh unless a zone is given), e.g. 2024-12-01T07:00',
    )
    .option('--period <period>', "report this period instead of the job's, e.g. 2024-Q4")
    .option('--eml <dir>', "write the job's e-mails as .eml files into DIR instead of sending them")
    .option('--resend', "send again to recipients who already accepted this job and period's brief")
    .option(
      '--force',
      'render the briefs that the job\'s "require" would hold for incomplete data, each with a note of what is missing',
    )
    .action(
      async (job: string, opts: { at?: string; period?: string; eml?: string; resend?: boolean; force?: boolean }) => {
        const { runCommand } = await import('../../jobs/cli.ts');
        await runCommand(job, opts, (s) => process.stdout.write(s + '\n'));
      },
    );
};
