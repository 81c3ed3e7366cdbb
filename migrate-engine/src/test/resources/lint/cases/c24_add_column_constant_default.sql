-- column with a constant default (free on PostgreSQL 11+)
--
-- Revision ID: c24
-- Revises:
-- Create Date: 2026-12-01 09:00:00
-- Expect: none

-- migrate:upgrade
SET LOCAL lock_timeout = '2s';
ALTER TABLE orders ADD COLUMN priority bigint NOT NULL DEFAULT 0;
