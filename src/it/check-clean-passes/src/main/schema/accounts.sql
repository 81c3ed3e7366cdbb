CREATE TABLE accounts (id bigint PRIMARY KEY, name text NOT NULL, email text);
CREATE UNIQUE INDEX accounts_email_key ON accounts (email);
