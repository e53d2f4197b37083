-- What an outbox row hands on to the record it becomes: the W3C trace context of the command (or outcome) that wrote
-- it and the step's hop timings so far (platform CarriedHeaders, as JSON). Null for rows written before this column.
ALTER TABLE outbox ADD COLUMN carried TEXT;
