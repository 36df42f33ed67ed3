/**
 * The few zip reads the XLSX reader needs besides exceljs's streaming reader, which skips what it
 * does not emit: the workbook's sheet list and each sheet's merged ranges. Reads the central
 * directory and inflates single entries; an .xlsx is never zip64 at the sizes offices export.
 */
import { closeSync, createReadStream, fstatSync, openSync, readSync } from 'node:fs';
import { createInflateRaw, inflateRawSync } from 'node:zlib';

interface Entry {
  method: number;
  compressed: number;
  offset: number;
}

export class Zip {
  private constructor(
    private readonly abs: string,
    private readonly entries: Map<string, Entry>,
  ) {}

  static open(abs: string): Zip {
    const fd = openSync(abs, 'r');
    try {
      const size = fstatSync(fd).size;
      const tailLen = Math.min(size, 65_557);
      const tail = Buffer.alloc(tailLen);
      readSync(fd, tail, 0, tailLen, size - tailLen);
      const eocd = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
      if (eocd < 0) throw new Error('not a zip file (no end of central directory)');
      const count = tail.readUInt16LE(eocd + 10);
      const dirSize = tail.readUInt32LE(eocd + 12);
      const dirOffset = tail.readUInt32LE(eocd + 16);
      const dir = Buffer.alloc(dirSize);
      readSync(fd, dir, 0, dirSize, dirOffset);
      const entries = new Map<string, Entry>();
      for (let at = 0, i = 0; i < count && at + 46 <= dir.length; i++) {
        const nameLen = dir.readUInt16LE(at + 28);
        const name = dir.toString('utf8', at + 46, at + 46 + nameLen);
        entries.set(name, {
          method: dir.readUInt16LE(at + 10),
          compressed: dir.readUInt32LE(at + 20),
          offset: dir.readUInt32LE(at + 42),
        });
        at += 46 + nameLen + dir.readUInt16LE(at + 30) + dir.readUInt16LE(at + 32);
      }
      return new Zip(abs, entries);
    } finally {
      closeSync(fd);
    }
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  private dataStart(e: Entry): number {
    const fd = openSync(this.abs, 'r');
    try {
      const local = Buffer.alloc(30);
      readSync(fd, local, 0, 30, e.offset);
      return e.offset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
    } finally {
      closeSync(fd);
    }
  }

  /** A small entry (workbook.xml, its rels) as text. */
  text(name: string): string | null {
    const e = this.entries.get(name);
    if (!e) return null;
    const fd = openSync(this.abs, 'r');
    try {
      const buf = Buffer.alloc(e.compressed);
      readSync(fd, buf, 0, e.compressed, this.dataStart(e));
      return (e.method === 8 ? inflateRawSync(buf) : buf).toString('utf8');
    } finally {
      closeSync(fd);
    }
  }

  /** A big entry (a sheet) as a stream of inflated chunks. */
  stream(name: string): AsyncIterable<Buffer> {
    const e = this.entries.get(name);
    if (!e) throw new Error(`no ${name} in the workbook`);
    const start = this.dataStart(e);
    const raw = createReadStream(this.abs, {
      start,
      end: start + Math.max(0, e.compressed - 1),
      highWaterMark: 1 << 20,
    });
    return (e.method === 8 ? raw.pipe(createInflateRaw()) : raw) as AsyncIterable<Buffer>;
  }
}
