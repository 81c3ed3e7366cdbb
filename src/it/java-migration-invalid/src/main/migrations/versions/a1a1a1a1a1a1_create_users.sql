-- create users
--
-- Revision ID: a1a1a1a1a1a1
-- Revises:

-- migrate:upgrade
CREATE TABLE users (id int PRIMARY KEY, login text NOT NULL, display_name text);
CREATE TABLE backfill_log (id serial PRIMARY KEY, rows_filled int NOT NULL);
INSERT INTO users (id, login) VALUES (1, 'alice'), (2, 'bob');

-- migrate:downgrade
DROP TABLE backfill_log;
DROP TABLE users;
