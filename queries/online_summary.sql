-- online_summary: online public service figures of a scope over a period (metrics.md § Online).
-- grain: one row for the scope (the unit $unit and every unit below it).
-- params: $unit (unit_code of the scope), $start, $end (DATE, the period)
-- A dossier counts as received by received_on and as resolved by resolved_on, each in the period;
-- dossier_stats count by month. online_ratio_eligible and online_payment_ratio come from dossiers
-- alone, so they are null when the period has no dossier rows. record_rows and stats_rows say how
-- many dossier and dossier_stats rows were counted.
WITH RECURSIVE scope(unit_code) AS (
  SELECT unit_code FROM units WHERE unit_code = $unit
  UNION
  SELECT u.unit_code FROM units u JOIN scope s ON u.parent_code = s.unit_code
),
events AS (
  SELECT
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
    count(*) AS record_rows,
    count(*) FILTER (got) AS received,
    count(*) FILTER (got AND online) AS received_online,
    count(*) FILTER (got AND eligible) AS received_eligible,
    count(*) FILTER (got AND eligible AND online) AS received_online_eligible,
    count(*) FILTER (done) AS resolved,
    count(*) FILTER (done AND on_time) AS resolved_on_time,
    count(*) FILTER (done AND paid) AS paid_online
  FROM events
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
  rec.received + agg.received AS received,
  rec.received_online + agg.received_online AS received_online,
  (rec.received_online + agg.received_online) / nullif(rec.received + agg.received, 0) AS online_ratio,
  rec.received_online_eligible / nullif(rec.received_eligible, 0) AS online_ratio_eligible,
  rec.resolved + agg.resolved AS resolved,
  rec.resolved_on_time + agg.resolved_on_time AS resolved_on_time,
  (rec.resolved_on_time + agg.resolved_on_time) / nullif(rec.resolved + agg.resolved, 0) AS on_time_rate,
  rec.paid_online / nullif(rec.resolved, 0) AS online_payment_ratio,
  rec.record_rows, agg.stats_rows
FROM rec, agg
