import type { Register } from './index.ts';

export const register: Register = (program) => {
  program
    .command('schedule')
    .description(
      'run the jobs in jobs/ on their schedules (Asia/Ho_Chi_Minh) until stopped, or print OS scheduler config',
    )
    .option('--print <kind>', 'print crontab lines or systemd units instead of running: crontab | systemd')
    .option(
      '--job <name>',
      'only this job (repeatable; default every jobs/*.json)',
      (v: string, acc: string[]) => [...acc, v],
      [],
    )
    .action(async (opts: { print?: string; job: string[] }) => {
      const { scheduleCommand } = await import('../../jobs/cli.ts');
      await scheduleCommand(opts, (s) => process.stdout.write(s + '\n'));
    });
};
