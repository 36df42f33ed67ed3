import { Command, CommanderError } from 'commander';
import { CliError, DataError, EXIT, QueryError, RenderError, formatIssue, printWarnings } from '../errors.ts';
import { isEntryPoint, toolVersion } from '../paths.ts';
import { commands } from './commands/index.ts';

/** Builds the program; exported so tests can run commands in-process. */
export function program(): Command {
  const p = new Command('cchc')
    .description('CCHC briefs: load administrative-reform data, compute metrics, render the steering committee brief')
    .version(toolVersion())
    .option('--debug', 'print stack traces of unexpected errors')
    .showHelpAfterError()
    .exitOverride();
  for (const register of commands) register(p);
  return p;
}

/** Prints any error the way a user should see it and returns the exit code; the only place errors are printed. */
export function report(
  e: unknown,
  debug: boolean,
  err: (s: string) => void = (s) => process.stderr.write(s + '\n'),
): number {
  if (e instanceof CommanderError) {
    // Commander already printed the message or help text.
    return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (e instanceof DataError) {
    printWarnings(e.warnings, err);
    const shown = e.issues.slice(0, 200);
    for (const i of shown) err(formatIssue(i));
    if (e.issues.length > shown.length) err(`… and ${e.issues.length - shown.length} more (use --json to see all)`);
    err(`${e.issues.length} data error${e.issues.length === 1 ? '' : 's'}; nothing was written.`);
    return EXIT.data;
  }
  if (e instanceof QueryError) {
    err(`SQL error${e.sqlPath ? ` in ${e.sqlPath}` : ''}: ${e.message}`);
    return EXIT.data;
  }
  if (e instanceof CliError) {
    if (e.message) err(`error: ${e.message}`);
    return e.exitCode;
  }
  if (e instanceof RenderError) {
    err(`render failed: ${e.message}`);
    return EXIT.render;
  }
  err(`Unexpected error: ${e instanceof Error ? e.message : String(e)}`);
  if (debug && e instanceof Error && e.stack) err(e.stack);
  else err('(run with --debug for details)');
  return EXIT.software;
}

export async function main(argv: string[]): Promise<number> {
  const p = program();
  try {
    await p.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (e) {
    return report(e, argv.includes('--debug'));
  }
}

if (isEntryPoint(import.meta.url)) {
  process.exitCode = await main(process.argv);
}
