-- online_summary: online public service figures of a scope over a period (metrics.md § Online).
-- grain: one row for the scope (the unit $unit and every unit below it).
-- params: $unit (unit_code of the scope), $start, $end (DATE, the period)
-- A dossier counts as received by received_on and as resolved by resolved_on, each in the period;
-- dossier_stats count by month. online_ratio_eligible and online_payment_ratio come from dossiers
-- alone, so they are null when the period has no dossier rows. received_records, resolved_records
-- and stats_rows say how many dossier and dossier_stats rows were counted.
WITH RECURSIVE scope(unit_code) AS (
  SELECT unit_code FROM units WHERE unit_code = $unit
  UNION
  SELECT u.unit_code FROM units u JOIN scope s ON u.parent_code = s.unit_code
),
mine AS NOT MATERIALIZED (
  SELECT d.* FROM dossiers d JOIN scope s ON s.unit_code = d.unit_code
),
-- Two scans, each with a plain date range the scan can filter on, beat one scan with an OR.
got AS (
  SELECT
    count(*) AS received,
    count(*) FILTER (channel = 'online') AS received_online,
    count(*) FILTER (online_eligible) AS received_eligible,
    count(*) FILTER (online_eligible AND channel = 'online') AS received_online_eligible
  FROM mine
  WHERE received_on BETWEEN CAST($start AS DATE) AND CAST($end AS DATE)
),
done AS (
  SELECT
    count(*) AS resolved,
    count(*) FILTER (due_on IS NULL OR resolved_on <= due_on) AS resolved_on_time,
    count(*) FILTER (paid_online) AS paid_online
  FROM mine
  WHERE resolved_on BETWEEN CAST($start AS DATE) AND CAST($end AS DATE)
),
agg AS (
  SELECT
    count(*) AS stats_rows,
    coalesce(sum(st.received), 0) AS received,
    coalesce(sum(st.received_online), 0) AS received_online,
    coalesce(sum(st.resolved), 0) AS resolved,
    coalesce(sum(st.resolved_on_time), 0) AS resolved_on_time
  FROM dossier_stats st JOIN scope s ON s.unit_code = st.unit_code
  WHERE st.month BETWEEN strftime(CAST($start AS DATE), '%Y-%m') AND strftime(CAST($end AS DATE), '%Y-%m')
)
SELECT
  got.received + agg.received AS received,
  got.received_online + agg.received_online AS received_online,
  (got.received_online + agg.received_online) / nullif(got.received + agg.received, 0) AS online_ratio,
  got.received_online_eligible / nullif(got.received_eligible, 0) AS online_ratio_eligible,
  done.resolved + agg.resolved AS resolved,
  done.resolved_on_time + agg.resolved_on_time AS resolved_on_time,
  (done.resolved_on_time + agg.resolved_on_time) / nullif(done.resolved + agg.resolved, 0) AS on_time_rate,
  done.paid_online / nullif(done.resolved, 0) AS online_payment_ratio,
  got.received AS received_records, done.resolved AS resolved_records, agg.stats_rows
FROM got, done, agg
