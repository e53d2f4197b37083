-- Read model of the gallery: a projection of atelier.session-events, rebuilt by replay.
CREATE TABLE gallery_session (
    id                UUID PRIMARY KEY,
    workspace_id      VARCHAR(64)  NOT NULL,
    title             VARCHAR(200) NOT NULL,
    created_at        TIMESTAMPTZ  NOT NULL,
    updated_at        TIMESTAMPTZ  NOT NULL,
    last_sequence     BIGINT       NOT NULL,
    cover_thumb_key   TEXT
);
CREATE INDEX gallery_session_recent ON gallery_session (workspace_id, created_at DESC);

CREATE TABLE gallery_step (
    id               UUID PRIMARY KEY,
    session_id       UUID        NOT NULL REFERENCES gallery_session (id),
    parent_step_id   UUID,
    sequence         BIGINT      NOT NULL,
    instruction      TEXT,
    status           VARCHAR(16) NOT NULL,
    failure_reason   TEXT,
    failure_hint     TEXT,
    not_understood   TEXT,
    image_key        TEXT,
    image_sha256     CHAR(64),
    image_type       VARCHAR(32),
    image_width      INT,
    image_height     INT,
    image_bytes      BIGINT,
    thumb_key        TEXT,
    thumb_sha256     CHAR(64),
    plan             TEXT,
    engine_version   VARCHAR(64),
    duration_ms      BIGINT,
    requested_at     TIMESTAMPTZ NOT NULL,
    finished_at      TIMESTAMPTZ
);
CREATE INDEX gallery_step_session ON gallery_step (session_id, sequence);

-- Consumer positions, written in the same transaction as the rows they produced.
CREATE TABLE projection_offset (
    topic        VARCHAR(200) NOT NULL,
    partition_no INT          NOT NULL,
    next_offset  BIGINT       NOT NULL,
    PRIMARY KEY (topic, partition_no)
);
