-- online: online public service figures of a scope over a period, in total, per branch and per month
-- (metrics.md § Online, § Scope).
-- grain: one row per grain and key, sorted by grain (scope, unit, month), then unit_code or month:
--        'scope': one row for the unit $unit and every unit below it;
--        'unit': one row per direct child of $unit counting its whole subtree (even when empty), plus
--                one for $unit itself (its own rows only) when it has dossiers or dossier_stats
--                counted in the period; the unit rows add up to the scope row;
--        'month': one row per month from $start to $end (YYYY-MM), even a month with nothing counted.
-- params: $unit (unit_code of the scope), $start, $end (DATE, the period)
-- A dossier counts as received by received_on and as resolved by resolved_on, each in the period
-- and in the month of that date; dossier_stats count by month. online_ratio_eligible and
-- online_payment_ratio come from dossiers alone, so they are null when nothing was counted from
-- dossiers. received_records, resolved_records and stats_rows say how many dossier and
-- dossier_stats rows were counted.
-- Every grain sums the same cells (branch × month), so dossiers are read once per side, not once
-- per grain: the three grains are one file so that one period costs two scans.
WITH RECURSIVE scope(unit_code, branch) AS (
  SELECT unit_code, unit_code FROM units WHERE unit_code = $unit
  UNION
  SELECT u.unit_code, CASE WHEN s.unit_code = $unit THEN u.unit_code ELSE s.branch END
  FROM units u JOIN scope s ON u.parent_code = s.unit_code
),
months AS (
  SELECT strftime(m, '%Y-%m') AS month
  FROM range(date_trunc('month', CAST($start AS DATE)), CAST($end AS DATE) + 1, INTERVAL 1 MONTH) AS r(m)
),
-- Each side is a plain date range the scan filters on (zone maps skip other dates), grouped by
-- unit and month before the join, so the join with the scope sees hundreds of rows, not every dossier.
got AS (
  SELECT unit_code, date_trunc('month', received_on) AS first_day,
    count(*) AS received_records,
    count(*) FILTER (channel = 'online') AS received_online_records,
    count(*) FILTER (online_eligible) AS received_eligible,
    count(*) FILTER (online_eligible AND channel = 'online') AS received_online_eligible
  FROM dossiers
  WHERE received_on BETWEEN CAST($start AS DATE) AND CAST($end AS DATE)
  GROUP BY ALL
),
done AS (
  SELECT unit_code, date_trunc('month', resolved_on) AS first_day,
    count(*) AS resolved_records,
    count(*) FILTER (due_on IS NULL OR resolved_on <= due_on) AS resolved_on_time_records,
    count(*) FILTER (paid_online) AS paid_online
  FROM dossiers
  WHERE resolved_on BETWEEN CAST($start AS DATE) AND CAST($end AS DATE)
  GROUP BY ALL
),
stats AS (
  SELECT unit_code, month,
    count(*) AS stats_rows,
    sum(received) AS stats_received,
    sum(received_online) AS stats_received_online,
    sum(resolved) AS stats_resolved,
    sum(resolved_on_time) AS stats_resolved_on_time
  FROM dossier_stats
  WHERE month BETWEEN strftime(CAST($start AS DATE), '%Y-%m') AND strftime(CAST($end AS DATE), '%Y-%m')
  GROUP BY ALL
),
cells AS MATERIALIZED (
  SELECT s.branch, strftime(g.first_day, '%Y-%m') AS month, g.* EXCLUDE (unit_code, first_day)
  FROM got g JOIN scope s USING (unit_code)
  UNION ALL BY NAME
  SELECT s.branch, strftime(d.first_day, '%Y-%m') AS month, d.* EXCLUDE (unit_code, first_day)
  FROM done d JOIN scope s USING (unit_code)
  UNION ALL BY NAME
  SELECT s.branch, st.* EXCLUDE (unit_code)
  FROM stats st JOIN scope s USING (unit_code)
),
-- Sums per grain; a sum over no dossier cell stays NULL, which makes the dossier-only ratios null.
sums AS (
  SELECT 'scope' AS grain, NULL AS unit_code, NULL AS month, * EXCLUDE (branch, month) FROM (
    SELECT NULL AS branch, NULL AS month, sum(COLUMNS(* EXCLUDE (branch, month))) FROM cells)
  UNION ALL BY NAME
  SELECT 'unit' AS grain, b.unit_code, NULL AS month, c.* EXCLUDE (branch)
  FROM (SELECT unit_code FROM units WHERE parent_code = $unit AND unit_code <> $unit
        UNION SELECT branch FROM cells WHERE branch = $unit) b
  LEFT JOIN (SELECT branch, sum(COLUMNS(* EXCLUDE (branch, month))) FROM cells GROUP BY branch) c ON c.branch = b.unit_code
  UNION ALL BY NAME
  SELECT 'month' AS grain, NULL AS unit_code, m.month, c.* EXCLUDE (month)
  FROM months m
  LEFT JOIN (SELECT month, sum(COLUMNS(* EXCLUDE (branch, month))) FROM cells GROUP BY month) c ON c.month = m.month
),
figures AS (
  SELECT grain, unit_code, month,
    coalesce(received_records, 0) + coalesce(stats_received, 0) AS received,
    coalesce(received_online_records, 0) + coalesce(stats_received_online, 0) AS received_online,
    received_online_eligible, received_eligible,
    coalesce(resolved_records, 0) + coalesce(stats_resolved, 0) AS resolved,
    coalesce(resolved_on_time_records, 0) + coalesce(stats_resolved_on_time, 0) AS resolved_on_time,
    paid_online,
    coalesce(received_records, 0) AS received_records,
    coalesce(resolved_records, 0) AS resolved_records,
    coalesce(stats_rows, 0) AS stats_rows
  FROM sums
)
SELECT
  f.grain, f.unit_code, f.month, u.name, u.short_name, u.kind,
  f.received,
  f.received_online,
  f.received_online / nullif(f.received, 0) AS online_ratio,
  f.received_online_eligible / nullif(f.received_eligible, 0) AS online_ratio_eligible,
  f.resolved,
  f.resolved_on_time,
  f.resolved_on_time / nullif(f.resolved, 0) AS on_time_rate,
  f.paid_online / nullif(f.resolved_records, 0) AS online_payment_ratio,
  f.received_records, f.resolved_records, f.stats_rows
FROM figures f LEFT JOIN units u ON u.unit_code = f.unit_code
ORDER BY CASE f.grain WHEN 'scope' THEN 0 WHEN 'unit' THEN 1 ELSE 2 END, f.unit_code, f.month
