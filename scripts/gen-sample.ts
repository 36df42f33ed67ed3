/**
 * Generates the embedded sample dataset in data/ (An Giang and Kiên Giang, 2018–2026) from the seed
 * notices, the PAPI and 2025 units reference copies and one fixed seed. Deterministic: a re-run reproduces every file byte for byte.
 *
 *   npx tsx scripts/gen-sample.ts [DATA_DIR]
 *
 * Files are built in a temporary folder next to DATA_DIR and renamed into place at the end, so a
 * failed run leaves the committed files as they were. data/README.md is hand-written except for the
 * blocks between `<!-- generated:NAME -->` markers, which this script rewrites.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Db, literal } from '../src/db.ts';
import { anGiangRows, dvc766Provinces, papiRows, type IndexRow } from './sample/indices.ts';
import { buildCriteria, buildCriteriaResults, totalMaxHundredths } from './sample/criteria.ts';
import { writeCsv } from './sample/csv.ts';
import { MONTHS, dossiersOfYear, dossierStats, planDossiers, type DossierPlan } from './sample/dossiers.ts';
import { SAMPLE_SEED } from './sample/rng.ts';
import { buildDocuments, buildTasks, type TaskRow } from './sample/tasks.ts';
import {
  buildUnitsAndLineage,
  MERGED_PROVINCE,
  NEW_START,
  OLD_KIEN_GIANG,
  type LineageRow,
  type Unit,
} from './sample/units.ts';
import { TABLES, type TableName } from '../src/schema.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The published PAPI scores (source and caveats in data/README.md), kept here so the generator runs from a clone alone. */
export const PAPI_DIR = path.join(ROOT, 'scripts/sample/papi');
export const YEARS = [2023, 2024, 2025, 2026];

const columnsOf = (t: TableName) => TABLES[t].columns.map((c) => c.name);
const write = (dir: string, t: TableName, rows: readonly object[]) =>
  writeCsv(path.join(dir, `${t}.csv`), columnsOf(t), rows);

/** Every CSV table of the sample: cheap to build, and what the reproducibility test compares. */
export function writeSmallTables(
  dir: string,
  plan: DossierPlan,
): { units: Unit[]; lineage: LineageRow[]; tasks: TaskRow[]; indices: IndexRow[] } {
  if (totalMaxHundredths() !== 6000) throw new Error('criteria set must total 60 points');
  const { units, lineage } = buildUnitsAndLineage(path.join(PAPI_DIR, 'dim_province.csv'));
  const tasks = buildTasks(units, lineage);
  const provinces34 = units
    .filter((u) => u.kind === 'province' && (u.valid_to === null || u.valid_to >= NEW_START))
    .map((u) => u.unit_code);
  if (provinces34.length !== 34) throw new Error(`expected 34 provinces from ${NEW_START}, got ${provinces34.length}`);
  const indices = [
    ...papiRows(path.join(PAPI_DIR, 'agg_province_year.csv')),
    ...anGiangRows(),
    ...dvc766Provinces(provinces34),
  ];
  write(dir, 'units', units);
  write(dir, 'unit_lineage', lineage);
  write(dir, 'documents', buildDocuments());
  write(dir, 'tasks', tasks);
  write(dir, 'criteria', buildCriteria());
  write(dir, 'criteria_results', buildCriteriaResults());
  write(dir, 'index_scores', indices);
  write(dir, 'dossier_stats', dossierStats(plan));
  write(dir, 'targets', [
    { metric: 'online_ratio', year: 2024, unit_code: null, target: 0.8 },
    { metric: 'online_ratio', year: 2025, unit_code: null, target: 0.8 },
    { metric: 'task_on_time_rate', year: 2024, unit_code: null, target: 0.9 },
    { metric: 'task_on_time_rate', year: 2025, unit_code: null, target: 0.9 },
    { metric: 'online_ratio', year: 2026, unit_code: null, target: 0.85 },
    { metric: 'task_on_time_rate', year: 2026, unit_code: null, target: 0.9 },
  ]);
  return { units, lineage, tasks, indices };
}

/**
 * dossiers.YEAR.parquet, written by DuckDB on one thread so the bytes do not depend on scheduling.
 * Returns the number of rows.
 */
export async function writeDossierYear(
  dir: string,
  plan: DossierPlan,
  lineage: readonly LineageRow[],
  year: number,
): Promise<number> {
  const rows = dossiersOfYear(plan, year, lineage);
  const csv = path.join(dir, `dossiers.${year}.tmp.csv`);
  writeCsv(csv, columnsOf('dossiers'), rows);
  const types = `{'dossier_id':'VARCHAR','unit_code':'VARCHAR','procedure_code':'VARCHAR','channel':'VARCHAR','online_eligible':'BOOLEAN','received_on':'DATE','due_on':'DATE','resolved_on':'DATE','paid_online':'BOOLEAN','fully_online':'BOOLEAN'}`;
  const db = await Db.open(':memory:');
  try {
    await db.run('SET threads = 1');
    await db.run(
      `COPY (SELECT * FROM read_csv(${literal(csv)}, header = true, columns = ${types}) ORDER BY received_on, dossier_id)
       TO ${literal(path.join(dir, `dossiers.${year}.parquet`))} (FORMAT parquet, COMPRESSION zstd)`,
    );
  } finally {
    db.close();
    fs.rmSync(csv, { force: true });
  }
  return rows.length;
}

/** Replaces the body of each `<!-- generated:NAME -->…<!-- /generated:NAME -->` block. */
function fillReadme(text: string, blocks: Record<string, string>): string {
  return Object.entries(blocks).reduce((t, [name, body]) => {
    const re = new RegExp(`(<!-- generated:${name} -->\\n)[\\s\\S]*?(<!-- /generated:${name} -->)`);
    if (!re.test(t)) throw new Error(`data/README.md has no generated:${name} block`);
    return t.replace(re, (_m, open: string, close: string) => `${open}${body}\n${close}`);
  }, text);
}

const SEED_FILES: Record<string, string> = {
  '000': '000_5522794a4279382e.txt',
  '001': '001_8350fc2fe8c93f45.txt',
  '002': '002_77bfcccac11defc6.txt',
  '003': '003_eb182466d1110d9e.txt',
  '004': '004_ccf95d250fff1e0f.txt',
};

/** Every task read from a seed notice, with file and line; synthetic documents get one row each, with their count. */
function taskSourceTable(tasks: readonly TaskRow[]): string {
  const lines = ['| task_id | doc_no | lead_unit | seed file | line |', '|---|---|---|---|---|'];
  const synthetic = new Map<string, TaskRow[]>();
  for (const t of tasks) {
    if (t.seed) lines.push(`| ${t.task_id} | ${t.doc_no} | ${t.lead_unit} | ${SEED_FILES[t.seed]!} | ${t.line} |`);
    else synthetic.set(t.doc_no, [...(synthetic.get(t.doc_no) ?? []), t]);
  }
  for (const [doc, ts] of synthetic) {
    const leads = new Set(ts.map((t) => t.lead_unit)).size;
    lines.push(
      `| ${ts.length} tasks, ${ts[0]!.task_id} … ${ts.at(-1)!.task_id} | ${doc} | ${leads} units | synthetic | |`,
    );
  }
  return lines.join('\n');
}

/** The results of the sample's own provinces; the other provinces' 766 scores are all synthetic and not listed. */
function syntheticIndexTable(indices: readonly IndexRow[]): string {
  const lines = ['| unit_code | index_code | period | score | rank | synthetic |', '|---|---|---|---|---|---|'];
  const own = ['AG', OLD_KIEN_GIANG, MERGED_PROVINCE];
  for (const r of indices.filter((x) => x.index_code !== 'PAPI' && own.includes(x.unit_code))) {
    const what = !r.synthetic
      ? 'no (published)'
      : r.index_code === 'DVC766' && r.period === '2024-12'
        ? 'score only (rank published)'
        : 'yes';
    lines.push(`| ${r.unit_code} | ${r.index_code} | ${r.period} | ${r.score} | ${r.rank}/${r.rank_of} | ${what} |`);
  }
  return lines.join('\n');
}

function calibrationTable(plan: DossierPlan): string {
  const lines = [
    '| province | months | year | received | received_online | online_ratio |',
    '|---|---|---|---|---|---|',
  ];
  for (const [province, [first, last]] of Object.entries(MONTHS)) {
    for (const y of YEARS) {
      const cs = plan.cells.filter((c) => c.year === y && c.province === province);
      if (cs.length === 0) continue;
      const n = cs.reduce((s, c) => s + c.n, 0);
      const o = cs.reduce((s, c) => s + c.online, 0);
      const months = `${[first, `${y}-01`].sort()[1]}…${[last, `${y}-12`].sort()[0]}`;
      lines.push(`| ${province} | ${months} | ${y} | ${n} | ${o} | ${((100 * o) / n).toFixed(2)}% |`);
    }
  }
  return lines.join('\n');
}

async function main(dataDir: string): Promise<void> {
  const tmp = fs.mkdtempSync(path.join(path.dirname(dataDir), '.gen-sample-'));
  try {
    const plan = planDossiers();
    const { units, lineage, tasks, indices } = writeSmallTables(tmp, plan);
    let dossiers = 0;
    for (const year of YEARS) dossiers += await writeDossierYear(tmp, plan, lineage, year);
    for (const f of fs.readdirSync(tmp)) fs.renameSync(path.join(tmp, f), path.join(dataDir, f));
    const readme = path.join(dataDir, 'README.md');
    fs.writeFileSync(
      readme,
      fillReadme(fs.readFileSync(readme, 'utf8'), {
        calibration: calibrationTable(plan),
        indices: syntheticIndexTable(indices),
        tasks: taskSourceTable(tasks),
      }),
    );
    process.stderr.write(
      `seed ${SAMPLE_SEED}: ${units.length} units, ${lineage.length} lineage rows, ${tasks.length} tasks, ${dossiers} dossiers\n`,
    );
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main(path.resolve(process.argv[2] ?? path.join(ROOT, 'data')));
}
