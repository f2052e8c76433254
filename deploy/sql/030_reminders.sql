-- LabSandbox schema, step 4: Orleans reminders (ADO.NET reminder provider).
--
-- One row per (service, grain, reminder name). grain_hash is GrainId.GetUniformHashCode() cast to a
-- *signed* int4 exactly as Orleans sends it; Orleans picks the range query with a signed comparison,
-- so storing and comparing signed keeps ring ranges correct (the cast only rotates the ring).
-- The period is bigint: periods over ~24.8 days arrive as bigint. The version is the etag and the
-- compare-and-set token for removal.

CREATE TABLE IF NOT EXISTS orleans_reminders
(
    service_id    text        NOT NULL,
    grain_id      text        NOT NULL, -- GrainId.ToString(), parsed back verbatim
    reminder_name text        NOT NULL,
    start_time    timestamptz NOT NULL,
    period_ms     bigint      NOT NULL,
    grain_hash    integer     NOT NULL,
    version       integer     NOT NULL,
    CONSTRAINT orleans_reminders_pk PRIMARY KEY (service_id, grain_id, reminder_name)
);

-- Serves the ring-range reads every reminder service runs for its share of the ring.
CREATE INDEX IF NOT EXISTS orleans_reminders_ring_ix ON orleans_reminders (service_id, grain_hash);

INSERT INTO orleansquery (querykey, querytext) VALUES

('ReadReminderRowsKey', $q$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
       period_ms AS "Period", version AS "Version"
  FROM orleans_reminders
 WHERE service_id = @ServiceId AND grain_id = @GrainId;
$q$),

('ReadReminderRowKey', $q$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
       period_ms AS "Period", version AS "Version"
  FROM orleans_reminders
 WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName;
$q$),

-- Non-wrapping range (begin < end, signed): (begin, end].
('ReadRangeRows1Key', $q$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
       period_ms AS "Period", version AS "Version"
  FROM orleans_reminders
 WHERE service_id = @ServiceId AND grain_hash > @BeginHash AND grain_hash <= @EndHash;
$q$),

-- Wrapping range (begin >= end, signed): (begin, max] + [min, end]; begin = end is the whole ring.
('ReadRangeRows2Key', $q$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
       period_ms AS "Period", version AS "Version"
  FROM orleans_reminders
 WHERE service_id = @ServiceId AND (grain_hash > @BeginHash OR grain_hash <= @EndHash);
$q$),

-- Atomic upsert (no duplicate-key error under concurrency): new rows start at version 0, every
-- overwrite bumps it, so each returned etag is new for that reminder.
('UpsertReminderRowKey', $q$
INSERT INTO orleans_reminders
    (service_id, grain_id, reminder_name, start_time, period_ms, grain_hash, version)
VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
ON CONFLICT ON CONSTRAINT orleans_reminders_pk DO UPDATE
   SET start_time = EXCLUDED.start_time,
       period_ms = EXCLUDED.period_ms,
       grain_hash = EXCLUDED.grain_hash,
       version = orleans_reminders.version + 1
RETURNING version AS "Version";
$q$),

-- Exactly one boolean row: true only if that reminder was deleted at that etag.
('DeleteReminderRowKey', $q$
WITH deleted AS (
    DELETE FROM orleans_reminders
     WHERE service_id = @ServiceId AND grain_id = @GrainId
       AND reminder_name = @ReminderName AND version = @Version
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM deleted);
$q$),

('DeleteReminderRowsKey', $q$
DELETE FROM orleans_reminders WHERE service_id = @ServiceId;
$q$)

ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext
    WHERE orleansquery.querytext IS DISTINCT FROM EXCLUDED.querytext;
