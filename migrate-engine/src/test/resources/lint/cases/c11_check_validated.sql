-- CHECK constraint added and validated at once
--
-- Revision ID: c11
-- Revises:
-- Create Date: 2026-12-01 09:00:00
-- Expect: constraint-missing-not-valid

-- migrate:upgrade
SET LOCAL lock_timeout = '2s';
ALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total >= 0);
