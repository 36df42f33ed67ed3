import { describe, expect, it } from 'vitest';
import { formatCsv, neutraliseFormula } from '../src/csv.ts';
import { reviewCsv } from '../src/extract/write.ts';
import { formatCsv as sqlCsv } from '../src/sql/format/csv.ts';

describe('the one CSV writer', () => {
  it('quotes per RFC 4180 and writes null as an empty field', () => {
    expect(
      formatCsv(
        ['a', 'b'],
        [
          ['x,y', 'say "hi"'],
          [null, 'line\nbreak'],
        ],
      ),
    ).toBe('a,b\n"x,y","say ""hi"""\n,"line\nbreak"\n');
  });

  it('makes formulas inert, tab and carriage return included; numbers stay numbers', () => {
    for (const s of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) expect(neutraliseFormula(s)).toBe(`'${s}`);
    expect(formatCsv(['n', 't'], [[-5, '-5']])).toBe("n,t\n-5,'-5\n");
    expect(formatCsv(['d'], [['-1.50']], { numeric: [true] })).toBe('d\n-1.50\n');
    expect(formatCsv(['=h'], [])).toBe("'=h\n");
  });

  it('cchc sql and cchc extract write through it (the stricter rule reaches extract)', () => {
    const result = {
      columns: [
        { name: 'x', kind: 'decimal' as const },
        { name: 't', kind: 'text' as const },
      ],
      rows: [['-2.5', '\t=cmd']],
      rowsChanged: 0,
    };
    expect(sqlCsv(result)).toBe("x,t\n-2.5,'\t=cmd\n");
    const task = { task_id: 'T1', title: '\t=HYPERLINK("x")' } as Record<string, string>;
    const csv = reviewCsv({ rows: [{ task, severity: null }] } as unknown as Parameters<typeof reviewCsv>[0]);
    expect(csv).toContain(`"'\t=HYPERLINK(""x"")"`);
  });
});
