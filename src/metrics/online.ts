import type { Db, Row } from '../db.ts';
import { runQuery, type QueryParams } from './queries.ts';
import type { OnlineFigures, OnlineMetrics } from './types.ts';

type FiguresRow = OnlineFigures & Row;

/**
 * metrics.md § Online, or null when neither dossiers nor dossier_stats exists. `previous` is the
 * comparison period computed as of its own end.
 */
export async function onlineMetrics(
  db: Db,
  params: QueryParams,
  previousParams: QueryParams,
  targets: Map<string, number>,
): Promise<OnlineMetrics | null> {
  const [sources] = await runQuery<{ dossier_rows: number; stats_rows: number; loaded_from_files: boolean }>(db, 'online_sources', {});
  if (!sources!.loaded_from_files && sources!.dossier_rows === 0 && sources!.stats_rows === 0) return null;
  const [current] = await runQuery<FiguresRow>(db, 'online_summary', params);
  const [previous] = await runQuery<FiguresRow>(db, 'online_summary', previousParams);
  const byUnit = await runQuery<FiguresRow & { unit_code: string }>(db, 'online_by_unit', params);
  const monthly = await runQuery<FiguresRow & { month: string }>(db, 'online_monthly', params);
  return {
    ...current!,
    previous: previous!,
    delta: {
      online_ratio: difference(current!.online_ratio, previous!.online_ratio),
      online_ratio_eligible: difference(current!.online_ratio_eligible, previous!.online_ratio_eligible),
      on_time_rate: difference(current!.on_time_rate, previous!.on_time_rate),
      online_payment_ratio: difference(current!.online_payment_ratio, previous!.online_payment_ratio),
    },
    by_unit: byUnit,
    monthly,
    target: {
      online_ratio: targets.get('online_ratio') ?? null,
      online_ratio_eligible: targets.get('online_ratio_eligible') ?? null,
      on_time_rate: targets.get('online_on_time_rate') ?? null,
      online_payment_ratio: targets.get('online_payment_ratio') ?? null,
    },
  };
}

function difference(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : a - b;
}
