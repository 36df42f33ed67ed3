-- job_units: the units a job with `units: "children-of:$parent"` renders a brief for
-- (docs/jobs.md § Units): the children of $parent that stand on the period's end, as a brief
-- requires (metrics.md § Unit history and lineage): started by $end, not carried to a successor
-- by lineage effective on or before $end, and not ended before the period began.
-- grain: one row per such child, with its kind; sorted by unit_code.
-- params: $parent (unit_code), $start (DATE, the period's first day), $end (DATE, its last day)
SELECT s.unit_code, s.kind
FROM unit_status(CAST($end AS DATE)) s
WHERE s.parent_code = $parent AND s.unit_code <> $parent
  AND s.started AND NOT s.carried
  AND (s.valid_to IS NULL OR s.valid_to >= CAST($start AS DATE))
ORDER BY s.unit_code
