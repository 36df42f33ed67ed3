/**
 * The SQL text with string literals ('…', $tag$…$tag$) and comments blanked out (same length), so
 * parameter names and forbidden calls are searched only in code. Quoted identifiers are kept:
 * a function can be called by its quoted name.
 */
export function codeOnly(sql: string): string {
  const out = sql.split('');
  const blank = (from: number, to: number): void => {
    for (let k = from; k < to && k < out.length; k++) if (out[k] !== '\n') out[k] = ' ';
  };
  const endOf = (end: string, from: number): number => {
    const j = sql.indexOf(end, from);
    return j < 0 ? sql.length : j + end.length;
  };
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i]!;
    let next = i + 1;
    if (ch === "'") {
      // A doubled quote ends one literal and starts the next: both are blanked, which is the same.
      next = endOf("'", i + 1);
      blank(i, next);
    } else if (ch === '"') {
      next = endOf('"', i + 1);
    } else if (ch === '-' && sql[i + 1] === '-') {
      next = endOf('\n', i + 2);
      blank(i, next);
    } else if (ch === '/' && sql[i + 1] === '*') {
      next = endOf('*/', i + 2);
      blank(i, next);
    } else if (ch === '$') {
      const tag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(i, i + 130));
      if (tag) {
        next = endOf(tag[0], i + tag[0].length);
        blank(i, next);
      }
    }
    i = next;
  }
  return out.join('');
}
