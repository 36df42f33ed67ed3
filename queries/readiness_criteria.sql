-- readiness_criteria: units assessed on the PAR criteria in some year but not yet in the period's
-- year, per brief (docs/data.md, "Ready for the meeting?", criteria).
-- grain: one row per (root, unit_code) lacking the year's assessment; sorted by root, unit_code.
-- params: $roots (comma-separated unit_codes, one per brief), $start, $end (DATE, the period)
-- The period's year is the year of $end; an assessment counts when made on or before $end.
SELECT DISTINCT s.root, s.unit_code, year(CAST($end AS DATE)) AS year
FROM standing_scope($roots, $start, $end) s
WHERE s.unit_code IN (SELECT unit_code FROM criteria_results)
  AND NOT EXISTS (
    SELECT 1 FROM criteria_results d
    WHERE d.unit_code = s.unit_code AND d.year = year(CAST($end AS DATE)) AND d.assessed_on <= CAST($end AS DATE)
  )
ORDER BY s.root, s.unit_code
