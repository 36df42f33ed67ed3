-- criteria: PAR criteria results (Bộ chỉ số CCHC) of the year of $end, as of $end, per assessed unit
-- of a scope, per area, and added up over the assessed units (metrics.md § PAR criteria).
-- grain: one row per grain and key, sorted by grain (unit, unit_area, area, all), unit_code, area:
--        'unit': one row per unit of the scope with at least one result of that year assessed on or
--                before $end (the `criteria` entries), with its rank;
--        'unit_area': one row per such unit and area that has criteria that year (their `by_area`);
--        'area': one row per area, added up over the units (`criteria_totals.by_area`);
--        'all': one row added up over every unit and area (`criteria_totals`), only when there is a unit,
--               with `units` (how many are added up) and `points_at_risk_per_unit`, their mean: each
--               unit's points at risk are out of its own maximum (every unit has the same criteria),
--               so a sum over units reads as no figure (3.608 over 102 communes of 60 points each).
-- params: $unit (unit_code of the scope), $end (DATE, as_of; its year is the criteria year)
-- The grid (latest result per criterion, not_due / in_progress without one) is criteria_grid() of
-- queries/shared/definitions.sql. Sums of points are rounded to 10 decimals to remove float noise.
-- rank: by points among the 'unit' rows, higher first, ties sharing the best rank.
WITH sums AS (
  SELECT
    CASE grouping(unit_code, area) WHEN 0 THEN 'unit_area' WHEN 1 THEN 'unit' WHEN 2 THEN 'area' ELSE 'all' END AS grain,
    unit_code, area,
    count(DISTINCT unit_code) AS units,
    count(*) AS total,
    count(*) FILTER (status = 'achieved') AS achieved,
    count(*) FILTER (status = 'not_achieved') AS not_achieved,
    count(*) FILTER (status = 'in_progress') AS in_progress,
    count(*) FILTER (status = 'not_due') AS not_due,
    round(sum(points), 10) AS points,
    round(sum(max_points), 10) AS max_points,
    round(coalesce(sum(max_points) FILTER (status IN ('in_progress', 'not_due')), 0), 10) AS points_at_risk,
    round(coalesce(sum(max_points - points) FILTER (status IN ('achieved', 'not_achieved')), 0), 10) AS points_lost
  FROM criteria_grid($unit, CAST($end AS DATE))
  GROUP BY GROUPING SETS ((unit_code), (unit_code, area), (area), ())
  -- The grand total of an empty grid is one row of zeros; there is nothing to add up then.
  HAVING count(*) > 0
)
SELECT
  s.grain, year(CAST($end AS DATE)) AS year, s.unit_code, s.area,
  s.total, s.achieved, s.not_achieved, s.in_progress, s.not_due,
  s.points, s.max_points, s.points_at_risk, s.points_lost,
  CASE WHEN s.grain = 'all' THEN s.units END AS units,
  CASE WHEN s.grain = 'all' THEN s.points_at_risk / s.units END AS points_at_risk_per_unit,
  CASE WHEN s.grain = 'unit' THEN CAST(rank() OVER (PARTITION BY s.grain ORDER BY s.points DESC) AS INTEGER) END AS rank,
  u.name, u.short_name, u.kind
FROM sums s LEFT JOIN units u ON u.unit_code = s.unit_code AND s.grain = 'unit'
ORDER BY CASE s.grain WHEN 'unit' THEN 0 WHEN 'unit_area' THEN 1 WHEN 'area' THEN 2 ELSE 3 END, s.unit_code, s.area
