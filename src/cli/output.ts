import { Option } from 'commander';

/**
 * `--format table|json` of the commands that print a listing (`check`, `load`, `runs`). Without it
 * (or `--json`, its short form) a person at a terminal gets a table and a pipe gets JSON, as `cchc sql`
 * picks a table or CSV. Diagnostics go to stderr either way.
 */
export function formatOption(): Option {
  return new Option('--format <format>', 'table | json (default: a table on a terminal, JSON when piped)').choices([
    'table',
    'json',
  ]);
}

export function wantsJson(
  opts: { format?: string; json?: boolean },
  isTTY: boolean = process.stdout.isTTY === true,
): boolean {
  if (opts.json) return true;
  if (opts.format !== undefined) return opts.format === 'json';
  return !isTTY;
}
