-- Deleted leaf steps stay in the write model (StepDeleted is in the log), hidden: they cannot be refined,
-- and their parent counts as a leaf again.
ALTER TABLE step ADD COLUMN hidden BOOLEAN NOT NULL DEFAULT FALSE;
