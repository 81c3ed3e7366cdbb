-- create accounts
--
-- Revision ID: a1a1a1a1a1a1
-- Revises:
-- Create Date: 2026-11-22 09:00:00

-- migrate:upgrade
CREATE TABLE accounts (id bigint PRIMARY KEY, name text NOT NULL);

-- migrate:downgrade
DROP TABLE accounts;
