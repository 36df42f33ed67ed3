-- readiness_indices: the indices of a brief's unit whose latest result, up to the period's end, is
-- older than expected by then (docs/data.md, "Ready for the meeting?", indices).
-- grain: one row per (root, index_code) late; sorted by root, index_code.
-- params: $roots (comma-separated unit_codes, one per brief), $end (DATE, the period's end)
-- A yearly index of year Y is published during Y + 1, so the year before $end's is expected; a
-- monthly one within the next month, so the month before $end's month.
WITH latest AS (
  SELECT s.unit_code AS root, s.index_code, max(s.period) AS latest
  FROM index_scores s JOIN listed_units($roots) r ON r.root = s.unit_code
  WHERE s.period <= strftime(CAST($end AS DATE), '%Y-%m')
  GROUP BY 1, 2
),
expected AS (
  SELECT root, index_code, latest,
    CASE WHEN length(latest) = 4 THEN CAST(year(CAST($end AS DATE)) - 1 AS VARCHAR)
         ELSE strftime(date_trunc('month', CAST($end AS DATE)) - INTERVAL 1 MONTH, '%Y-%m') END AS expected
  FROM latest
)
SELECT root, index_code, latest, expected FROM expected
WHERE latest < expected
ORDER BY root, index_code
