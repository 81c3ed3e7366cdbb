-- SET NOT NULL backed by a validated CHECK (col IS NOT NULL)
--
-- Revision ID: c15
-- Revises:
-- Create Date: 2026-12-01 09:00:00
-- Expect: none

-- migrate:upgrade
SET LOCAL lock_timeout = '2s';
ALTER TABLE orders ALTER COLUMN status SET NOT NULL;
