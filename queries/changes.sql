-- changes: what changed in a scope between the end of the previous period of the same kind and the
-- end of this one ("Những thay đổi kể từ kỳ trước"; docs/metrics.md § Changes since the previous period).
-- grain: one row per grain and key, sorted by grain (summary, task, index, criterion), then by key:
--        'summary': one row: the counts of the other grains, and what the data held by $since
--                   (tasks_before, indices_before, criteria_before, unit_started) to tell whether there
--                   was an earlier period at all;
--        'task': one row per task and change, sorted by change (completed, overdue, assigned), task_id:
--                'completed': completed_on in ($since, $end], in the universe as of $end;
--                'overdue':   overdue as of $end and not overdue as of $since (in progress then, or not
--                             yet assigned), with state_before;
--                'assigned':  assigned_on in ($since, $end], in the universe as of $end;
--        'index': one row per index score dated in ($since, $end] (YYYY = 31 December, YYYY-MM = last
--                 day of the month) of a unit of the scope, every component, sorted by unit_code,
--                 index_code, component, period; with its (published or computed) rank;
--        'criterion': one row per (assessed unit, criterion) of the year of $end whose latest result
--                     as of $end was assessed after $since and whose status differs from the latest
--                     result as of $since (status_before NULL: not assessed by then); sorted by
--                     unit_code, criterion_code.
-- params: $unit (unit_code of the scope), $since (DATE, end of the previous period of the same kind),
--         $end (DATE, end of this period)
-- Scope, task states, ranks and the criteria grid are scope_units(), task_states(), index_ranked()
-- and criteria_grid() of queries/shared/definitions.sql; the scope is the one at $end on both sides,
-- as for the comparison period. The online ratio's change is not here: it is online.sql run with
-- the previous period of the same kind as its comparison period (one rule for the ratio).
WITH scope AS MATERIALIZED (
  SELECT unit_code FROM scope_units($unit, CAST($end AS DATE))
),
now_tasks AS MATERIALIZED (
  SELECT t.task_id, t.doc_no, t.lead_unit, t.title, t.assigned_on, t.due_on, t.completed_on, t.state
  FROM task_states(CAST($end AS DATE), 0) t JOIN scope s ON s.unit_code = t.lead_unit
),
then_tasks AS MATERIALIZED (
  SELECT t.task_id, t.state
  FROM task_states(CAST($since AS DATE), 0) t JOIN scope s ON s.unit_code = t.lead_unit
),
task_changes AS MATERIALIZED (
  SELECT 'completed' AS change, n.*, b.state AS state_before, n.completed_on AS changed_on
  FROM now_tasks n LEFT JOIN then_tasks b USING (task_id)
  WHERE n.completed_on > CAST($since AS DATE) AND n.completed_on <= CAST($end AS DATE)
  UNION ALL
  SELECT 'overdue', n.*, b.state, n.due_on + 1
  FROM now_tasks n LEFT JOIN then_tasks b USING (task_id)
  WHERE n.state = 'overdue' AND b.state IS DISTINCT FROM 'overdue'
  UNION ALL
  SELECT 'assigned', n.*, b.state, n.assigned_on
  FROM now_tasks n LEFT JOIN then_tasks b USING (task_id)
  WHERE n.assigned_on > CAST($since AS DATE)
),
-- Scores of the scope dated on or before $end; those dated after $since are the changes.
scores AS MATERIALIZED (
  SELECT r.index_code, r.component, r.unit_code, r.period, r.period_end, r.score, r.max_score,
    r.eff_rank AS rank, r.eff_rank_of AS rank_of, r.rank_computed
  FROM index_ranked(CAST($end AS DATE)) r JOIN scope s USING (unit_code)
),
index_changes AS MATERIALIZED (
  SELECT * FROM scores WHERE period_end > CAST($since AS DATE)
),
-- The latest result of each criterion of the year of $end, as of $since (status_before).
results_then AS (
  SELECT r.unit_code, r.criterion_code, r.status, r.assessed_on
  FROM criteria_results r JOIN scope s USING (unit_code)
  WHERE r.year = year(CAST($end AS DATE)) AND r.assessed_on <= CAST($since AS DATE)
  QUALIFY row_number() OVER (PARTITION BY r.unit_code, r.criterion_code ORDER BY r.assessed_on DESC) = 1
),
-- Criteria with a result assessed in ($since, $end]; their status now is the grid's.
assessed_since AS (
  SELECT r.unit_code, r.criterion_code, max(r.assessed_on) AS assessed_on
  FROM criteria_results r JOIN scope s USING (unit_code)
  WHERE r.year = year(CAST($end AS DATE)) AND r.assessed_on > CAST($since AS DATE) AND r.assessed_on <= CAST($end AS DATE)
  GROUP BY ALL
),
criterion_changes AS MATERIALIZED (
  SELECT g.unit_code, g.criterion_code, g.area, c.title, b.status AS status_before, g.status, g.points, g.max_points,
    a.assessed_on
  FROM criteria_grid($unit, CAST($end AS DATE)) g
  JOIN assessed_since a USING (unit_code, criterion_code)
  JOIN criteria c ON c.year = year(CAST($end AS DATE)) AND c.criterion_code = g.criterion_code
  LEFT JOIN results_then b USING (unit_code, criterion_code)
  WHERE g.status IS DISTINCT FROM b.status
),
summary AS (
  SELECT
    (SELECT count(*) FROM task_changes WHERE change = 'completed') AS tasks_completed,
    (SELECT count(*) FROM task_changes WHERE change = 'overdue') AS tasks_became_overdue,
    (SELECT count(*) FROM task_changes WHERE change = 'assigned') AS tasks_assigned,
    (SELECT count(*) FROM index_changes) AS indices_published,
    (SELECT count(*) FROM criterion_changes) AS criteria_changed,
    (SELECT count(*) FROM then_tasks) AS tasks_before,
    (SELECT count(*) FROM scores WHERE period_end <= CAST($since AS DATE)) AS indices_before,
    (SELECT count(*) FROM criteria_results r JOIN scope s USING (unit_code) WHERE r.assessed_on <= CAST($since AS DATE))
      AS criteria_before,
    (SELECT valid_from IS NULL OR valid_from <= CAST($since AS DATE) FROM units WHERE unit_code = $unit) AS unit_started
)
SELECT * EXCLUDE (seq) FROM (
SELECT 'summary' AS grain, 0 AS seq, * FROM summary
UNION ALL BY NAME
SELECT 'task' AS grain, 1 AS seq, change, task_id, doc_no, lead_unit, title, assigned_on, due_on, completed_on,
  state AS state_now, state_before, changed_on
FROM task_changes
UNION ALL BY NAME
SELECT 'index' AS grain, 2 AS seq, * FROM index_changes
UNION ALL BY NAME
SELECT 'criterion' AS grain, 3 AS seq, * FROM criterion_changes
)
ORDER BY seq,
  CASE change WHEN 'completed' THEN 1 WHEN 'overdue' THEN 2 WHEN 'assigned' THEN 3 END, task_id,
  unit_code, index_code, component, period, criterion_code;
