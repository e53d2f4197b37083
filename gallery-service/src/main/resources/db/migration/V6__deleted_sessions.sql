-- Sessions deleted by SessionDeleted: their rows are gone from gallery_session; this remembers them so a
-- redelivered SessionStarted does not bring one back.
CREATE TABLE gallery_deleted_session (
    id            UUID PRIMARY KEY,
    last_sequence BIGINT NOT NULL
);
