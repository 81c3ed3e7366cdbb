-- NOT NULL column without a default
--
-- Revision ID: c17
-- Revises:
-- Create Date: 2026-12-01 09:00:00
-- Expect: adding-required-field

-- migrate:upgrade
SET LOCAL lock_timeout = '2s';
ALTER TABLE orders ADD COLUMN region text NOT NULL;
