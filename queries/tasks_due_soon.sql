-- tasks_due_soon: tasks of a scope falling due within $due_soon_days days after its end date
-- (metrics.md § Tasks, due_soon).
-- grain: one row per in_progress task of the universe with $end < due_on <= $end + $due_soon_days;
--        sorted by due_on, then task_id.
-- params: $unit (unit_code of the scope), $end (DATE, as_of), $due_soon_days (INTEGER)
-- The universe, the states, the window and the scope are those of queries/shared/definitions.sql.
SELECT
  t.task_id, t.doc_no, t.lead_unit, t.title, t.due_on,
  t.due_on - CAST($end AS DATE) AS days_left,
  u.name AS lead_unit_name, u.short_name AS lead_unit_short_name,
  t.support_units, t.area, t.index_code, t.assigned_on
FROM task_states(CAST($end AS DATE), CAST($due_soon_days AS INTEGER)) t
JOIN scope_units($unit, CAST($end AS DATE)) s ON s.unit_code = t.lead_unit
JOIN units u ON u.unit_code = t.lead_unit
WHERE t.due_soon
ORDER BY t.due_on, t.task_id
