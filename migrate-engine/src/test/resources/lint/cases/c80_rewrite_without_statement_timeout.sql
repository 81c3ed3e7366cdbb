-- an accepted rewrite still needs a statement_timeout
--
-- Revision ID: c80
-- Revises:
-- Create Date: 2026-12-01 09:00:00
-- Expect: changing-column-type accepted, require-statement-timeout

-- migrate:upgrade
SET LOCAL lock_timeout = '2s';
-- migrate:lint-ignore changing-column-type events holds a few hundred rows
ALTER TABLE events ALTER COLUMN id TYPE numeric;
