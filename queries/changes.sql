-- changes: what changed in a scope between the end of the previous period of the same kind and the
-- end of this one ("Những thay đổi kể từ kỳ trước"; docs/metrics.md § Changes since the previous period).
-- grain: one row per grain and key, sorted by grain (summary, overdue, index), then by key:
--        'summary': one row: the counts of each kind of change, and what the data held by $since
--                   (tasks_before, indices_before, criteria_before, unit_started) to tell whether there
--                   was an earlier period at all. Tasks in the universe as of $end:
--                   tasks_completed (completed_on in ($since, $end]), tasks_became_overdue (overdue as of
--                   $end and not overdue as of $since: in progress then, or not yet assigned),
--                   tasks_assigned (assigned_on in ($since, $end]). Index scores of the scope dated in
--                   ($since, $end] (YYYY = 31 December, YYYY-MM = last day of the month), every unit and
--                   component: indices_other, those not on an 'index' row. Criteria (assessed unit,
--                   criterion of the year of $end) whose latest result as of $end was assessed after
--                   $since and whose status differs from the latest result as of $since (none: not
--                   assessed by then): criteria_changed, at criteria_units units, criteria_<status> by
--                   their status now;
--        'overdue': one row per task that became overdue, sorted by task_id, with state_before
--                   (NULL: not yet assigned at $since);
--        'index': the latest of the scores dated in ($since, $end] of each index of $unit itself,
--                 component TOTAL, sorted by index_code; with its (published or computed) rank.
-- params: $unit (unit_code of the scope), $since (DATE, end of the previous period of the same kind),
--         $end (DATE, end of this period)
-- Only what the brief shows leaves the database: counts, the overdue tasks it tables, the index
-- totals it names. Scope, task states and ranks are scope_units(), task_states() and index_ranked()
-- of queries/shared/definitions.sql; the scope is the one at $end on both sides, as for the
-- comparison period. A criterion with a result as of $end has that result's status in
-- criteria_grid(), so the status now is read from the results directly. The online ratio's change
-- is not here: it is online.sql run with the previous period of the same kind as its comparison
-- period (one rule for the ratio).
WITH scope AS MATERIALIZED (
  SELECT unit_code FROM scope_units($unit, CAST($end AS DATE))
),
-- The universe as of $end, narrow: titles and numbers are read only for the tasks shown.
now_tasks AS MATERIALIZED (
  SELECT t.task_id, t.assigned_on, t.completed_on, t.state
  FROM task_states(CAST($end AS DATE), 0) t JOIN scope s ON s.unit_code = t.lead_unit
),
-- Tasks overdue as of $end and not overdue as of $since (in progress then, or not yet assigned);
-- the states as of $since are looked up for those tasks only.
became_overdue AS MATERIALIZED (
  SELECT n.task_id, b.state AS state_before
  FROM (SELECT task_id FROM now_tasks WHERE state = 'overdue') n
  LEFT JOIN (SELECT task_id, state FROM task_states(CAST($since AS DATE), 0)
             WHERE task_id IN (SELECT task_id FROM now_tasks WHERE state = 'overdue')) b USING (task_id)
  WHERE b.state IS DISTINCT FROM 'overdue'
),
-- Scores of the scope dated on or before $end; those dated after $since are the changes.
scores AS MATERIALIZED (
  SELECT r.index_code, r.component, r.unit_code, r.period, r.period_end, r.score, r.max_score,
    r.eff_rank AS rank, r.eff_rank_of AS rank_of, r.rank_computed
  FROM index_ranked(CAST($end AS DATE)) r JOIN scope s USING (unit_code)
),
own_totals AS MATERIALIZED (
  SELECT * EXCLUDE (period_end) FROM scores
  WHERE period_end > CAST($since AS DATE) AND unit_code = $unit AND component = 'TOTAL'
  QUALIFY row_number() OVER (PARTITION BY index_code ORDER BY period DESC) = 1
),
-- Per criterion of the year of $end: the latest result as of $end and the status of the latest as of $since.
criteria_latest AS (
  SELECT r.unit_code, r.criterion_code,
    max(r.assessed_on) AS assessed_on,
    arg_max(r.status, r.assessed_on) AS status,
    arg_max(r.status, r.assessed_on) FILTER (r.assessed_on <= CAST($since AS DATE)) AS status_before
  FROM criteria_results r JOIN scope s USING (unit_code)
  WHERE r.year = year(CAST($end AS DATE)) AND r.assessed_on <= CAST($end AS DATE)
  GROUP BY ALL
),
criterion_changes AS MATERIALIZED (
  SELECT * FROM criteria_latest
  WHERE assessed_on > CAST($since AS DATE) AND status IS DISTINCT FROM status_before
),
summary AS (
  SELECT t.*, i.*, c.*,
    (SELECT count(*) FROM task_states(CAST($since AS DATE), 0) t JOIN scope s ON s.unit_code = t.lead_unit)
      AS tasks_before,
    (SELECT count(*) FROM scores WHERE period_end <= CAST($since AS DATE)) AS indices_before,
    (SELECT count(*) FROM criteria_results r JOIN scope s USING (unit_code) WHERE r.assessed_on <= CAST($since AS DATE))
      AS criteria_before,
    (SELECT valid_from IS NULL OR valid_from <= CAST($since AS DATE) FROM units WHERE unit_code = $unit) AS unit_started
  FROM (SELECT
          count(*) FILTER (completed_on > CAST($since AS DATE) AND completed_on <= CAST($end AS DATE)) AS tasks_completed,
          (SELECT count(*) FROM became_overdue) AS tasks_became_overdue,
          count(*) FILTER (assigned_on > CAST($since AS DATE)) AS tasks_assigned
        FROM now_tasks) t,
       (SELECT count(*) - (SELECT count(*) FROM own_totals) AS indices_other
        FROM scores WHERE period_end > CAST($since AS DATE)) i,
       (SELECT count(*) AS criteria_changed,
          count(DISTINCT unit_code) AS criteria_units,
          count(*) FILTER (status = 'achieved') AS criteria_achieved,
          count(*) FILTER (status = 'not_achieved') AS criteria_not_achieved,
          count(*) FILTER (status = 'in_progress') AS criteria_in_progress,
          count(*) FILTER (status = 'not_due') AS criteria_not_due
        FROM criterion_changes) c
)
SELECT * EXCLUDE (seq) FROM (
  SELECT 'summary' AS grain, 0 AS seq, * FROM summary
  UNION ALL BY NAME
  SELECT 'overdue' AS grain, 1 AS seq, t.task_id, t.doc_no, t.lead_unit, t.title, t.assigned_on, t.due_on, o.state_before
  FROM became_overdue o JOIN tasks t USING (task_id)
  UNION ALL BY NAME
  SELECT 'index' AS grain, 2 AS seq, * FROM own_totals
)
ORDER BY seq, task_id, index_code;
