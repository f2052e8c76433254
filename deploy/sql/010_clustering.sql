-- LabSandbox schema, step 2: Orleans membership (ADO.NET clustering provider, 10.4.x semantics).
--
-- One version row per cluster (DeploymentId = ClusterOptions.ClusterId) is the optimistic-concurrency
-- token of the whole membership table: every successful insert/update of a silo row moves it by
-- exactly +1 in the same statement (compare-and-set), nothing else touches it. Silo rows are keyed by
-- the silo incarnation (address, port, generation). Times are timestamptz: Npgsql sends UTC
-- DateTimes as timestamptz and a `timestamp` column would shift them by the session time zone.
--
-- Every write below is a single SQL statement, so the version bump and the row change commit
-- together or not at all without relying on PL/pgSQL or ASSERT.

CREATE TABLE IF NOT EXISTS orleans_membership_version
(
    deployment_id text        NOT NULL,
    version       integer     NOT NULL DEFAULT 0,
    changed_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT orleans_membership_version_pk PRIMARY KEY (deployment_id),
    -- Orleans rejects etags that are not canonical non-negative decimals.
    CONSTRAINT orleans_membership_version_nonnegative CHECK (version >= 0)
);

CREATE TABLE IF NOT EXISTS orleans_membership_silo
(
    deployment_id   text        NOT NULL,
    address         text        NOT NULL, -- IPAddress.ToString(); not inet, Orleans reads it as a string
    port            integer     NOT NULL,
    generation      integer     NOT NULL,
    silo_name       text        NOT NULL,
    host_name       text        NOT NULL,
    status          integer     NOT NULL, -- SiloStatus: 3 Active, 6 Dead
    proxy_port      integer     NOT NULL, -- 0 = no gateway
    suspect_times   text        NULL,     -- opaque, must round-trip byte for byte
    start_time      timestamptz NOT NULL,
    i_am_alive_time timestamptz NOT NULL,
    CONSTRAINT orleans_membership_silo_pk PRIMARY KEY (deployment_id, address, port, generation),
    CONSTRAINT orleans_membership_silo_version_fk FOREIGN KEY (deployment_id)
        REFERENCES orleans_membership_version (deployment_id)
);

INSERT INTO orleansquery (querykey, querytext) VALUES

-- Every silo runs this at every start, concurrently: insert-if-absent, report whether it inserted.
('InsertMembershipVersionKey', $q$
WITH created AS (
    INSERT INTO orleans_membership_version (deployment_id, version)
    VALUES (@DeploymentId, 0)
    ON CONFLICT (deployment_id) DO NOTHING
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM created);
$q$),

-- One statement = one snapshot: the version and every member (Dead included) are consistent.
-- With no members the outer join still yields the single "version only" row (NULL StartTime).
('MembershipReadAllKey', $q$
SELECT v.version           AS "Version",
       s.address           AS "Address",
       s.port              AS "Port",
       s.generation        AS "Generation",
       s.silo_name         AS "SiloName",
       s.host_name         AS "HostName",
       s.status            AS "Status",
       s.proxy_port        AS "ProxyPort",
       s.suspect_times     AS "SuspectTimes",
       s.start_time        AS "StartTime",
       s.i_am_alive_time   AS "IAmAliveTime"
FROM orleans_membership_version v
LEFT JOIN orleans_membership_silo s ON s.deployment_id = v.deployment_id
WHERE v.deployment_id = @DeploymentId;
$q$),

-- Exactly one row: the version, plus the silo's columns when that incarnation exists.
('MembershipReadRowKey', $q$
SELECT v.version           AS "Version",
       s.address           AS "Address",
       s.port              AS "Port",
       s.generation        AS "Generation",
       s.silo_name         AS "SiloName",
       s.host_name         AS "HostName",
       s.status            AS "Status",
       s.proxy_port        AS "ProxyPort",
       s.suspect_times     AS "SuspectTimes",
       s.start_time        AS "StartTime",
       s.i_am_alive_time   AS "IAmAliveTime"
FROM orleans_membership_version v
LEFT JOIN orleans_membership_silo s
       ON s.deployment_id = v.deployment_id
      AND s.address = @Address
      AND s.port = @Port
      AND s.generation = @Generation
WHERE v.deployment_id = @DeploymentId;
$q$),

-- Version CAS and insert in one statement. The bump only happens when the incarnation is new, so a
-- duplicate leaves the version alone; a racing duplicate that slips past the check hits the primary
-- key, the statement fails and the bump rolls back with it. SuspectTimes is not bound in 10.4.2.
('InsertMembershipKey', $q$
WITH bumped AS (
    UPDATE orleans_membership_version
       SET version = version + 1, changed_at = now()
     WHERE deployment_id = @DeploymentId
       AND version = @Version
       AND version < 2147483647
       AND NOT EXISTS (SELECT 1 FROM orleans_membership_silo
                        WHERE deployment_id = @DeploymentId AND address = @Address
                          AND port = @Port AND generation = @Generation)
    RETURNING deployment_id
), inserted AS (
    INSERT INTO orleans_membership_silo
        (deployment_id, address, port, generation, silo_name, host_name, status, proxy_port,
         suspect_times, start_time, i_am_alive_time)
    SELECT b.deployment_id, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort,
           NULL, @StartTime, @IAmAliveTime
      FROM bumped b
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM inserted);
$q$),

-- The silo row is locked first, then the version is CAS-bumped only if that row exists, then the
-- row is updated: no bump without a row change, even if a cleanup deletes the row concurrently.
-- Every writer locks silo row before version row, so writers cannot deadlock on each other.
('UpdateMembershipKey', $q$
WITH target AS (
    SELECT deployment_id
      FROM orleans_membership_silo
     WHERE deployment_id = @DeploymentId AND address = @Address
       AND port = @Port AND generation = @Generation
       FOR UPDATE
), bumped AS (
    UPDATE orleans_membership_version v
       SET version = v.version + 1, changed_at = now()
      FROM target t
     WHERE v.deployment_id = t.deployment_id
       AND v.version = @Version
       AND v.version < 2147483647
    RETURNING v.deployment_id
), updated AS (
    UPDATE orleans_membership_silo s
       SET status = @Status,
           suspect_times = @SuspectTimes,
           i_am_alive_time = GREATEST(s.i_am_alive_time, @IAmAliveTime)
      FROM bumped b
     WHERE s.deployment_id = b.deployment_id AND s.address = @Address
       AND s.port = @Port AND s.generation = @Generation
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM updated);
$q$),

-- Heartbeat: never touches the version, never moves the time backwards, no result.
('UpdateIAmAlivetimeKey', $q$
UPDATE orleans_membership_silo
   SET i_am_alive_time = GREATEST(i_am_alive_time, @IAmAliveTime)
 WHERE deployment_id = @DeploymentId AND address = @Address
   AND port = @Port AND generation = @Generation;
$q$),

-- Clients: Active silos that actually run a gateway (a 0 proxy port is not reachable).
('GatewaysQueryKey', $q$
SELECT address AS "Address", proxy_port AS "ProxyPort", generation AS "Generation"
  FROM orleans_membership_silo
 WHERE deployment_id = @DeploymentId AND status = @Status AND proxy_port > 0;
$q$),

-- Tooling/tests: forget a cluster entirely. Silo rows first because of the foreign key; one batch
-- is one implicit transaction.
('DeleteMembershipTableEntriesKey', $q$
DELETE FROM orleans_membership_silo WHERE deployment_id = @DeploymentId;
DELETE FROM orleans_membership_version WHERE deployment_id = @DeploymentId;
$q$),

-- Bulk cleanup, used only when CleanupDefunctSiloEntryKey is absent: only Dead rows, quiet since
-- before the cutoff, without suspicion votes. Active rows and the version are never touched.
('CleanupDefunctSiloEntriesKey', $q$
DELETE FROM orleans_membership_silo
 WHERE deployment_id = @DeploymentId
   AND status = 6
   AND i_am_alive_time < @IAmAliveTime
   AND start_time < @IAmAliveTime
   AND COALESCE(suspect_times, '') = '';
$q$),

-- Per-row cleanup (10.4.x, preferred by the provider when present): Orleans selected the row from
-- a ReadAll; delete it only if it is still exactly as read. NULL and '' suspect times are equal
-- because Orleans re-sends "no votes" as NULL.
('CleanupDefunctSiloEntryKey', $q$
DELETE FROM orleans_membership_silo
 WHERE deployment_id = @DeploymentId
   AND address = @Address AND port = @Port AND generation = @Generation
   AND status = 6
   AND start_time = @StartTime
   AND i_am_alive_time = @IAmAliveTime
   AND COALESCE(suspect_times, '') = COALESCE(@SuspectTimes, '');
$q$)

ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext
    WHERE orleansquery.querytext IS DISTINCT FROM EXCLUDED.querytext;
