import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractNotice } from '../src/extract/index.ts';
import { readUnits } from '../src/extract/units.ts';
import { readCsv } from '../scripts/sample/csv.ts';

/**
 * The sample dataset's tasks were written by hand from the same notices (data/README.md). Where
 * the two differ by design (docs/extract.md), the extraction is a superset of the sample's
 * (lead unit, deadline) pairs; this keeps that true as either side changes.
 */
const DATA = path.join(import.meta.dirname, '../data');
const FIX = path.join(import.meta.dirname, 'fixtures/extract');
const present = fs.existsSync(path.join(DATA, 'tasks.csv')) && fs.existsSync(path.join(DATA, 'units.csv'));

// The sample's tables are read with the sample's own CSV reader, apart from the loader extract uses for units.
const table = readCsv;

// 002 and 004 name no province or district: read with --scope, as an officer would.
const SEEDS = [
  ['000_5522794a4279382e', '317/TB-VPUBND', 0.8, undefined],
  ['001_8350fc2fe8c93f45', '270/TB-VPUBND', 0.95, undefined],
  ['002_77bfcccac11defc6', 'KL-BCĐ-2018-10-01', 0.95, 'AG'],
  ['003_eb182466d1110d9e', '208/TB-VPUBND', 0.95, undefined],
  // The sample keeps 004's plural addressees with the district as a whole; extract expands them.
  ['004_ccf95d250fff1e0f', 'KL-CT-2023-11-27', 0.75, 'AG.CT'],
] as const;

describe.runIf(present)('extractNotice(seed) against data/tasks.csv', () => {
  for (const [seed, docNo, floor, scope] of SEEDS) {
    it(`${docNo}: the sample's (lead, deadline) pairs are found`, async () => {
      const units = await readUnits(DATA);
      const x = extractNotice(fs.readFileSync(path.join(FIX, `${seed}.txt`), 'utf8'), { units, docNo, scope });
      const sample = table(path.join(DATA, 'tasks.csv')).filter((r) => r.doc_no === docNo);
      const key = (r: Record<string, string>) => `${r.lead_unit}|${r.due_on}`;
      const left = new Map<string, number>();
      for (const r of x.rows) left.set(key(r.task), (left.get(key(r.task)) ?? 0) + 1);
      let common = 0;
      for (const r of sample) {
        const n = left.get(key(r)) ?? 0;
        if (n === 0) continue;
        left.set(key(r), n - 1);
        common++;
      }
      console.log(
        `${docNo}: extract ${x.rows.length}, sample ${sample.length}, common pairs ${common} (${(common / sample.length).toFixed(2)} of the sample, ${(common / x.rows.length).toFixed(2)} of the extraction)`,
      );
      expect(common / sample.length).toBeGreaterThanOrEqual(floor);
      const doc = table(path.join(DATA, 'documents.csv')).find((d) => d.doc_no === docNo)!;
      expect({ issued_on: x.document.issued_on, meeting_on: x.document.meeting_on }).toEqual({
        issued_on: doc.issued_on,
        meeting_on: doc.meeting_on,
      });
      if (seed.startsWith('000') || seed.startsWith('003'))
        expect(x.document).toMatchObject({ doc_type: doc.doc_type, issuer_code: doc.issuer_code, signer: doc.signer });
    });
  }
});
