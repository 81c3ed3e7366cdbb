-- stored generated column
--
-- Revision ID: c26
-- Revises:
-- Create Date: 2026-12-01 09:00:00
-- Expect: adding-field-with-default

-- migrate:upgrade
SET LOCAL lock_timeout = '2s';
ALTER TABLE orders ADD COLUMN total_with_tax numeric GENERATED ALWAYS AS (total * 1.2) STORED;
