/**
 * One streaming pass over a data file: its sha256 and, for text formats, its encoding problems.
 * Streaming keeps a 10M-row CSV (766 MB) out of memory; the pass runs while DuckDB reads the same
 * file, and a file whose encoding is wrong is then dropped whatever DuckDB made of it.
 */
import { createHash } from 'node:crypto';
import { createReadStream, openSync, readSync, closeSync } from 'node:fs';
import type { DataIssue } from '../errors.ts';
import type { DataFile } from './discover.ts';
import { checkEncoding, utf8Boundary } from './encoding.ts';

const CHUNK = 4 << 20;

export interface Scan {
  sha256: string;
  issues: DataIssue[];
}

/** The first `bytes` of a file, for its header row and a first encoding check. */
export function readHead(abs: string, bytes = 1 << 20): Buffer {
  const fd = openSync(abs, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const n = readSync(fd, buf, 0, bytes, 0);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/** Lines before byte `offset`, counted by streaming again: only ever needed to place a problem. */
async function linesBefore(abs: string, offset: number): Promise<number> {
  let lines = 0;
  for await (const chunk of createReadStream(abs, { end: offset - 1, highWaterMark: CHUNK }) as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
  }
  return lines;
}

export async function scanFile(file: DataFile): Promise<Scan> {
  const hash = createHash('sha256');
  const text = file.format === 'csv' || file.format === 'json';
  let issues: DataIssue[] = [];
  let carry = Buffer.alloc(0);
  let offset = 0;
  for await (const chunk of createReadStream(file.abs, { highWaterMark: CHUNK }) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    if (text && issues.length === 0) {
      const joined = carry.length ? Buffer.concat([carry, chunk]) : chunk;
      const cut = utf8Boundary(joined);
      const piece = joined.subarray(0, cut);
      const start = offset - carry.length;
      carry = Buffer.from(joined.subarray(cut));
      if (checkEncoding(piece, file.rel, start === 0 ? 0 : 1).length) {
        issues = checkEncoding(piece, file.rel, start === 0 ? 0 : await linesBefore(file.abs, start));
      }
    }
    offset += chunk.length;
  }
  // Bytes left over that never completed a character: the file ends mid-character.
  if (text && issues.length === 0 && carry.length)
    issues = checkEncoding(carry, file.rel, await linesBefore(file.abs, offset - carry.length));
  return { sha256: hash.digest('hex'), issues };
}
