-- A pending step's generative call in progress (GenerationStarted): which provider and when the call began, from the
-- event itself so a replay rebuilds the same row; cleared when the step ends (rendered, failed or cancelled).
ALTER TABLE gallery_step ADD COLUMN progress_provider VARCHAR(64);
ALTER TABLE gallery_step ADD COLUMN progress_started_at TIMESTAMPTZ;
