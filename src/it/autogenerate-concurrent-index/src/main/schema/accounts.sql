CREATE TABLE accounts (id bigint PRIMARY KEY, name text NOT NULL);
CREATE INDEX accounts_name_idx ON accounts (name);
