-- LabSandbox schema, step 5: heavy artifact bytes (the PostgreSQL artifact store, src/Silo/Artifacts).
--
-- Content-addressed: labsandbox_artifact_content holds each distinct byte string once, keyed by the
-- lower-case hex SHA-256 of its bytes; labsandbox_artifact_ref says which artifact file (service id +
-- artifact id + file name) points at which content. Two artifacts with identical bytes share one content
-- row. References are per service, like grain state: artifact ids derive from run specs and are the
-- same on every cluster (INV-7), so two services sharing a database must not share references (one's
-- retention would otherwise take the other's bytes); they still share identical content.
-- The foreign key (NO ACTION) is what makes deletes safe under concurrency: a content row is deleted
-- only when no reference is left, and a delete that races a new reference fails the key check instead
-- of removing bytes someone still points at (the store catches that and keeps the row).
-- Idempotent: IF NOT EXISTS everywhere, no data touched.

CREATE TABLE IF NOT EXISTS labsandbox_artifact_content
(
    sha256     text        NOT NULL,
    size_bytes bigint      NOT NULL,
    content    bytea       NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT labsandbox_artifact_content_pk PRIMARY KEY (sha256),
    CONSTRAINT labsandbox_artifact_content_sha256_ck CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    CONSTRAINT labsandbox_artifact_content_size_ck CHECK (size_bytes = octet_length(content))
);

CREATE TABLE IF NOT EXISTS labsandbox_artifact_ref
(
    service_id  text        NOT NULL,
    artifact_id text        NOT NULL,
    file_name   text        NOT NULL,
    sha256      text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT labsandbox_artifact_ref_pk PRIMARY KEY (service_id, artifact_id, file_name),
    CONSTRAINT labsandbox_artifact_ref_content_fk FOREIGN KEY (sha256) REFERENCES labsandbox_artifact_content (sha256)
);

-- "Is this content still referenced?" on every delete.
CREATE INDEX IF NOT EXISTS labsandbox_artifact_ref_sha256_ix ON labsandbox_artifact_ref (sha256);
