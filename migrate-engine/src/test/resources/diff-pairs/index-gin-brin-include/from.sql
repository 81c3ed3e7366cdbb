CREATE TABLE events (id bigint PRIMARY KEY, payload jsonb, tags text[], at timestamptz, kind text);
