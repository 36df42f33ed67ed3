-- definitions: the rules every query file shares, created once in each database — by `cchc load`
-- after the tables are built, and by everything that builds a database from schemaDdl() (tests,
-- bench). Each query file in queries/ calls them, so it still runs alone under `cchc sql`.
-- grain: none (views and table macros; see docs/metrics.md § Shared definitions).
-- params: none (macro arguments are passed by the calling file)
-- Dates may be given as DATE or as 'YYYY-MM-DD' text: each macro casts its date arguments.

-- Lineage edges: the rows of unit_lineage plus the row implied by units.successor_code
-- (unit, successor, valid_to + 1 day). UNION: the same pair given both ways counts once.
CREATE OR REPLACE VIEW unit_edges AS
SELECT from_code, to_code, effective_on FROM unit_lineage
UNION
SELECT unit_code, successor_code, valid_to + 1 FROM units WHERE successor_code IS NOT NULL AND valid_to IS NOT NULL;

-- succ(u, E) for every unit u: a unit with edges effective on or before E stands for the union of
-- its targets' succ, else for itself. One row per (unit_code, to_code). UNION keeps the walk finite
-- even on a hand-made cycle (the loader refuses cycles).
CREATE OR REPLACE MACRO unit_succ(as_of) AS TABLE
WITH RECURSIVE edges AS (
  SELECT from_code, to_code FROM unit_edges WHERE effective_on <= CAST(as_of AS DATE)
),
walk(unit_code, to_code) AS (
  SELECT unit_code, unit_code FROM units
  UNION
  SELECT w.unit_code, e.to_code FROM walk w JOIN edges e ON e.from_code = w.to_code
)
SELECT w.unit_code, w.to_code
FROM walk w
WHERE NOT EXISTS (SELECT 1 FROM edges e WHERE e.from_code = w.to_code);

-- Every unit at E: started (valid_from empty or on or before E), carried (succ ≠ {u}: lineage
-- effective on or before E) and its successors (succ(u, E), sorted).
CREATE OR REPLACE MACRO unit_status(as_of) AS TABLE
SELECT u.unit_code, u.kind, u.parent_code, u.valid_from, u.valid_to,
  u.valid_from IS NULL OR u.valid_from <= CAST(as_of AS DATE) AS started,
  s.successors <> [u.unit_code] AS carried,
  s.successors
FROM units u
JOIN (SELECT unit_code, list_sort(list(to_code)) AS successors FROM unit_succ(as_of) GROUP BY unit_code) s USING (unit_code);

-- The root province at E: a province unit with child units that exists on E (started, not ended,
-- not carried to a successor). A brief without --unit is about it when there is exactly one.
CREATE OR REPLACE MACRO root_provinces(as_of) AS TABLE
SELECT s.unit_code
FROM unit_status(as_of) s
WHERE s.kind = 'province' AND s.started AND NOT s.carried
  AND (s.valid_to IS NULL OR s.valid_to >= CAST(as_of AS DATE))
  AND EXISTS (SELECT 1 FROM units c WHERE c.parent_code = s.unit_code AND c.unit_code <> s.unit_code);

-- The tree below a unit through parent_code, each unit with its branch: the direct child of
-- scope_unit it lies under, or scope_unit itself.
CREATE OR REPLACE MACRO scope_tree(scope_unit) AS TABLE
WITH RECURSIVE tree(unit_code, branch) AS (
  SELECT unit_code, unit_code FROM units WHERE unit_code = scope_unit
  UNION
  SELECT u.unit_code, CASE WHEN t.unit_code = scope_unit THEN u.unit_code ELSE t.branch END
  FROM units u JOIN tree t ON u.parent_code = t.unit_code
)
SELECT unit_code, branch FROM tree;

-- A comma-separated list of unit_codes as rows, each once: the readiness queries take the units of
-- all a job's briefs as one parameter, so a job asks about all its briefs in one query.
CREATE OR REPLACE MACRO listed_units(codes) AS TABLE
SELECT DISTINCT unnest(string_split(codes, ',')) AS root;

-- The units a brief of each of several roots (listed_units) covers for a whole period, for the
-- readiness check: the root and every unit below it (scope_tree) that stood from from_day to to_day.
CREATE OR REPLACE MACRO standing_scope(roots, from_day, to_day) AS TABLE
SELECT r.root, u.unit_code
FROM listed_units(roots) r
CROSS JOIN LATERAL scope_tree(r.root) t
JOIN units u ON u.unit_code = t.unit_code
WHERE (u.valid_from IS NULL OR u.valid_from <= CAST(from_day AS DATE))
  AND (u.valid_to IS NULL OR u.valid_to >= CAST(to_day AS DATE));

-- The children of S = scope_unit that get a by_unit row at E: its direct children that have
-- started by E (valid_from empty or on or before it) and stand for themselves (succ(c, E) = {c}).
-- The scope unit's own row and the split row are added by each section when they count something.
CREATE OR REPLACE MACRO scope_children(scope_unit, as_of) AS TABLE
SELECT s.unit_code
FROM unit_status(as_of) s
WHERE s.parent_code = scope_unit AND s.unit_code <> scope_unit AND s.started AND NOT s.carried;

-- How each unit's rows stand towards the scope S = scope_unit at E, from succ(u, E):
--   inside: every unit of succ(u, E) is S or below S (the rows count in S);
--   split:  some but not all are (the rows are left out of S, and u is named in lineage.split_units);
--   branch: the by_unit row the rows count in — the child of S (or S itself) that holds every unit
--           of succ(u, E) when that child has a by_unit row, else NULL (successors spread over
--           several children: the "split" by_unit row);
--   successors: succ(u, E), sorted.
CREATE OR REPLACE MACRO scope_lineage(scope_unit, as_of) AS TABLE
WITH placed AS (
  SELECT s.unit_code, s.to_code, t.branch, t.unit_code IS NOT NULL AS below
  FROM unit_succ(as_of) s LEFT JOIN scope_tree(scope_unit) t ON t.unit_code = s.to_code
),
per_unit AS (
  SELECT unit_code,
    bool_and(below) AS inside,
    bool_or(below) AND NOT bool_and(below) AS split,
    CASE WHEN count(DISTINCT branch) = 1 AND bool_and(below) THEN min(branch) END AS held_by,
    list_sort(list(to_code)) AS successors
  FROM placed
  GROUP BY unit_code
)
SELECT p.unit_code, p.inside, p.split,
  CASE WHEN p.held_by = scope_unit OR p.held_by IN (SELECT unit_code FROM scope_children(scope_unit, as_of))
       THEN p.held_by END AS branch,
  p.successors
FROM per_unit p;

-- The units whose rows count in scope_unit at E, with their by_unit branch (see scope_lineage).
CREATE OR REPLACE MACRO scope_units(scope_unit, as_of) AS TABLE
SELECT unit_code, branch FROM scope_lineage(scope_unit, as_of) WHERE inside;

-- Tasks as of D: the universe (assigned on or before D, not cancelled by D), each task in exactly
-- one state, and due_soon: in progress and due within soon_days days after D.
CREATE OR REPLACE MACRO task_states(as_of, soon_days) AS TABLE
SELECT t.*,
  CASE
    WHEN t.completed_on <= CAST(as_of AS DATE) THEN
      CASE WHEN t.due_on IS NULL OR t.completed_on <= t.due_on THEN 'done_on_time' ELSE 'done_late' END
    WHEN t.due_on < CAST(as_of AS DATE) THEN 'overdue'
    ELSE 'in_progress'
  END AS state,
  coalesce(t.completed_on > CAST(as_of AS DATE), true)
    AND t.due_on > CAST(as_of AS DATE)
    AND t.due_on <= CAST(as_of AS DATE) + CAST(soon_days AS INTEGER) AS due_soon
FROM tasks t
WHERE t.assigned_on <= CAST(as_of AS DATE)
  AND (t.cancelled_on IS NULL OR t.cancelled_on > CAST(as_of AS DATE));

-- The PAR criteria grid of the year of D, as of D: one row per (assessed unit of the scope,
-- criterion of the year). An assessed unit has a result of that year assessed on or before D; each
-- criterion counts by its latest such result, else with 0 points as not_due when due after D and
-- in_progress otherwise. Empty points count 0.
CREATE OR REPLACE MACRO criteria_grid(scope_unit, as_of) AS TABLE
WITH results AS (
  SELECT r.*
  FROM criteria_results r JOIN scope_units(scope_unit, as_of) s ON s.unit_code = r.unit_code
  WHERE r.year = year(CAST(as_of AS DATE)) AND r.assessed_on <= CAST(as_of AS DATE)
),
latest AS (
  SELECT * FROM results
  QUALIFY row_number() OVER (PARTITION BY unit_code, criterion_code ORDER BY assessed_on DESC) = 1
)
SELECT e.unit_code, c.criterion_code, c.area, c.max_points,
  coalesce(l.status, CASE WHEN c.due_on > CAST(as_of AS DATE) THEN 'not_due' ELSE 'in_progress' END) AS status,
  coalesce(l.points, 0) AS points
FROM (SELECT DISTINCT unit_code FROM results) e
CROSS JOIN criteria c
LEFT JOIN latest l ON l.unit_code = e.unit_code AND l.criterion_code = c.criterion_code
WHERE c.year = year(CAST(as_of AS DATE));

-- Index scores dated on or before D, every unit, ranked. A period YYYY is dated 31 December,
-- YYYY-MM the last day of its month. An empty published rank is computed among the units of the
-- same kind scored for that index, period and component (higher is better, ties share the best
-- rank; rank_of = how many were ranked). peer_median and peer_count describe that same group.
CREATE OR REPLACE MACRO index_ranked(as_of) AS TABLE
WITH dated AS (
  SELECT sc.*, u.kind,
    CASE WHEN length(sc.period) = 4 THEN make_date(CAST(sc.period AS INTEGER), 12, 31)
         ELSE last_day(CAST(sc.period || '-01' AS DATE)) END AS period_end
  FROM index_scores sc JOIN units u USING (unit_code)
)
SELECT *,
  coalesce(rank, CAST(rank() OVER (PARTITION BY index_code, period, component, kind ORDER BY score DESC) AS INTEGER))
    AS eff_rank,
  CASE WHEN rank IS NULL THEN CAST(count(*) OVER peers AS INTEGER) ELSE rank_of END AS eff_rank_of,
  rank IS NULL AS rank_computed,
  median(score) OVER peers AS peer_median,
  CAST(count(*) OVER peers AS INTEGER) AS peer_count
FROM dated
WHERE period_end <= CAST(as_of AS DATE)
WINDOW peers AS (PARTITION BY index_code, period, component, kind);

-- Dossier and dossier_stats figures of one date range, per unit and month (YYYY-MM): dossiers
-- count as received by received_on and as resolved by resolved_on, dossier_stats by month. The
-- *_fully_known counts are the received rows that carry a fully-online value (dossiers with
-- fully_online not empty, dossier_stats with received_fully_online not empty). resolution_days
-- adds up the calendar days from received_on to resolved_on of the dossiers resolved. Each
-- side is a plain date range the scan filters on (zone maps skip other dates), grouped before any
-- join, so what follows sees hundreds of rows, not every dossier. The month is grouped on as the
-- integer YYYYMM and written as text after: grouping on date_trunc('month', …), a timestamp, took
-- three times as long on 800k dossiers.
CREATE OR REPLACE MACRO online_cells(from_day, to_day) AS TABLE
SELECT unit_code, printf('%04d-%02d', ym // 100, ym % 100) AS month, * EXCLUDE (unit_code, ym) FROM (
  SELECT unit_code, year(received_on) * 100 + month(received_on) AS ym,
    count(*) AS received_records,
    count(*) FILTER (channel = 'online') AS received_online_records,
    count(*) FILTER (online_eligible) AS received_eligible,
    count(*) FILTER (online_eligible AND channel = 'online') AS received_online_eligible,
    count(*) FILTER (fully_online IS NOT NULL) AS received_fully_known_records,
    count(*) FILTER (fully_online) AS received_fully_online_records
  FROM dossiers
  WHERE received_on BETWEEN CAST(from_day AS DATE) AND CAST(to_day AS DATE)
  GROUP BY ALL)
UNION ALL BY NAME
SELECT unit_code, printf('%04d-%02d', ym // 100, ym % 100) AS month, * EXCLUDE (unit_code, ym) FROM (
  SELECT unit_code, year(resolved_on) * 100 + month(resolved_on) AS ym,
    count(*) AS resolved_records,
    count(*) FILTER (due_on IS NULL OR resolved_on <= due_on) AS resolved_on_time_records,
    count(*) FILTER (paid_online) AS paid_online,
    sum(resolved_on - received_on) AS resolution_days
  FROM dossiers
  WHERE resolved_on BETWEEN CAST(from_day AS DATE) AND CAST(to_day AS DATE)
  GROUP BY ALL)
UNION ALL BY NAME
SELECT unit_code, month,
  count(*) AS stats_rows,
  sum(received) AS stats_received,
  sum(received_online) AS stats_received_online,
  sum(resolved) AS stats_resolved,
  sum(resolved_on_time) AS stats_resolved_on_time,
  sum(received) FILTER (received_fully_online IS NOT NULL) AS stats_received_fully_known,
  sum(received_fully_online) AS stats_received_fully_online
FROM dossier_stats
WHERE month BETWEEN strftime(CAST(from_day AS DATE), '%Y-%m') AND strftime(CAST(to_day AS DATE), '%Y-%m')
GROUP BY ALL;
