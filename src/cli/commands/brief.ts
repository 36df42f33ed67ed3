import { InvalidArgumentError } from 'commander';
import type { Register } from './index.ts';
import type { RunBriefOptions } from '../../render/run.ts';
import type { ReadinessKind } from '../../load/readiness.ts';
import { parseIsoDay } from '../../dates.ts';

const collect = (value: string, previous: string[] = []) => [...previous, value];

function isoDate(value: string): string {
  if (!parseIsoDay(value)) throw new InvalidArgumentError('expected a date YYYY-MM-DD, e.g. 2025-01-05');
  return value;
}

/** `dossiers,criteria` (repeatable) → the kinds named; checked once the readiness rules are loaded. */
const kinds = (value: string, previous: string[] = []) => [
  ...new Set([...previous, ...value.split(',').map((x) => x.trim())]),
];

function seconds(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('expected a number of seconds > 0');
  return n;
}

/** Commander's options: the run's own where they mean the same, the document's as flags, `require` as text. */
interface BriefCliOptions extends Pick<
  RunBriefOptions,
  'db' | 'data' | 'period' | 'unit' | 'out' | 'template' | 'chromium' | 'force'
> {
  number?: string;
  symbol?: string;
  superior?: string;
  issuer?: string;
  place?: string;
  date?: string;
  signer?: string;
  signerTitle?: string[];
  recipient?: string[];
  timeout: number;
  require?: string[];
}

export const register: Register = (program) => {
  program
    .command('brief')
    .description(
      'render the steering-committee brief (PDF, HTML, charts, metrics.json, manifest.json) for a period and unit',
    )
    .requiredOption('--period <period>', 'period: 2024-11, 2024-Q4, 2024-H1, 2024-9M, 2024')
    .option('--db <file>', 'loaded database (read-only); without it --data is loaded into out/cchc.duckdb first')
    .option('--data <dir>', 'data folder to load when no --db is given', 'data')
    .option('--unit <code>', 'unit_code of the scope (default: the province that has child units)')
    .option(
      '--out <dir>',
      'output folder (default out/<period>/<unit_code>/); replaced only when the new brief is complete',
    )
    .option('--template <name>', 'template name under templates/ or a path to a .hbs file', 'brief')
    .option('--number <n>', 'document number before the slash (default: left blank for the clerk)')
    .option('--symbol <symbol>', 'document symbol after the slash', 'BC-VPUBND')
    .option('--superior <text>', 'first line of the issuer block (default: UBND TỈNH <province>)')
    .option('--issuer <text>', 'issuing body, second line of the issuer block', 'VĂN PHÒNG')
    .option('--place <name>', 'place in the place-date line (default: the province)')
    .option('--date <YYYY-MM-DD>', 'document date (default: today in Asia/Ho_Chi_Minh)', isoDate)
    .option('--signer <name>', 'name under the signature')
    .option(
      '--signer-title <line>',
      'a line of the signer title; repeat for two lines (default: KT. CHÁNH VĂN PHÒNG / PHÓ CHÁNH VĂN PHÒNG)',
      collect,
    )
    .option('--recipient <text>', 'a line of "Nơi nhận"; repeat for each ("- Lưu: VT." is always added)', collect)
    .option('--chromium <path>', 'Chromium binary (default $CCHC_CHROMIUM or /usr/bin/chromium)')
    .option('--timeout <seconds>', 'give up printing after this long', seconds, 60)
    .option(
      '--require <kinds>',
      'hold the brief (exit 6, nothing written) when data of these kinds is incomplete for the period: dossiers, criteria, indices, tasks (comma-separated, as cchc check --period reports them)',
      kinds,
    )
    .option('--force', 'with --require: render anyway, the brief opening with a note of what is missing')
    .action(async (opts: BriefCliOptions) => {
      const [{ CliError }, { READINESS_KINDS }, { closest }] = await Promise.all([
        import('../../errors.ts'),
        import('../../load/readiness.ts'),
        import('../../load/names.ts'),
      ]);
      if (opts.force && !opts.require)
        throw new CliError('--force renders a brief --require would hold; give --require too');
      const known = (k: string) => (READINESS_KINDS as readonly string[]).includes(k);
      const unknown = opts.require?.filter((k) => !known(k)) ?? [];
      if (unknown.length) {
        // The whole option as it was meant, when every unknown kind is near one (`dossier` → `dossiers`).
        const meant = opts.require!.map((k) => (known(k) ? k : closest(k, READINESS_KINDS)));
        const hint = meant.every(Boolean) ? `; did you mean --require ${meant.join(',')}?` : '';
        throw new CliError(
          `--require ${unknown.join(', ')}: expected ${READINESS_KINDS.join(', ')} (comma-separated)${hint}`,
        );
      }
      const [{ runBrief }, { systemClock, stderrLogger }, { killBrowsersOnSignals }] = await Promise.all([
        import('../../render/run.ts'),
        import('../../effects.ts'),
        import('../../render/browser.ts'),
      ]);
      const unhook = killBrowsersOnSignals();
      const result = await runBrief(
        {
          db: opts.db,
          data: opts.data,
          period: opts.period,
          unit: opts.unit,
          out: opts.out,
          template: opts.template,
          chromium: opts.chromium,
          timeoutMs: opts.timeout * 1000,
          require: opts.require as ReadinessKind[] | undefined,
          force: opts.force,
          document: {
            number: opts.number,
            symbol: opts.symbol,
            superior: opts.superior,
            issuer: opts.issuer,
            place: opts.place,
            date: opts.date,
            signer: opts.signer,
            signerTitle: opts.signerTitle,
            recipients: opts.recipient,
          },
        },
        { clock: systemClock, logger: stderrLogger },
      ).finally(unhook);
      for (const f of result.files) process.stdout.write(f + '\n');
    });
};
