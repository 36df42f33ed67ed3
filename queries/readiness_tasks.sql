-- readiness_tasks: tasks of a brief's scope with no due date that have stayed open for over a
-- year by the period's end (docs/data.md, "Ready for the meeting?", tasks).
-- grain: one row per (root, task_id); sorted by root, assigned_on, task_id.
-- params: $roots (comma-separated unit_codes, one per brief), $start, $end (DATE, the period)
-- Open: neither completed nor cancelled on or before $end; the lead is a unit of the root's
-- standing scope.
SELECT s.root, t.task_id, t.lead_unit, CAST(t.assigned_on AS VARCHAR) AS assigned_on
FROM tasks t JOIN standing_scope($roots, $start, $end) s ON s.unit_code = t.lead_unit
WHERE t.due_on IS NULL AND t.assigned_on <= CAST($end AS DATE) - INTERVAL 1 YEAR
  AND (t.completed_on IS NULL OR t.completed_on > CAST($end AS DATE))
  AND (t.cancelled_on IS NULL OR t.cancelled_on > CAST($end AS DATE))
ORDER BY s.root, t.assigned_on, t.task_id
