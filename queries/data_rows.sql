-- data_rows: how many rows the last load read per table, for the brief's appendix (meta_files).
-- grain: one row per table that had files; sorted by table_name.
-- params: none
SELECT table_name, CAST(sum(rows) AS BIGINT) AS rows FROM meta_files GROUP BY table_name ORDER BY table_name
