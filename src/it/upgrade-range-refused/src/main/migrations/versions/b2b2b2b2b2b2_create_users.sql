-- create users
--
-- Revision ID: b2b2b2b2b2b2
-- Revises: a1a1a1a1a1a1

-- migrate:upgrade
CREATE TABLE users (id bigint PRIMARY KEY, account_id bigint REFERENCES accounts);

-- migrate:downgrade
DROP TABLE users;
