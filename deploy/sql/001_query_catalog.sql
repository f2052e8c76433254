-- LabSandbox schema, step 1: the query catalog the Orleans ADO.NET providers read at start-up.
--
-- The providers run the literal, unquoted `SELECT QueryKey, QueryText FROM OrleansQuery`, which
-- PostgreSQL folds to lower case: the table and its columns must therefore be created unquoted.
-- The key is the primary key because clustering and reminders build a dictionary from all rows and
-- a duplicate key would break silo start-up. `text`, never `char(n)`: padding would change the keys.
--
-- Re-runnable: every statement is IF NOT EXISTS; the area scripts upsert their own rows.

CREATE TABLE IF NOT EXISTS orleansquery
(
    querykey  varchar(64) NOT NULL,
    querytext text        NOT NULL,
    CONSTRAINT orleansquery_pk PRIMARY KEY (querykey)
);

COMMENT ON TABLE orleansquery IS
    'SQL texts run by the Orleans ADO.NET providers, one row per operation key. Silos cache them: restart after changes.';
