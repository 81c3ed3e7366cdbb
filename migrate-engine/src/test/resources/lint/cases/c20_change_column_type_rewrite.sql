-- column type change that rewrites the table
--
-- Revision ID: c20
-- Revises:
-- Create Date: 2026-12-01 09:00:00
-- Expect: changing-column-type

-- migrate:upgrade
SET LOCAL lock_timeout = '2s';
ALTER TABLE events ALTER COLUMN id TYPE numeric;
