-- tasks: task figures of a scope as of its end date, in total and per by_unit row (metrics.md § Tasks,
-- § Scope).
-- grain: one row per grain and key, sorted by grain (scope, unit), then unit_code (NULL last):
--        'scope': one row for the scope (rows of every unit whose successors at $end lie in $unit's tree);
--        'unit': one row per direct child of $unit that has a by_unit row at $end (scope_children),
--                counting its whole subtree, even when empty; one for $unit itself (its own tasks)
--                when it leads any task of the universe; one with unit_code NULL for tasks whose
--                successors spread over several children, when there are any. They add up to 'scope'.
-- params: $unit (unit_code of the scope), $start, $end (DATE, the period; as_of = $end),
--         $due_soon_days (INTEGER, the due-soon window in days)
-- The universe and the states are task_states() of queries/shared/definitions.sql; due_soon_days
-- is echoed so metrics.json says which window due_soon counts. Rates are null when their
-- denominator is 0.
WITH universe AS (
  SELECT t.*, s.branch
  FROM task_states(CAST($end AS DATE), CAST($due_soon_days AS INTEGER)) t
  JOIN scope_units($unit, CAST($end AS DATE)) s ON s.unit_code = t.lead_unit
),
counts AS (
  SELECT
    CASE WHEN grouping(branch) = 1 THEN 'scope' ELSE 'unit' END AS grain,
    branch AS unit_code,
    count(*) AS total,
    count(*) FILTER (state = 'done_on_time') AS done_on_time,
    count(*) FILTER (state = 'done_late') AS done_late,
    count(*) FILTER (state = 'in_progress') AS in_progress,
    count(*) FILTER (state = 'overdue') AS overdue,
    count(*) FILTER (due_soon) AS due_soon,
    count(*) FILTER (assigned_on BETWEEN CAST($start AS DATE) AND CAST($end AS DATE)) AS assigned,
    count(*) FILTER (completed_on BETWEEN CAST($start AS DATE) AND CAST($end AS DATE)) AS completed
  FROM universe
  GROUP BY GROUPING SETS ((), (branch))
),
keys AS (
  SELECT 'scope' AS grain, NULL AS unit_code
  UNION ALL
  SELECT 'unit', unit_code FROM scope_children($unit, CAST($end AS DATE))
  UNION ALL
  SELECT grain, unit_code FROM counts WHERE grain = 'unit' AND (unit_code = $unit OR unit_code IS NULL)
),
filled AS (
  SELECT k.grain, k.unit_code,
    coalesce(c.total, 0) AS total,
    coalesce(c.done_on_time, 0) AS done_on_time,
    coalesce(c.done_late, 0) AS done_late,
    coalesce(c.in_progress, 0) AS in_progress,
    coalesce(c.overdue, 0) AS overdue,
    coalesce(c.due_soon, 0) AS due_soon,
    coalesce(c.assigned, 0) AS assigned,
    coalesce(c.completed, 0) AS completed
  FROM keys k LEFT JOIN counts c ON c.grain = k.grain AND c.unit_code IS NOT DISTINCT FROM k.unit_code
)
SELECT
  f.grain, f.unit_code, u.name, u.short_name, u.kind,
  f.total, f.done_on_time, f.done_late, f.in_progress, f.overdue,
  (f.done_on_time + f.done_late) / nullif(f.total, 0) AS completion_rate,
  f.done_on_time / nullif(f.done_on_time + f.done_late, 0) AS on_time_rate,
  f.overdue / nullif(f.total, 0) AS overdue_rate,
  f.due_soon, f.assigned, f.completed,
  CAST($due_soon_days AS INTEGER) AS due_soon_days
FROM filled f LEFT JOIN units u ON u.unit_code = f.unit_code
ORDER BY CASE f.grain WHEN 'scope' THEN 0 ELSE 1 END, f.unit_code NULLS LAST
