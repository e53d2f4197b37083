-- Write model of the session service: what commands are validated against, plus the outbox.
CREATE TABLE session (
    id            UUID PRIMARY KEY,
    workspace_id  VARCHAR(64)  NOT NULL,
    title         VARCHAR(200) NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL,
    last_sequence BIGINT       NOT NULL
);
CREATE INDEX session_workspace ON session (workspace_id);

CREATE TABLE step (
    id             UUID PRIMARY KEY,
    session_id     UUID        NOT NULL REFERENCES session (id),
    parent_step_id UUID        REFERENCES step (id),
    instruction    TEXT,
    status         VARCHAR(16) NOT NULL,
    image_key      TEXT,
    image_sha256   CHAR(64),
    image_width    INT,
    image_height   INT,
    image_type     VARCHAR(32),
    image_bytes    BIGINT,
    created_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX step_session ON step (session_id);

-- scope: workspace id, a slash, then the client's key
CREATE TABLE idempotency_key (
    scoped_key     VARCHAR(300) PRIMARY KEY,
    fingerprint    CHAR(64)     NOT NULL,
    status         INT          NOT NULL,
    response       TEXT         NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL
);

CREATE TABLE outbox (
    id           BIGSERIAL PRIMARY KEY,
    event_id     UUID        NOT NULL UNIQUE,
    session_id   UUID        NOT NULL,
    payload      BYTEA       NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    published_at TIMESTAMPTZ
);
CREATE INDEX outbox_unpublished ON outbox (id) WHERE published_at IS NULL;
