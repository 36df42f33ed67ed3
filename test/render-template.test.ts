import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliError } from '../src/errors.ts';
import { renderHtml, templateFiles } from '../src/render/template.ts';
import type { BriefView } from '../src/render/view.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'cchc-template-'));
  mkdirSync(path.join(dir, 'partials'));
  writeFileSync(path.join(dir, 'mini.hbs'), '<style>{{{css}}}</style><h1>{{header.subject}}</h1>{{> sig}}');
  writeFileSync(path.join(dir, 'mini.css'), 'h1 { color: red }');
  writeFileSync(path.join(dir, 'partials', 'sig.hbs'), '<p>{{header.signer}}</p>');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const view = { header: { subject: 'Tình hình <b>quý IV</b>', signer: '{{x}}' } } as unknown as BriefView;

describe('renderHtml(view, templateFiles(name))', () => {
  it('renders a template given by path, with its CSS and partials, escaping data', async () => {
    const html = await renderHtml(view, templateFiles(path.join(dir, 'mini.hbs')));
    expect(html).toBe('<style>h1 { color: red }</style><h1>Tình hình &lt;b&gt;quý IV&lt;/b&gt;</h1><p>{{x}}</p>');
  });

  it('names the missing file when a template does not exist', async () => {
    const err = await renderHtml(view, templateFiles('no-such-template')).catch((e) => e);
    expect(err).toBeInstanceOf(CliError);
    expect(err.message).toContain(path.join('templates', 'no-such-template.hbs'));
  });
});
