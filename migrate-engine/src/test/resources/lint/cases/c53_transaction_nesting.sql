-- BEGIN and COMMIT inside a revision
--
-- Revision ID: c53
-- Revises:
-- Create Date: 2026-12-01 09:00:00
-- Expect: transaction-nesting, transaction-nesting

-- migrate:upgrade
SET LOCAL lock_timeout = '2s';
BEGIN;
ALTER TABLE orders ADD COLUMN region text;
COMMIT;
