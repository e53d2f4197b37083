-- The hops of a step's path as the log's records carried them (accepted, published, renderStarted, rendered, recorded,
-- outcomePublished: instants, JSON), for the step's "timings". From the records' headers, so a replay rebuilds them.
ALTER TABLE gallery_step ADD COLUMN timings TEXT;
