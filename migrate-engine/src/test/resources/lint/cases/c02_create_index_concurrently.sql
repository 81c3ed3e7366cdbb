-- CREATE INDEX CONCURRENTLY outside a transaction
--
-- Revision ID: c02
-- Revises:
-- Create Date: 2026-12-01 09:00:00
-- Transactional: false
-- Expect: none

-- migrate:upgrade
SET lock_timeout = '2s';
CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_total_idx ON orders (total);
