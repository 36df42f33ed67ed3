-- data_load: when and from where the database was loaded (schema.ts, meta_load).
-- grain: one row per load recorded (normally one); latest first.
-- params: none
SELECT loaded_at, data_dir, fingerprint, tool_version, sample FROM meta_load ORDER BY loaded_at DESC
