/** Files that are not UTF-8, or UTF-8 text in legacy Vietnamese font encodings, are refused by name. */
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { checkEncoding, findLegacy } from '../src/load/encoding.ts';
import { scanFile } from '../src/load/scan.ts';
import { checkData } from '../src/load/index.ts';
import { effects, folder, UNITS, where } from './load-helpers.ts';

/** Windows-1258 bytes of `s`: base letters it has precomposed (â, ơ, đ, …) plus combining tone bytes. */
function win1258(s: string): Buffer {
  const dec = new TextDecoder('windows-1258');
  const byChar = new Map<string, number>();
  for (let b = 0; b < 256; b++) byChar.set(dec.decode(Uint8Array.of(b)), b);
  const out: number[] = [];
  for (const ch of s.normalize('NFC')) {
    if (byChar.has(ch)) {
      out.push(byChar.get(ch)!);
      continue;
    }
    // NFD orders a dot below before a circumflex, so look for whichever mark the code page composes.
    const [base, ...marks] = [...ch.normalize('NFD')];
    const i = marks.findIndex((m) => byChar.has((base! + m).normalize('NFC')));
    if (i === -1) out.push(byChar.get(base!)!, ...marks.map((m) => byChar.get(m)!));
    else
      out.push(
        byChar.get((base! + marks[i]).normalize('NFC'))!,
        ...marks.filter((_, j) => j !== i).map((m) => byChar.get(m)!),
      );
  }
  return Buffer.from(out);
}

const UNITS_ASCII_HEAD = UNITS.split('\n')[0]!;

function unitsWithName(name: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`${UNITS_ASCII_HEAD}\nAG,`), name, Buffer.from(',AG,province,,,,\n')]);
}

describe('byte checks', () => {
  it('encodes the Windows-1258 fixture as the code page does', () => {
    expect(win1258('Sở Nội vụ').toString('hex')).toBe('53f5d2204ef4f269207675f2');
    expect(new TextDecoder('windows-1258').decode(win1258('Sở Nội vụ')).normalize('NFC')).toBe('Sở Nội vụ');
  });

  const cases: [string, Buffer, string][] = [
    ['UTF-16 LE with BOM', Buffer.from('\uFEFF' + UNITS, 'utf16le'), 'UTF-16'],
    ['UTF-16 LE without BOM', Buffer.from(UNITS, 'utf16le'), 'UTF-16'],
    ['UTF-16 BE with BOM', Buffer.from(Buffer.from('\uFEFF' + UNITS, 'utf16le').swap16()), 'UTF-16'],
    ['Windows-1258', unitsWithName(win1258('Văn phòng UBND tỉnh, Sở Nội vụ, Sở Tư pháp')), 'Windows-1258'],
    ['TCVN3 bytes ("KÕt luËn")', unitsWithName(Buffer.from('KÕt luËn cña Chñ tÞch', 'latin1')), 'TCVN3'],
    ['VNI bytes ("Sôû Noäi vuï")', unitsWithName(Buffer.from('Sôû Noäi vuï tænh', 'latin1')), 'VNI'],
    ['TCVN3 shown as Unicode', unitsWithName(Buffer.from('KÕt luËn cña Chñ tÞch', 'utf8')), 'TCVN3'],
    ['VNI shown as Unicode', unitsWithName(Buffer.from('Sôû Noäi vuï tænh', 'utf8')), 'VNI'],
  ];
  for (const [name, bytes, enc] of cases) {
    it(`names ${name} and says how to re-save as UTF-8`, async () => {
      const { issues } = await checkData(folder({ 'units.csv': bytes }), effects);
      expect(where(issues)).toEqual(['units.csv:- [-] encoding']);
      expect(issues[0]!.message).toContain(enc);
      expect(issues[0]!.message).toMatch(/UTF-8|Unicode/);
    });
  }

  it('refuses NUL bytes, naming the line', () => {
    const issues = checkEncoding(Buffer.from('a,b\n1,2\n3,\u00004\n'), 'x.csv');
    expect(issues).toEqual([expect.objectContaining({ rule: 'nul_byte', line: null })]);
    expect(issues[0]!.message).toContain('line 3');
  });

  it('passes genuine Vietnamese, including Latin-1 letters and symbols Vietnamese uses', () => {
    const text = 'Hoà, Thuỷ, quá, Nguyễn Thị Ánh, Đoàn Văn Mười, Ô Môn, Ý Yên, «Quyết định» số 1.000, 25°C, © UBND';
    expect(checkEncoding(Buffer.from(text), 'x.csv')).toEqual([]);
    expect(findLegacy(text)).toBeNull();
  });

  it('finds one mangled cell among genuine rows and names its line', () => {
    const text = 'Sở Nội vụ tỉnh An Giang\nSở Tư pháp tỉnh An Giang\nSôû Keá hoaïch vaø Ñaàu tö\nUBND huyện Châu Thành';
    expect(findLegacy(text)).toMatchObject({ enc: 'VNI', line: 3 });
  });
});

describe('streaming', () => {
  // 9 MB of Vietnamese rows: the 4 MB chunks split multi-byte characters somewhere.
  const rows = Array.from(
    { length: 60_000 },
    (_, i) =>
      `T${i},AG.SNV,Rà soát thủ tục hành chính lĩnh vực đất đai số ${i} của Sở Nội vụ tỉnh An Giang năm 2024,direction,2024-01-02`,
  );
  const big = `task_id,lead_unit,title,area,assigned_on\n${rows.join('\n')}\n`;

  it('passes valid UTF-8 whose characters straddle chunk boundaries, with the same hash as a whole read', async () => {
    const dir = folder({ 'tasks.csv': big });
    const file = {
      table: 'tasks' as const,
      rel: 'tasks.csv',
      abs: path.join(dir, 'tasks.csv'),
      format: 'csv' as const,
      size: Buffer.byteLength(big),
    };
    expect(file.size).toBeGreaterThan(8 << 20);
    const scan = await scanFile(file);
    expect(scan.issues).toEqual([]);
    expect(scan.sha256).toBe(createHash('sha256').update(big).digest('hex'));
  });

  it('finds a Windows-1258 line deep in a big file and names its line', async () => {
    const bytes = Buffer.concat([
      Buffer.from(big),
      Buffer.from('T_last,AG.SNV,'),
      win1258('Sở Nội vụ'),
      Buffer.from(',direction,2024-01-02\n'),
    ]);
    const { issues } = await checkData(folder({ 'tasks.csv': bytes }), effects);
    expect(where(issues)).toEqual(['tasks.csv:- [-] encoding']);
    expect(issues[0]!.message).toContain(`first bad byte on line ${rows.length + 2}`);
  });
});

describe('CSV shape', () => {
  it('refuses a semicolon-separated export and says so', async () => {
    const { issues } = await checkData(folder({ 'units.csv': UNITS.replaceAll(',', ';') }), effects);
    expect(where(issues)).toEqual(['units.csv:1 [-] separator']);
    expect(issues[0]!.message).toContain('semicolons');
  });
});
