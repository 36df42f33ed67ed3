-- tasks_summary: task figures of a scope as of its end date (metrics.md § Tasks).
-- grain: one row for the scope (the unit $unit and every unit below it, by lead_unit).
-- params: $unit (unit_code of the scope), $start, $end (DATE, the period; as_of = $end)
-- The universe is the tasks assigned on or before $end and not cancelled by then; each is in one
-- state: done_on_time, done_late, overdue or in_progress. Rates are null when their denominator is 0.
WITH RECURSIVE scope(unit_code) AS (
  SELECT unit_code FROM units WHERE unit_code = $unit
  UNION
  SELECT u.unit_code FROM units u JOIN scope s ON u.parent_code = s.unit_code
),
universe AS (
  SELECT t.*,
    CASE
      WHEN t.completed_on <= CAST($end AS DATE) THEN
        CASE WHEN t.due_on IS NULL OR t.completed_on <= t.due_on THEN 'done_on_time' ELSE 'done_late' END
      WHEN t.due_on < CAST($end AS DATE) THEN 'overdue'
      ELSE 'in_progress'
    END AS state
  FROM tasks t JOIN scope s ON s.unit_code = t.lead_unit
  WHERE t.assigned_on <= CAST($end AS DATE)
    AND (t.cancelled_on IS NULL OR t.cancelled_on > CAST($end AS DATE))
),
counts AS (
  SELECT
    count(*) AS total,
    count(*) FILTER (state = 'done_on_time') AS done_on_time,
    count(*) FILTER (state = 'done_late') AS done_late,
    count(*) FILTER (state = 'in_progress') AS in_progress,
    count(*) FILTER (state = 'overdue') AS overdue,
    count(*) FILTER (state = 'in_progress' AND due_on > CAST($end AS DATE)
                     AND due_on <= CAST($end AS DATE) + 14) AS due_soon,
    count(*) FILTER (assigned_on BETWEEN CAST($start AS DATE) AND CAST($end AS DATE)) AS assigned,
    count(*) FILTER (completed_on BETWEEN CAST($start AS DATE) AND CAST($end AS DATE)) AS completed
  FROM universe
)
SELECT
  total, done_on_time, done_late, in_progress, overdue,
  (done_on_time + done_late) / nullif(total, 0) AS completion_rate,
  done_on_time / nullif(done_on_time + done_late, 0) AS on_time_rate,
  overdue / nullif(total, 0) AS overdue_rate,
  due_soon, assigned, completed
FROM counts
