-- Workspaces and their API keys. A key is stored as its prefix (to name it) and the SHA-256 of the
-- whole key (to verify it); the secret itself is shown once at creation and never stored.
CREATE TABLE workspace (
    id         VARCHAR(64) PRIMARY KEY,
    created_at TIMESTAMPTZ NOT NULL
);
-- sessions opened before keys existed keep their workspace, so a key of that workspace reaches them
INSERT INTO workspace (id, created_at) SELECT DISTINCT workspace_id, now() FROM session;

CREATE TABLE api_key (
    prefix       CHAR(8)     PRIMARY KEY,
    key_hash     CHAR(64)    NOT NULL UNIQUE,
    workspace_id VARCHAR(64) NOT NULL REFERENCES workspace (id),
    created_at   TIMESTAMPTZ NOT NULL,
    revoked_at   TIMESTAMPTZ
);
CREATE INDEX api_key_workspace ON api_key (workspace_id);
