-- unit_at: where one unit stands on a date, to refuse a scope that does not exist then
-- (metrics.md § Unit history and lineage).
-- grain: one row for $unit (none when it is not in units).
-- params: $unit (unit_code), $end (DATE, the period's end)
-- started: valid_from empty or on or before $end; carried: lineage effective on or before $end;
-- successors: succ($unit, $end); predecessors: units whose lineage leads straight to $unit, for
-- the hint of a unit that has not started yet. Dates in D/M/Y with two digits, as messages show them.
SELECT s.unit_code, s.started, s.carried, s.successors,
  strftime(s.valid_from, '%d/%m/%Y') AS valid_from_dmy,
  strftime(s.valid_to, '%d/%m/%Y') AS valid_to_dmy,
  (SELECT list_sort(list(DISTINCT e.from_code)) FROM unit_edges e WHERE e.to_code = $unit) AS predecessors
FROM unit_status(CAST($end AS DATE)) s
WHERE s.unit_code = $unit
