-- new column instead of a type change (backfilled later)
--
-- Revision ID: c22
-- Revises:
-- Create Date: 2026-12-01 09:00:00
-- Expect: none

-- migrate:upgrade
SET LOCAL lock_timeout = '2s';
ALTER TABLE orders ADD COLUMN customer_ref numeric;
