-- column added, then its volatile default set (no rewrite)
--
-- Revision ID: c27
-- Revises:
-- Create Date: 2026-12-01 09:00:00
-- Expect: none

-- migrate:upgrade
SET LOCAL lock_timeout = '2s';
ALTER TABLE orders ADD COLUMN token uuid;
ALTER TABLE orders ALTER COLUMN token SET DEFAULT gen_random_uuid();
