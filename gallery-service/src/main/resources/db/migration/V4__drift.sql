-- Drift of each render against its parent and the original (the worker's measures, as JSON): the studio's drift meter.
ALTER TABLE gallery_step ADD COLUMN drift TEXT;
