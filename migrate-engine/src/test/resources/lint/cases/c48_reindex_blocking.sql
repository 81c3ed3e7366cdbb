-- REINDEX without CONCURRENTLY
--
-- Revision ID: c48
-- Revises:
-- Create Date: 2026-12-01 09:00:00
-- Expect: require-concurrent-reindex

-- migrate:upgrade
SET LOCAL lock_timeout = '2s';
REINDEX INDEX orders_status_idx;
