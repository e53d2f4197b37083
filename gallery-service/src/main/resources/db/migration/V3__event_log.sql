-- Every applied event as it was on the log, for the audit trail (GET /api/sessions/{id}/audit).
CREATE TABLE gallery_event (
    session_id   UUID         NOT NULL,
    sequence     BIGINT       NOT NULL,
    event_id     UUID         NOT NULL,
    type         VARCHAR(64)  NOT NULL,
    occurred_at  TIMESTAMPTZ  NOT NULL,
    actor        VARCHAR(200) NOT NULL,
    event        TEXT         NOT NULL,
    -- when the projection applied it (its transaction's start): a replay's event rate; not part of a replay comparison
    projected_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (session_id, sequence)
);

-- The events applied before this table existed are not in it: rebuild the read model from the log
-- (infinite retention; the projector starts from offset 0 when it has no stored positions).
DELETE FROM gallery_step;
DELETE FROM gallery_session;
DELETE FROM projection_offset;
