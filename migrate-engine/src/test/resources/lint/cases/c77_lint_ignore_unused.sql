-- ignore comment matching nothing
--
-- Revision ID: c77
-- Revises:
-- Create Date: 2026-12-01 09:00:00
-- Expect: unused-ignore

-- migrate:upgrade
SET LOCAL lock_timeout = '2s';
-- migrate:lint-ignore changing-column-type nothing changes type here
ALTER TABLE orders ADD COLUMN region text;
