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
events AS (
  SELECT
    s.branch,
    d.received_on BETWEEN CAST($start AS DATE) AND CAST($end AS DATE) AS got,
    d.resolved_on BETWEEN CAST($start AS DATE) AND CAST($end AS DATE) AS done,
    d.channel = 'online' AS online,
    d.online_eligible AS eligible,
    d.due_on IS NULL OR d.resolved_on <= d.due_on AS on_time,
    d.paid_online AS paid
  FROM dossiers d JOIN scope s ON s.unit_code = d.unit_code
  WHERE d.received_on BETWEEN CAST($start AS DATE) AND CAST($end AS DATE)
     OR d.resolved_on BETWEEN CAST($start AS DATE) AND CAST($end AS DATE)
),
rec AS (
  SELECT
    branch,
    count(*) AS record_rows,
    count(*) FILTER (got) AS received,
    count(*) FILTER (got AND online) AS received_online,
    count(*) FILTER (got AND eligible) AS received_eligible,
    count(*) FILTER (got AND eligible AND online) AS received_online_eligible,
    count(*) FILTER (done) AS resolved,
    count(*) FILTER (done AND on_time) AS resolved_on_time,
    count(*) FILTER (done AND paid) AS paid_online
  FROM events
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
  SELECT branch FROM rec WHERE branch = $unit
  UNION
  SELECT branch FROM agg WHERE branch = $unit
),
filled AS (
  SELECT
    b.branch AS unit_code,
    coalesce(rec.record_rows, 0) AS record_rows,
    coalesce(agg.stats_rows, 0) AS stats_rows,
    coalesce(rec.received, 0) + coalesce(agg.received, 0) AS received,
    coalesce(rec.received_online, 0) + coalesce(agg.received_online, 0) AS received_online,
    rec.received_eligible,
    rec.received_online_eligible,
    coalesce(rec.resolved, 0) + coalesce(agg.resolved, 0) AS resolved,
    coalesce(rec.resolved_on_time, 0) + coalesce(agg.resolved_on_time, 0) AS resolved_on_time,
    rec.resolved AS resolved_records,
    rec.paid_online
  FROM branches b
  LEFT JOIN rec ON rec.branch = b.branch
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
  f.record_rows, f.stats_rows
FROM filled f JOIN units u USING (unit_code)
ORDER BY f.unit_code
