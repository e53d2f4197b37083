-- Provenance of a step painted by a generative engine (provider, model, request id, usage, committed mask), and where its mask is stored.
ALTER TABLE gallery_step ADD COLUMN generated TEXT;
ALTER TABLE gallery_step ADD COLUMN mask_key VARCHAR(512);
ALTER TABLE gallery_step ADD COLUMN mask_sha256 VARCHAR(64);
