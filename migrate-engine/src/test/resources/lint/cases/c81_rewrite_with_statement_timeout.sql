-- an accepted rewrite bounded by a statement_timeout
--
-- Revision ID: c81
-- Revises:
-- Create Date: 2026-12-01 09:00:00
-- Expect: changing-column-type accepted

-- migrate:upgrade
SET LOCAL lock_timeout = '2s';
SET LOCAL statement_timeout = '5min';
-- migrate:lint-ignore changing-column-type events holds a few hundred rows
ALTER TABLE events ALTER COLUMN id TYPE numeric;
