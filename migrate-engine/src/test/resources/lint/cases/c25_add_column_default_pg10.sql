-- column with a constant default on PostgreSQL 10
--
-- Revision ID: c25
-- Revises:
-- Create Date: 2026-12-01 09:00:00
-- PG Version: 10
-- Expect: adding-field-with-default

-- migrate:upgrade
SET LOCAL lock_timeout = '2s';
ALTER TABLE orders ADD COLUMN priority bigint NOT NULL DEFAULT 0;
