-- REINDEX CONCURRENTLY
--
-- Revision ID: c49
-- Revises:
-- Create Date: 2026-12-01 09:00:00
-- Transactional: false
-- Expect: none

-- migrate:upgrade
SET lock_timeout = '2s';
REINDEX INDEX CONCURRENTLY orders_status_idx;
