import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { CliError } from '../errors.ts';
import { TEMPLATES_DIR } from '../paths.ts';
import type { BriefView } from './view.ts';

export interface TemplateFiles {
  /** The .hbs file of the document. */
  main: string;
  /** Folder of partials (`*.hbs`, registered by file name). */
  partials: string;
  css: string;
}

/** `brief` → templates/brief.hbs; a name ending in .hbs is a path, with partials and CSS beside it. */
export function templateFiles(name = 'brief'): TemplateFiles {
  const main = name.endsWith('.hbs') ? path.resolve(name) : path.join(TEMPLATES_DIR, `${name}.hbs`);
  const dir = path.dirname(main);
  return { main, partials: path.join(dir, 'partials'), css: main.replace(/\.hbs$/, '.css') };
}

/**
 * Renders the view to one self-contained HTML page. Handlebars escapes every `{{value}}`; the only
 * raw outputs are the stylesheet and the SVG drawn by vega (which escapes its own text).
 */
export async function renderHtml(view: BriefView, files: TemplateFiles = templateFiles()): Promise<string> {
  const { template, css } = await compiled(files);
  return template({ ...view, css });
}

type Compiled = { template: (context: unknown) => string; css: string };
/** Compiled templates by file set: a batch of briefs reads and compiles them once. */
const cache = new Map<string, Promise<Compiled>>();

function compiled(files: TemplateFiles): Promise<Compiled> {
  const key = JSON.stringify(files);
  let c = cache.get(key);
  if (!c) {
    c = compile(files);
    c.catch(() => cache.delete(key));
    cache.set(key, c);
  }
  return c;
}

async function compile(files: TemplateFiles): Promise<Compiled> {
  const Handlebars = (await import('handlebars')).default;
  const hb = Handlebars.create();
  // The template before its CSS, so a missing template is named as such, never its missing CSS.
  const main = await read(files.main);
  const css = await read(files.css);
  for (const f of (await readdir(files.partials).catch(() => [] as string[])).filter((x) => x.endsWith('.hbs'))) {
    hb.registerPartial(path.basename(f, '.hbs'), await read(path.join(files.partials, f)));
  }
  hb.registerHelper('includes', (list: unknown, x: unknown) => Array.isArray(list) && list.includes(x));
  return { template: hb.compile(main, { strict: false, noEscape: false }), css };
}

async function read(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    throw new CliError(
      `template file not found: ${file} (use --template with a name under templates/ or a path to a .hbs file)`,
    );
  }
}
