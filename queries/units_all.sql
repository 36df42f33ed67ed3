-- units_all: every unit, to resolve and suggest scope codes (metrics.md § Scope).
-- grain: one row per unit, with how many units name it as parent; sorted by unit_code.
-- params: none
SELECT u.unit_code, u.name, u.short_name, u.kind, u.parent_code,
  (SELECT count(*) FROM units c WHERE c.parent_code = u.unit_code AND c.unit_code <> u.unit_code) AS children
FROM units u
ORDER BY u.unit_code
