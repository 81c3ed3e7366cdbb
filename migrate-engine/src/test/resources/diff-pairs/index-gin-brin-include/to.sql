CREATE TABLE events (id bigint PRIMARY KEY, payload jsonb, tags text[], at timestamptz, kind text);
CREATE INDEX events_payload ON events USING gin (payload jsonb_path_ops);
CREATE INDEX events_tags ON events USING gin (tags);
CREATE INDEX events_at ON events USING brin (at);
CREATE UNIQUE INDEX events_kind ON events (kind) INCLUDE (at) NULLS NOT DISTINCT;
