-- DROP INDEX without CONCURRENTLY
--
-- Revision ID: c05
-- Revises:
-- Create Date: 2026-12-01 09:00:00
-- Expect: require-concurrent-index-deletion

-- migrate:upgrade
SET LOCAL lock_timeout = '2s';
DROP INDEX orders_status_idx;
