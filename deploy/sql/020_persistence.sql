-- LabSandbox schema, step 3: Orleans grain storage (ADO.NET persistence provider).
--
-- One row per (service, state name, grain key). The natural key is
-- (service_id, grain_type_string, n0, n1, extension) where grain_type_string is the *state name*
-- ("state" for Grain<T>, the [PersistentState] name otherwise) and a string grain key lives in the
-- extension column. It is enforced UNIQUE NULLS NOT DISTINCT so that a NULL extension (integer and
-- Guid keys) is still unique, which both keeps reads to one row and makes concurrent first writes
-- collide instead of inserting twice.
--
-- The hashes Orleans sends are stored for diagnostics but not used to find rows: lookups go through
-- the natural key, so changing the hasher later never strands old rows.
-- `version` is the grain's ETag; a cleared row keeps it (payload NULL) so the next write continues.

CREATE TABLE IF NOT EXISTS orleans_storage
(
    service_id        text        NOT NULL,
    grain_type_string text        NOT NULL,
    grain_id_n0       bigint      NOT NULL,
    grain_id_n1       bigint      NOT NULL,
    grain_id_ext      text        NULL,
    grain_id_hash     integer     NOT NULL,
    grain_type_hash   integer     NOT NULL,
    payload           bytea       NULL,
    version           integer     NOT NULL,
    modified_on       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT orleans_storage_natural_key
        UNIQUE NULLS NOT DISTINCT (service_id, grain_type_string, grain_id_n0, grain_id_n1, grain_id_ext)
);

-- The extension is matched as `ext = @p OR (ext IS NULL AND @p IS NULL)` rather than
-- IS NOT DISTINCT FROM: with the parameter known at planning time the OR folds to a plain equality,
-- which the natural-key index can use (IS NOT DISTINCT FROM is never indexable, and all string keys
-- share n0 = n1 = 0).

INSERT INTO orleansquery (querykey, querytext) VALUES

-- 0 or 1 row; a NULL payload means "cleared": no record, but the ETag survives.
('ReadFromStorageKey', $q$
SELECT payload AS "PayloadBinary", version AS "Version"
  FROM orleans_storage
 WHERE service_id = @ServiceId
   AND grain_type_string = @GrainTypeString
   AND grain_id_n0 = @GrainIdN0
   AND grain_id_n1 = @GrainIdN1
   AND (grain_id_ext = @GrainIdExtensionString
        OR (grain_id_ext IS NULL AND @GrainIdExtensionString IS NULL));
$q$),

-- Always exactly one row. ETag null: insert version 1 unless the row exists (the unique key makes
-- the loser of a race insert nothing). ETag v: CAS v -> v + 1. Anything that did not write yields
-- NULL, which Orleans turns into InconsistentStateException; a stale version never resurrects a row.
('WriteToStorageKey', $q$
WITH updated AS (
    UPDATE orleans_storage
       SET payload = @PayloadBinary, version = version + 1, modified_on = now()
     WHERE @GrainStateVersion IS NOT NULL
       AND version = @GrainStateVersion
       AND service_id = @ServiceId
       AND grain_type_string = @GrainTypeString
       AND grain_id_n0 = @GrainIdN0
       AND grain_id_n1 = @GrainIdN1
       AND (grain_id_ext = @GrainIdExtensionString
            OR (grain_id_ext IS NULL AND @GrainIdExtensionString IS NULL))
    RETURNING version
), inserted AS (
    INSERT INTO orleans_storage
        (service_id, grain_type_string, grain_id_n0, grain_id_n1, grain_id_ext,
         grain_id_hash, grain_type_hash, payload, version)
    SELECT @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, @GrainIdExtensionString,
           @GrainIdHash, @GrainTypeHash, @PayloadBinary, 1
     WHERE @GrainStateVersion IS NULL
    ON CONFLICT ON CONSTRAINT orleans_storage_natural_key DO NOTHING
    RETURNING version
)
SELECT (SELECT version FROM updated
        UNION ALL
        SELECT version FROM inserted
        LIMIT 1) AS "NewGrainStateVersion";
$q$),

-- Default clear: keep the row with a NULL payload and bump the version, so the ETag keeps moving
-- forward. No row back on a version mismatch.
('ClearStorageKey', $q$
UPDATE orleans_storage
   SET payload = NULL, version = version + 1, modified_on = now()
 WHERE version = @GrainStateVersion
   AND service_id = @ServiceId
   AND grain_type_string = @GrainTypeString
   AND grain_id_n0 = @GrainIdN0
   AND grain_id_n1 = @GrainIdN1
   AND (grain_id_ext = @GrainIdExtensionString
        OR (grain_id_ext IS NULL AND @GrainIdExtensionString IS NULL))
RETURNING version;
$q$),

-- DeleteStateOnClear = true: remove the row. The returned value must differ from the sent ETag
-- (equal would read as a conflict), hence deleted version + 1.
('DeleteStorageKey', $q$
DELETE FROM orleans_storage
 WHERE version = @GrainStateVersion
   AND service_id = @ServiceId
   AND grain_type_string = @GrainTypeString
   AND grain_id_n0 = @GrainIdN0
   AND grain_id_n1 = @GrainIdN1
   AND (grain_id_ext = @GrainIdExtensionString
        OR (grain_id_ext IS NULL AND @GrainIdExtensionString IS NULL))
RETURNING version + 1;
$q$)

ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext
    WHERE orleansquery.querytext IS DISTINCT FROM EXCLUDED.querytext;
