import type { Register } from './index.ts';

export const register: Register = (program) => {
  program
    .command('extract')
    .description('propose tasks and documents rows from a conclusion notice (Thông báo kết luận) for review')
    .argument(
      '<notice>',
      'the notice: its PDF, its scan (read by OCR), its Word file (.docx or .doc), or its text in a UTF-8 file',
    )
    .option('--units <dir-or-file>', 'data folder holding units.csv|xlsx|json, or the units file itself', 'data')
    .option(
      '--out <file>',
      'tasks.csv (+ documents.csv, tasks.review.csv beside it) or tasks.xlsx; default: review CSV on stdout',
    )
    .option('--doc-no <number>', 'document number when the notice carries none, e.g. 208/TB-VPUBND')
    .option('--assigned-on <date>', 'assignment date (YYYY-MM-DD or DD/MM/YYYY) when the notice has no issue date')
    .option('--scope <unit_code>', 'the province or district the notice is from (default: found from the text)')
    .option('--force', 'replace existing output files')
    .action(
      async (
        notice: string,
        opts: { units: string; out?: string; docNo?: string; assignedOn?: string; scope?: string; force?: boolean },
      ) => {
        const { runExtract } = await import('../../extract/run.ts');
        const { defaultEffects } = await import('../../effects.ts');
        await runExtract(notice, opts, { ...defaultEffects, stdout: (s) => process.stdout.write(s) });
      },
    );
};
