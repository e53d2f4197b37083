-- Each workspace's brand kit is its log of kit events; the kit row holds the version reached and is the
-- lock a change takes, so versions are gap-free per workspace.
CREATE TABLE kit (
    workspace_id VARCHAR(64) PRIMARY KEY,
    version      BIGINT      NOT NULL
);

CREATE TABLE kit_event (
    workspace_id VARCHAR(64) NOT NULL,
    version      BIGINT      NOT NULL,
    event_id     UUID        NOT NULL UNIQUE,
    payload      TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (workspace_id, version)
);
