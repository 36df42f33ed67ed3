-- readiness_dossiers: the months of a period for which a unit that usually reports dossiers has
-- reported none, per brief (docs/data.md, "Ready for the meeting?", dossiers).
-- grain: one row per (root, unit_code) with a month missing, months in order; sorted by root, unit_code.
-- params: $roots (comma-separated unit_codes, one per brief), $start, $end (DATE, the period)
-- A unit of a root's standing scope is expected every month when it reported (dossiers received,
-- or dossier_stats) in the year before the period or during it.
WITH scope AS (SELECT root, unit_code FROM standing_scope($roots, $start, $end)),
reported AS (
  SELECT unit_code, strftime(received_on, '%Y-%m') AS month FROM dossiers
  WHERE received_on BETWEEN CAST($start AS DATE) - INTERVAL 1 YEAR AND CAST($end AS DATE)
  UNION
  SELECT unit_code, month FROM dossier_stats
  WHERE month BETWEEN strftime(CAST($start AS DATE) - INTERVAL 1 YEAR, '%Y-%m') AND strftime(CAST($end AS DATE), '%Y-%m')
),
months AS (
  SELECT strftime(m, '%Y-%m') AS month
  FROM generate_series(CAST($start AS DATE), CAST($end AS DATE), INTERVAL 1 MONTH) g(m)
)
SELECT s.root, s.unit_code, list(m.month ORDER BY m.month) AS months
FROM scope s CROSS JOIN months m
WHERE s.unit_code IN (SELECT unit_code FROM reported)
  AND NOT EXISTS (SELECT 1 FROM reported r WHERE r.unit_code = s.unit_code AND r.month = m.month)
GROUP BY s.root, s.unit_code
ORDER BY s.root, s.unit_code
