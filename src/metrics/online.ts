import type { Row } from '../db.ts';
import { runQuery, type Queryable, type QueryParams } from './queries.ts';
import type { OnlineFigures, OnlineMetrics } from './types.ts';

type FiguresRow = OnlineFigures & {
  received_fully_online: number;
  received_fully_known: number;
  received_records: number;
  resolved_records: number;
  stats_rows: number;
};
type OnlineRow = FiguresRow &
  Row & {
    grain: 'scope' | 'previous' | 'delta' | 'unit' | 'month';
    unit_code: string | null;
    month: string | null;
    name: string | null;
    short_name: string | null;
    kind: string | null;
  };

/**
 * metrics.md § Online, or null when neither dossiers nor dossier_stats exists. queries/online.sql
 * gives every figure — the period, the comparison period (cùng kỳ), the changes, the unit and month
 * rows — in one go; this only picks each row's keys in metrics.json's order.
 */
export async function onlineMetrics(
  db: Queryable,
  params: QueryParams,
  targets: Promise<Map<string, number>>,
): Promise<OnlineMetrics | null> {
  // The period query starts with the sources check: the rare empty case wastes two cheap scans.
  const [[sources], rows] = await Promise.all([
    runQuery<{ dossier_rows: number; stats_rows: number; loaded_from_files: boolean }>(db, 'online_sources', {}),
    runQuery<OnlineRow>(db, 'online', params),
  ]);
  if (!sources!.loaded_from_files && sources!.dossier_rows === 0 && sources!.stats_rows === 0) return null;
  const one = (grain: OnlineRow['grain']) => rows.find((r) => r.grain === grain)!;
  const delta = one('delta');
  const target = await targets;
  return {
    ...summary(one('scope')),
    previous: summary(one('previous')),
    delta: {
      online_ratio: delta.online_ratio,
      online_ratio_eligible: delta.online_ratio_eligible,
      on_time_rate: delta.on_time_rate,
      online_payment_ratio: delta.online_payment_ratio,
      full_online_ratio: delta.full_online_ratio,
    },
    by_unit: rows
      .filter((r) => r.grain === 'unit')
      .map((r) => ({ unit_code: r.unit_code!, name: r.name, short_name: r.short_name, kind: r.kind, ...summary(r) })),
    monthly: rows.filter((r) => r.grain === 'month').map((r) => ({ month: r.month!, ...figures(r) })),
    target: {
      online_ratio: target.get('online_ratio') ?? null,
      online_ratio_eligible: target.get('online_ratio_eligible') ?? null,
      on_time_rate: target.get('online_on_time_rate') ?? null,
      online_payment_ratio: target.get('online_payment_ratio') ?? null,
    },
  };
}

function figures(r: OnlineRow): OnlineFigures {
  return {
    received: r.received,
    received_online: r.received_online,
    online_ratio: r.online_ratio,
    online_ratio_eligible: r.online_ratio_eligible,
    resolved: r.resolved,
    resolved_on_time: r.resolved_on_time,
    on_time_rate: r.on_time_rate,
    online_payment_ratio: r.online_payment_ratio,
    full_online_ratio: r.full_online_ratio,
  };
}

/** The figures plus what was counted (extra keys of the scope and unit rows). */
function summary(r: OnlineRow): FiguresRow {
  return {
    ...figures(r),
    received_fully_online: r.received_fully_online,
    received_fully_known: r.received_fully_known,
    received_records: r.received_records,
    resolved_records: r.resolved_records,
    stats_rows: r.stats_rows,
  };
}
