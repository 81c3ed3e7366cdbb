-- DROP INDEX CONCURRENTLY outside a transaction
--
-- Revision ID: c06
-- Revises:
-- Create Date: 2026-12-01 09:00:00
-- Transactional: false
-- Expect: none

-- migrate:upgrade
SET lock_timeout = '2s';
DROP INDEX CONCURRENTLY IF EXISTS orders_status_idx;
