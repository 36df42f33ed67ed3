/** docs/data.md states what src/schema.ts and src/load do: the header table and the rule ids. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TABLE_NAMES, TABLES } from '../src/schema.ts';
import { TYPE_RULES } from '../src/load/values.ts';

const root = path.join(import.meta.dirname, '..');
const doc = readFileSync(path.join(root, 'docs', 'data.md'), 'utf8');

function aliasTable(): string {
  const lines = ['| table | column | type | required | also accepted as header |', '|---|---|---|---|---|'];
  for (const t of TABLE_NAMES) {
    for (const c of TABLES[t].columns) {
      lines.push(
        `| ${t} | \`${c.name}\` | ${c.type} | ${c.required ? 'yes' : ''} | ${c.aliases.map((a) => `\`${a}\``).join(', ')} |`,
      );
    }
  }
  return lines.join('\n');
}

/** Rule ids the loader's source can emit: literals in rule positions, plus the type rules. */
function sourceRules(): Set<string> {
  const dir = path.join(root, 'src', 'load');
  const src = readdirSync(dir)
    .map((f) => readFileSync(path.join(dir, f), 'utf8'))
    .join('\n');
  const ids = new Set(Object.values(TYPE_RULES).map((r) => r.rule));
  const patterns = [/rule: '([a-z_]+)'/g, /(?:fileIssue|issue|at|warn)\([^()']*?'([a-z_]+)'/g, /\), '([a-z_]+)', `/g];
  for (const re of patterns) for (const m of src.matchAll(re)) ids.add(m[1]!);
  // `cells` is the internal name of the one-scan value rule; its rows carry their own rule ids.
  ids.delete('cells');
  return ids;
}

function documentedRules(): Set<string> {
  const section = doc.slice(doc.indexOf('## Rules'), doc.indexOf('## Decisions'));
  const ids = new Set<string>();
  for (const line of section.split('\n')) {
    const first = /^\| ([^|]+) \|/.exec(line)?.[1];
    if (first) for (const m of first.matchAll(/`([a-z_]+)`/g)) ids.add(m[1]!);
  }
  return ids;
}

describe('docs/data.md', () => {
  it('lists exactly the columns, types and header aliases of src/schema.ts', () => {
    // On failure, paste the expected table into docs/data.md.
    expect(doc).toContain(aliasTable());
  });

  it('documents every rule id the loader emits, and no other', () => {
    const emitted = sourceRules();
    expect(emitted.size).toBeGreaterThan(35);
    expect([...documentedRules()].sort()).toEqual([...emitted].sort());
  });
});
