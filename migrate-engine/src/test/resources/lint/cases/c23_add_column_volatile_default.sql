-- column with a volatile default
--
-- Revision ID: c23
-- Revises:
-- Create Date: 2026-12-01 09:00:00
-- Expect: adding-field-with-default

-- migrate:upgrade
SET LOCAL lock_timeout = '2s';
ALTER TABLE orders ADD COLUMN token uuid DEFAULT gen_random_uuid();
