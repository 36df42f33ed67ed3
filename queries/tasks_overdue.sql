-- tasks_overdue: every overdue task of a scope as of its end date (metrics.md § Tasks, overdue_list).
-- grain: one row per task of the universe in state overdue at $end; sorted by days_overdue
--        descending, then task_id.
-- params: $unit (unit_code of the scope), $end (DATE, as_of)
-- The universe, the states and the scope are those of queries/shared/definitions.sql.
SELECT
  t.task_id, t.doc_no, t.lead_unit, t.title, t.due_on,
  CAST($end AS DATE) - t.due_on AS days_overdue,
  u.name AS lead_unit_name, u.short_name AS lead_unit_short_name,
  t.support_units, t.area, t.index_code, t.assigned_on
FROM task_states(CAST($end AS DATE), 0) t
JOIN scope_units($unit, CAST($end AS DATE)) s ON s.unit_code = t.lead_unit
JOIN units u ON u.unit_code = t.lead_unit
WHERE t.state = 'overdue'
ORDER BY days_overdue DESC, t.task_id
