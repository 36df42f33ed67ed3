/** Figure-by-figure comparison of the oracle's metrics with the engine's. */

/** Ratios are computed in a different order on each side; counts and codes must match exactly. */
export const TOLERANCE = 1e-9;

/**
 * Paths where `engine` differs from `oracle`, e.g. `tasks.by_unit[3].overdue: oracle 2, engine 3`.
 * Only the oracle's keys are compared: metrics.json may carry extra keys the rules do not define.
 * Keys named in `absent` may be missing from the engine's output (rules it does not implement yet).
 */
export function differences(
  oracle: unknown,
  engine: unknown,
  absent: ReadonlySet<string> = new Set(),
  at = '',
  out: string[] = [],
): string[] {
  if (out.length >= 40) return out;
  const show = () => out.push(`${at || '(root)'}: oracle ${JSON.stringify(oracle)}, engine ${JSON.stringify(engine)}`);
  if (Array.isArray(oracle)) {
    if (!Array.isArray(engine)) return (show(), out);
    if (oracle.length !== engine.length) out.push(`${at}: oracle ${oracle.length} rows, engine ${engine.length}`);
    for (let i = 0; i < Math.min(oracle.length, engine.length); i++)
      differences(oracle[i], engine[i], absent, `${at}[${i}]`, out);
  } else if (typeof oracle === 'object' && oracle !== null) {
    if (typeof engine !== 'object' || engine === null || Array.isArray(engine)) return (show(), out);
    for (const [k, v] of Object.entries(oracle)) {
      const sub = at ? `${at}.${k}` : k;
      if (!(k in engine)) {
        if (!absent.has(k)) out.push(`${sub}: oracle ${JSON.stringify(v)}, engine has no such key`);
      } else differences(v, (engine as Record<string, unknown>)[k], absent, sub, out);
    }
  } else if (typeof oracle === 'number' && typeof engine === 'number') {
    if (!(Math.abs(oracle - engine) <= TOLERANCE)) show();
  } else if (!Object.is(oracle, engine)) show();
  return out;
}
