-- online_by_unit: online public service figures per branch of a scope over a period (metrics.md § Scope, § Online).
-- grain: one row per direct child of $unit (counting its whole subtree, even when empty), plus one
--        row for $unit itself (its own rows only) when it has dossiers or dossier_stats counted in
--        the period; sorted by unit_code. The rows add up to online_summary.
-- params: $unit (unit_code of the scope), $start, $end (DATE, the period)
WITH RECURSIVE scope(unit_code, branch) AS (
  SELECT unit_code, unit_code FROM units WHERE unit_code = $unit
  UNION
  SELECT u.unit_code, CASE WHEN s.unit_code = $unit THEN u.unit_code ELSE s.branch END
  FROM units u JOIN scope s ON u.parent_code = s.unit_code
),
mine AS NOT MATERIALIZED (
  SELECT d.*, s.branch FROM dossiers d JOIN scope s ON s.unit_code = d.unit_code
),
-- Two scans, each with a plain date range the scan can filter on, beat one scan with an OR.
got AS (
  SELECT
    branch,
    count(*) AS received,
    count(*) FILTER (channel = 'online') AS received_online,
    count(*) FILTER (online_eligible) AS received_eligible,
    count(*) FILTER (online_eligible AND channel = 'online') AS received_online_eligible
  FROM mine
  WHERE received_on BETWEEN CAST($start AS DATE) AND CAST($end AS DATE)
  GROUP BY branch
),
done AS (
  SELECT
    branch,
    count(*) AS resolved,
    count(*) FILTER (due_on IS NULL OR resolved_on <= due_on) AS resolved_on_time,
    count(*) FILTER (paid_online) AS paid_online
  FROM mine
  WHERE resolved_on BETWEEN CAST($start AS DATE) AND CAST($end AS DATE)
  GROUP BY branch
),
agg AS (
  SELECT
    s.branch,
    count(*) AS stats_rows,
    sum(st.received) AS received,
    sum(st.received_online) AS received_online,
    sum(st.resolved) AS resolved,
    sum(st.resolved_on_time) AS resolved_on_time
  FROM dossier_stats st JOIN scope s ON s.unit_code = st.unit_code
  WHERE st.month BETWEEN strftime(CAST($start AS DATE), '%Y-%m') AND strftime(CAST($end AS DATE), '%Y-%m')
  GROUP BY s.branch
),
branches AS (
  SELECT unit_code AS branch FROM units WHERE parent_code = $unit AND unit_code <> $unit
  UNION
  SELECT branch FROM got WHERE branch = $unit
  UNION
  SELECT branch FROM done WHERE branch = $unit
  UNION
  SELECT branch FROM agg WHERE branch = $unit
),
filled AS (
  SELECT
    b.branch AS unit_code,
    coalesce(got.received, 0) + coalesce(agg.received, 0) AS received,
    coalesce(got.received_online, 0) + coalesce(agg.received_online, 0) AS received_online,
    got.received_eligible,
    got.received_online_eligible,
    coalesce(done.resolved, 0) + coalesce(agg.resolved, 0) AS resolved,
    coalesce(done.resolved_on_time, 0) + coalesce(agg.resolved_on_time, 0) AS resolved_on_time,
    done.paid_online,
    coalesce(got.received, 0) AS received_records,
    coalesce(done.resolved, 0) AS resolved_records,
    coalesce(agg.stats_rows, 0) AS stats_rows
  FROM branches b
  LEFT JOIN got ON got.branch = b.branch
  LEFT JOIN done ON done.branch = b.branch
  LEFT JOIN agg ON agg.branch = b.branch
)
SELECT
  f.unit_code, u.name, u.short_name, u.kind,
  f.received,
  f.received_online,
  f.received_online / nullif(f.received, 0) AS online_ratio,
  f.received_online_eligible / nullif(f.received_eligible, 0) AS online_ratio_eligible,
  f.resolved,
  f.resolved_on_time,
  f.resolved_on_time / nullif(f.resolved, 0) AS on_time_rate,
  f.paid_online / nullif(f.resolved_records, 0) AS online_payment_ratio,
  f.received_records, f.resolved_records, f.stats_rows
FROM filled f JOIN units u USING (unit_code)
ORDER BY f.unit_code
