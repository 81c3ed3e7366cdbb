-- SET NOT NULL on a column holding nulls
--
-- Revision ID: c16
-- Revises:
-- Create Date: 2026-12-01 09:00:00
-- Expect: statement-fails

-- migrate:upgrade
SET LOCAL lock_timeout = '2s';
ALTER TABLE orders ALTER COLUMN note SET NOT NULL;
