-- CREATE INDEX CONCURRENTLY in a transactional revision
--
-- Revision ID: c03
-- Revises:
-- Create Date: 2026-12-01 09:00:00
-- Expect: ban-concurrent-index-creation-in-transaction

-- migrate:upgrade
SET LOCAL lock_timeout = '2s';
CREATE INDEX CONCURRENTLY orders_total_idx ON orders (total);
