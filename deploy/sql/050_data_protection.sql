-- LabSandbox schema, step 6: the API's ASP.NET Core Data Protection key ring
-- (src/Client.Api/Infrastructure/Security/PostgresXmlRepository.cs).
--
-- The keys that protect the web UI's session cookie and its antiforgery tokens. Every API process of one
-- service (LabSandbox:ServiceId) reads the same rows, so a cookie issued by one replica is accepted by all of
-- them. One row per XML element the key manager stores (a key, or a revocation), keyed by service id and the
-- manager's friendly name (key-<guid>, revocation-…). Rows are written once and never rewritten: the key
-- manager only ever adds elements, and keys expire rather than being deleted.
-- The XML is stored as the key manager hands it over: unencrypted at rest (see docs/security.md), so access to
-- this table must be protected like the sessions it can forge.
-- Idempotent: IF NOT EXISTS everywhere, no data touched.

CREATE TABLE IF NOT EXISTS labsandbox_data_protection_keys
(
    service_id    text        NOT NULL,
    friendly_name text        NOT NULL,
    xml           text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT labsandbox_data_protection_keys_pk PRIMARY KEY (service_id, friendly_name),
    CONSTRAINT labsandbox_data_protection_keys_name_ck CHECK (length(friendly_name) BETWEEN 1 AND 200)
);
