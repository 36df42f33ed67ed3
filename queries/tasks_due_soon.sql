-- tasks_due_soon: tasks of a scope falling due in the 14 days after its end date (metrics.md § Tasks, due_soon).
-- grain: one row per in_progress task of the universe with $end < due_on <= $end + 14 days; sorted
--        by due_on, then task_id.
-- params: $unit (unit_code of the scope), $end (DATE, as_of)
WITH RECURSIVE scope(unit_code) AS (
  SELECT unit_code FROM units WHERE unit_code = $unit
  UNION
  SELECT u.unit_code FROM units u JOIN scope s ON u.parent_code = s.unit_code
)
SELECT
  t.task_id, t.doc_no, t.lead_unit, t.title, t.due_on,
  t.due_on - CAST($end AS DATE) AS days_left,
  u.name AS lead_unit_name, u.short_name AS lead_unit_short_name,
  t.support_units, t.area, t.index_code, t.assigned_on
FROM tasks t
JOIN scope s ON s.unit_code = t.lead_unit
JOIN units u ON u.unit_code = t.lead_unit
WHERE t.assigned_on <= CAST($end AS DATE)
  AND (t.cancelled_on IS NULL OR t.cancelled_on > CAST($end AS DATE))
  AND (t.completed_on IS NULL OR t.completed_on > CAST($end AS DATE))
  AND t.due_on > CAST($end AS DATE)
  AND t.due_on <= CAST($end AS DATE) + 14
ORDER BY t.due_on, t.task_id
