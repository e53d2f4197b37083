-- StepRenamed gives a step a name shown instead of its instruction; StepDeleted hides a leaf step from the
-- tree (its events stay in gallery_event for the audit trail).
ALTER TABLE gallery_step ADD COLUMN name VARCHAR(200);
ALTER TABLE gallery_step ADD COLUMN hidden BOOLEAN NOT NULL DEFAULT FALSE;
