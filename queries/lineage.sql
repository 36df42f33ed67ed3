-- lineage: the units whose rows a scope takes over or leaves out at the period's end E
-- (metrics.md § Unit history and lineage; metrics.json `lineage`).
-- grain: one row per unit and kind, sorted by kind (carried, split), then unit_code:
--        'carried': a unit whose rows count in $unit and whose succ(u, E) is not {u} (merged,
--                   divided, renamed or moved before E), with to_codes = succ(u, E), sorted;
--        'split': a unit some but not all of whose successors lie in $unit's tree: its rows are
--                 left out of the scope (listed whether or not it has rows).
-- params: $unit (unit_code of the scope), $end (DATE, E)
-- Both come from scope_lineage() of queries/shared/definitions.sql.
SELECT 'carried' AS kind, unit_code, successors AS to_codes
FROM scope_lineage($unit, CAST($end AS DATE))
WHERE inside AND successors <> [unit_code]
UNION ALL
SELECT 'split', unit_code, successors
FROM scope_lineage($unit, CAST($end AS DATE))
WHERE split
ORDER BY kind, unit_code
