-- online_monthly: online public service figures of a scope for each month of a period (metrics.md § Online, monthly).
-- grain: one row per month from $start to $end (YYYY-MM), in order, even a month with nothing counted.
-- params: $unit (unit_code of the scope), $start, $end (DATE, the period)
-- A dossier counts as received in the month of received_on and as resolved in the month of resolved_on.
WITH RECURSIVE scope(unit_code) AS (
  SELECT unit_code FROM units WHERE unit_code = $unit
  UNION
  SELECT u.unit_code FROM units u JOIN scope s ON u.parent_code = s.unit_code
),
months AS (
  SELECT CAST(m AS DATE) AS first_day, strftime(m, '%Y-%m') AS month
  FROM range(date_trunc('month', CAST($start AS DATE)), CAST($end AS DATE) + 1, INTERVAL 1 MONTH) AS r(m)
),
mine AS NOT MATERIALIZED (
  SELECT d.* FROM dossiers d JOIN scope s ON s.unit_code = d.unit_code
),
got AS (
  SELECT
    CAST(date_trunc('month', received_on) AS DATE) AS first_day,
    count(*) AS received,
    count(*) FILTER (channel = 'online') AS received_online,
    count(*) FILTER (online_eligible) AS received_eligible,
    count(*) FILTER (online_eligible AND channel = 'online') AS received_online_eligible
  FROM mine
  WHERE received_on BETWEEN CAST($start AS DATE) AND CAST($end AS DATE)
  GROUP BY 1
),
done AS (
  SELECT
    CAST(date_trunc('month', resolved_on) AS DATE) AS first_day,
    count(*) AS resolved,
    count(*) FILTER (due_on IS NULL OR resolved_on <= due_on) AS resolved_on_time,
    count(*) FILTER (paid_online) AS paid_online
  FROM mine
  WHERE resolved_on BETWEEN CAST($start AS DATE) AND CAST($end AS DATE)
  GROUP BY 1
),
agg AS (
  SELECT
    st.month,
    count(*) AS stats_rows,
    sum(st.received) AS received,
    sum(st.received_online) AS received_online,
    sum(st.resolved) AS resolved,
    sum(st.resolved_on_time) AS resolved_on_time
  FROM dossier_stats st JOIN scope s ON s.unit_code = st.unit_code
  WHERE st.month BETWEEN strftime(CAST($start AS DATE), '%Y-%m') AND strftime(CAST($end AS DATE), '%Y-%m')
  GROUP BY st.month
),
filled AS (
  SELECT
    m.month,
    coalesce(got.received, 0) + coalesce(agg.received, 0) AS received,
    coalesce(got.received_online, 0) + coalesce(agg.received_online, 0) AS received_online,
    got.received_eligible,
    got.received_online_eligible,
    coalesce(done.resolved, 0) + coalesce(agg.resolved, 0) AS resolved,
    coalesce(done.resolved_on_time, 0) + coalesce(agg.resolved_on_time, 0) AS resolved_on_time,
    done.resolved AS resolved_records,
    done.paid_online,
    coalesce(agg.stats_rows, 0) AS stats_rows
  FROM months m
  LEFT JOIN got ON got.first_day = m.first_day
  LEFT JOIN done ON done.first_day = m.first_day
  LEFT JOIN agg ON agg.month = m.month
)
SELECT
  month,
  received,
  received_online,
  received_online / nullif(received, 0) AS online_ratio,
  received_online_eligible / nullif(received_eligible, 0) AS online_ratio_eligible,
  resolved,
  resolved_on_time,
  resolved_on_time / nullif(resolved, 0) AS on_time_rate,
  paid_online / nullif(resolved_records, 0) AS online_payment_ratio
FROM filled
ORDER BY month
