-- tasks_by_unit: task figures per branch of a scope as of its end date (metrics.md § Scope, § Tasks).
-- grain: one row per direct child of $unit (counting its whole subtree, even when empty), plus one
--        row for $unit itself (its own tasks only) when it leads any task of the universe; sorted by
--        unit_code. The rows add up to tasks_summary.
-- params: $unit (unit_code of the scope), $start, $end (DATE, the period; as_of = $end)
WITH RECURSIVE scope(unit_code, branch) AS (
  SELECT unit_code, unit_code FROM units WHERE unit_code = $unit
  UNION
  SELECT u.unit_code, CASE WHEN s.unit_code = $unit THEN u.unit_code ELSE s.branch END
  FROM units u JOIN scope s ON u.parent_code = s.unit_code
),
universe AS (
  SELECT t.*, s.branch,
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
    branch AS unit_code,
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
  GROUP BY branch
),
branches AS (
  SELECT unit_code FROM units WHERE parent_code = $unit AND unit_code <> $unit
  UNION
  SELECT unit_code FROM counts WHERE unit_code = $unit
),
filled AS (
  SELECT b.unit_code,
    coalesce(c.total, 0) AS total,
    coalesce(c.done_on_time, 0) AS done_on_time,
    coalesce(c.done_late, 0) AS done_late,
    coalesce(c.in_progress, 0) AS in_progress,
    coalesce(c.overdue, 0) AS overdue,
    coalesce(c.due_soon, 0) AS due_soon,
    coalesce(c.assigned, 0) AS assigned,
    coalesce(c.completed, 0) AS completed
  FROM branches b LEFT JOIN counts c USING (unit_code)
)
SELECT
  f.unit_code, u.name, u.short_name, u.kind,
  f.total, f.done_on_time, f.done_late, f.in_progress, f.overdue,
  (f.done_on_time + f.done_late) / nullif(f.total, 0) AS completion_rate,
  f.done_on_time / nullif(f.done_on_time + f.done_late, 0) AS on_time_rate,
  f.overdue / nullif(f.total, 0) AS overdue_rate,
  f.due_soon, f.assigned, f.completed
FROM filled f JOIN units u USING (unit_code)
ORDER BY f.unit_code
