-- online_sources: whether the online services section has data at all (metrics.md: online is null
-- only when neither dossiers nor dossier_stats exists).
-- grain: one row.
-- params: none
-- A table exists when the last load read a file for it (even header-only) or it holds rows.
SELECT
  (SELECT count(*) FROM dossiers) AS dossier_rows,
  (SELECT count(*) FROM dossier_stats) AS stats_rows,
  EXISTS (SELECT 1 FROM meta_files WHERE table_name IN ('dossiers', 'dossier_stats')) AS loaded_from_files
