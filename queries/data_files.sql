-- data_files: the files the last load read, for the brief's appendix (schema.ts, meta_files).
-- grain: one row per file; sorted by table_name, file.
-- params: none
SELECT table_name, file, format, rows FROM meta_files ORDER BY table_name, file
