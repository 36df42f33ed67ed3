-- criteria_by_area: PAR criteria results of the year of $end, as of $end, per assessed unit of a
-- scope and area (metrics.md § PAR criteria, by_area).
-- grain: one row per (unit, area) for each unit of criteria_summary.sql and each area that has
--        criteria that year; sorted by unit_code, area.
-- params: $unit (unit_code of the scope), $end (DATE, as_of; its year is the criteria year)
-- The rules are those of criteria_summary.sql.
WITH RECURSIVE scope(unit_code) AS (
  SELECT unit_code FROM units WHERE unit_code = $unit
  UNION
  SELECT u.unit_code FROM units u JOIN scope s ON u.parent_code = s.unit_code
),
results AS (
  SELECT r.*
  FROM criteria_results r JOIN scope s ON s.unit_code = r.unit_code
  WHERE r.year = year(CAST($end AS DATE)) AND r.assessed_on <= CAST($end AS DATE)
),
latest AS (
  SELECT * FROM results
  QUALIFY row_number() OVER (PARTITION BY unit_code, criterion_code ORDER BY assessed_on DESC) = 1
),
grid AS (
  SELECT e.unit_code, c.area, c.max_points,
    coalesce(l.status, CASE WHEN c.due_on > CAST($end AS DATE) THEN 'not_due' ELSE 'in_progress' END) AS status,
    coalesce(l.points, 0) AS points
  FROM (SELECT DISTINCT unit_code FROM results) e
  CROSS JOIN criteria c
  LEFT JOIN latest l ON l.unit_code = e.unit_code AND l.criterion_code = c.criterion_code
  WHERE c.year = year(CAST($end AS DATE))
)
SELECT
  unit_code, area,
  count(*) AS total,
  count(*) FILTER (status = 'achieved') AS achieved,
  count(*) FILTER (status = 'not_achieved') AS not_achieved,
  count(*) FILTER (status = 'in_progress') AS in_progress,
  count(*) FILTER (status = 'not_due') AS not_due,
  round(sum(points), 10) AS points,
  round(sum(max_points), 10) AS max_points,
  round(coalesce(sum(max_points) FILTER (status IN ('in_progress', 'not_due')), 0), 10) AS points_at_risk,
  round(coalesce(sum(max_points - points) FILTER (status IN ('achieved', 'not_achieved')), 0), 10) AS points_lost
FROM grid
GROUP BY unit_code, area
ORDER BY unit_code, area
