-- column default changed
--
-- Revision ID: c73
-- Revises:
-- Create Date: 2026-12-01 09:00:00
-- Expect: none

-- migrate:upgrade
SET LOCAL lock_timeout = '2s';
ALTER TABLE orders ALTER COLUMN status SET DEFAULT 'new';
