/**
 * The little CSV parsing done in JS: the header row (to map columns before DuckDB reads the file)
 * and, only when a file has issues to report, the physical line where each record starts — DuckDB
 * counts records, and a quoted field may span lines.
 */
const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

function bomLength(buf: Buffer): number {
  return buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
}

/** Fields of the first record, unquoted. */
export function headerFields(buf: Buffer): string[] {
  const fields: string[] = [];
  let field = '';
  let inQuote = false;
  const text = buf.subarray(bomLength(buf), Math.min(buf.length, 1 << 20)).toString('utf8');
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (inQuote) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') inQuote = false;
      else field += ch;
    } else if (ch === '"') inQuote = true;
    else if (ch === ',') {
      fields.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') break;
    else field += ch;
  }
  fields.push(field);
  return fields;
}

/** Start line (1-based, header = line 1) of every data record, skipping blank lines as DuckDB does. */
export function recordLines(buf: Buffer): number[] {
  const starts: number[] = [];
  let line = 1;
  let inQuote = false;
  let atStart = true;
  for (let i = bomLength(buf); i < buf.length; i++) {
    const b = buf[i];
    if (atStart) {
      if (b === LF) {
        line++;
        continue;
      }
      if (b === CR && buf[i + 1] === LF) continue;
      starts.push(line);
      atStart = false;
    }
    if (b === QUOTE) inQuote = !inQuote;
    else if (b === LF) {
      line++;
      if (!inQuote) atStart = true;
    }
  }
  return starts.slice(1);
}

/** The physical line a DuckDB reject points at: its byte offset, moved past the blank lines DuckDB glues on. */
export function lineOfOffset(buf: Buffer, offset: number): number {
  let at = Math.max(0, Math.min(offset, buf.length));
  while (at < buf.length && (buf[at] === LF || buf[at] === CR)) at++;
  let line = 1;
  for (let i = buf.indexOf(LF); i !== -1 && i < at; i = buf.indexOf(LF, i + 1)) line++;
  return line;
}
