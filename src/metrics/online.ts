import { figuresOf, pick, type DeltaEntry, type MonthlyEntry, type TargetEntry } from '../figures/index.ts';
import { runQuery, type Queryable, type QueryParams } from './queries.ts';
import type { RowOf } from './rows.ts';
import type { OnlineFigures, OnlineMetrics } from './types.ts';

const FIGURES = figuresOf('online');
const MONTHLY = FIGURES.filter((f): f is MonthlyEntry => !('monthly' in f));
const DELTA = FIGURES.filter((f): f is DeltaEntry<'online'> => 'delta' in f);
const TARGETS = FIGURES.filter((f): f is TargetEntry<'online'> => 'target' in f);

type OnlineRow = RowOf<'online'>;
type FiguresRow = Exclude<OnlineRow, { grain: 'delta' }>;

/**
 * metrics.md § Online, or null when neither dossiers nor dossier_stats exists. queries/online.sql
 * gives every figure — the period, the comparison period (cùng kỳ), the changes, the unit and month
 * rows — in one go; the catalogue's online entries say which columns go where, in its order.
 */
export async function onlineMetrics(
  db: Queryable,
  params: QueryParams,
  targets: Promise<Map<string, number>>,
): Promise<OnlineMetrics | null> {
  // The period query starts with the sources check: the rare empty case wastes two cheap scans.
  const [[sources], rows] = await Promise.all([runQuery(db, 'online_sources', {}), runQuery(db, 'online', params)]);
  if (!sources!.loaded_from_files && sources!.dossier_rows === 0 && sources!.stats_rows === 0) return null;
  const figures = rows.filter((r): r is FiguresRow => r.grain !== 'delta');
  const one = (grain: FiguresRow['grain']) => figures.find((r) => r.grain === grain)!;
  const target = await targets;
  return {
    ...summary(one('scope')),
    previous: summary(one('previous')),
    delta: pick(
      rows.find((r) => r.grain === 'delta')!,
      DELTA,
    ),
    by_unit: figures
      .filter((r) => r.grain === 'unit')
      .map((r) => ({ unit_code: r.unit_code!, name: r.name, short_name: r.short_name, kind: r.kind, ...summary(r) })),
    monthly: figures.filter((r) => r.grain === 'month').map((r) => ({ month: r.month!, ...pick(r, MONTHLY) })),
    target: Object.fromEntries(TARGETS.map((f) => [f.key, target.get(f.target) ?? null])),
  };
}

function summary(r: FiguresRow): OnlineFigures {
  return pick(r, FIGURES);
}
