-- criteria_summary: PAR criteria results (Bộ chỉ số CCHC) of the year of $end, as of $end, per assessed
-- unit of a scope (metrics.md § PAR criteria).
-- grain: one row per unit in the scope with at least one result of that year assessed on or before
--        $end; sorted by unit_code.
-- params: $unit (unit_code of the scope), $end (DATE, as_of; its year is the criteria year)
-- Each criterion of the year counts once, by its latest result assessed on or before $end; without
-- one it is not_due when due after $end, else in_progress, with 0 points. Empty points count 0.
-- Sums of points are rounded to 10 decimals to remove float noise. rank: by points among the rows,
-- higher first, ties sharing the best rank.
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
),
summary AS (
  SELECT
    unit_code,
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
  GROUP BY unit_code
)
SELECT
  year(CAST($end AS DATE)) AS year, s.unit_code,
  s.total, s.achieved, s.not_achieved, s.in_progress, s.not_due,
  s.points, s.max_points, s.points_at_risk, s.points_lost,
  CAST(rank() OVER (ORDER BY s.points DESC) AS INTEGER) AS rank,
  u.name, u.short_name, u.kind
FROM summary s JOIN units u USING (unit_code)
ORDER BY s.unit_code
