-- root_province: the province a brief, metrics run or job is about when no unit is given: the one
-- province unit with child units that exists on $end (metrics.md § Scope, data contract).
-- grain: one row per such province (one expected; none or several ask for --unit); sorted by unit_code.
-- params: $end (DATE, the period's end)
-- "Exists on $end" is root_provinces() of queries/shared/definitions.sql: started on or before
-- $end, not ended before it, and not carried to a successor by lineage effective on or before it.
SELECT u.unit_code, u.name, u.short_name, u.kind, u.parent_code
FROM root_provinces(CAST($end AS DATE)) r JOIN units u USING (unit_code)
ORDER BY u.unit_code
