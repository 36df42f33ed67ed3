import type { Register } from './index.ts';

export const register: Register = (program) => {
  program
    .command('metrics')
    .description('compute every figure of a brief for a period and scope, as metrics.json')
    .requiredOption('--period <period>', 'period: 2024-11, 2024-Q4, 2024-H1, 2024-9M, 2024')
    .option('--db <file>', 'database file (opened read-only)', 'out/cchc.duckdb')
    .option('--unit <code>', 'unit_code of the scope (default: the province that has child units)')
    .option('--out <file>', 'write metrics.json here (atomically) instead of stdout')
    .action(async (opts: { db: string; period: string; unit?: string; out?: string }) => {
      const { runMetrics } = await import('../../metrics/run.ts');
      await runMetrics(opts, { stdout: process.stdout });
    });
};
