-- unit_at: where one unit stands on a date, to refuse a scope that does not exist then
-- (metrics.md § Unit history and lineage).
-- grain: one row for $unit (none when it is not in units).
-- params: $unit (unit_code), $end (DATE, the period's end E)
-- started: valid_from empty or on or before E; carried: lineage effective on or before E, with
-- successors = succ($unit, E) and ended_on its valid_to, else the day before its first lineage
-- row; predecessors: the units whose lineage leads straight to $unit, for the hint of a unit that
-- has not started by E. Dates in DD/MM/YYYY, as messages show them; valid_from as a DATE too, for
-- the first period the unit stands in.
SELECT s.unit_code, s.started, s.carried, s.successors, s.valid_from,
  strftime(s.valid_from, '%d/%m/%Y') AS starts_on,
  strftime(coalesce(s.valid_to, (SELECT min(e.effective_on) FROM unit_edges e WHERE e.from_code = $unit) - 1), '%d/%m/%Y')
    AS ended_on,
  (SELECT list_sort(list(DISTINCT e.from_code)) FROM unit_edges e WHERE e.to_code = $unit) AS predecessors
FROM unit_status(CAST($end AS DATE)) s
WHERE s.unit_code = $unit
