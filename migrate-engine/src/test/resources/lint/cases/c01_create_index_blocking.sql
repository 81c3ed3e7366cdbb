-- CREATE INDEX without CONCURRENTLY
--
-- Revision ID: c01
-- Revises:
-- Create Date: 2026-12-01 09:00:00
-- Expect: require-concurrent-index-creation

-- migrate:upgrade
SET LOCAL lock_timeout = '2s';
CREATE INDEX orders_total_idx ON orders (total);
