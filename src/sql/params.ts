import { CliError } from '../errors.ts';
import { codeOnly } from './lexer.ts';

const PARAM_ARG = /^([A-Za-z_][A-Za-z0-9_]*|[0-9]+)=(.*)$/s;

/** `--param key=value` arguments as a map; values stay strings and the SQL casts them. */
export function parseParamArgs(args: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of args) {
    const m = PARAM_ARG.exec(a);
    if (!m)
      throw new CliError(`--param "${a}" is not key=value; write e.g. --param year=2024 (key: letters, digits, _)`);
    const [, key, value] = m as unknown as [string, string, string];
    if (key in out) throw new CliError(`--param ${key} is given twice; give each parameter once`);
    out[key] = value;
  }
  return out;
}

/**
 * Names of the `$name` parameters a SQL text uses, so every parameter is checked before anything
 * runs (a later statement may not prepare until an earlier one has run).
 */
export function sqlParamNames(sql: string): Set<string> {
  const names = new Set<string>();
  for (const m of codeOnly(sql).matchAll(/\$([A-Za-z_][A-Za-z0-9_]*|[0-9]+)/g)) names.add(m[1]!);
  return names;
}

/** Fails before any statement runs when a parameter is missing or was given but is not used. */
export function checkParams(used: Set<string>, given: Record<string, string>, sqlPath: string | null): void {
  const where = sqlPath ? ` in ${sqlPath}` : '';
  const missing = [...used].filter((k) => !(k in given));
  if (missing.length > 0) {
    throw new CliError(
      `parameter${missing.length > 1 ? 's' : ''} ${missing.map((k) => '$' + k).join(', ')}${where} ha${missing.length > 1 ? 've' : 's'} no value; add ${missing.map((k) => `--param ${k}=…`).join(' ')}`,
    );
  }
  const unknown = Object.keys(given).filter((k) => !used.has(k));
  if (unknown.length > 0) {
    const known = used.size > 0 ? `it uses ${[...used].map((k) => '$' + k).join(', ')}` : 'it uses no parameters';
    throw new CliError(`--param ${unknown.join(', ')}: the SQL${where} has no such parameter (${known})`);
  }
}
