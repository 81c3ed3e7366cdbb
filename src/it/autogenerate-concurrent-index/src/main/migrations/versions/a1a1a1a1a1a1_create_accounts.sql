-- create accounts
--
-- Revision ID: a1a1a1a1a1a1
-- Revises:
-- Create Date: 2026-12-01 09:00:00

-- migrate:upgrade
CREATE TABLE accounts (id bigint PRIMARY KEY, name text NOT NULL);
INSERT INTO accounts SELECT g, 'account ' || g FROM generate_series(1, 1000) AS g;

-- migrate:downgrade
DROP TABLE accounts;
