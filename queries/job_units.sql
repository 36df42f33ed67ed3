-- job_units: the units a job with `units: "children-of:$parent"` renders a brief for
-- (docs/jobs.md § Units): the children of $parent that get a by_unit row at the period's end
-- (scope_children() of queries/shared/definitions.sql: started by $end and not carried to a
-- successor by lineage effective on or before it), less those that ended before the period began.
-- grain: one row per such child, with its kind; sorted by unit_code.
-- params: $parent (unit_code), $start (DATE, the period's first day), $end (DATE, its last day)
SELECT u.unit_code, u.kind
FROM scope_children($parent, CAST($end AS DATE)) c JOIN units u USING (unit_code)
WHERE u.valid_to IS NULL OR u.valid_to >= CAST($start AS DATE)
ORDER BY u.unit_code
