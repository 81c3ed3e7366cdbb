-- CREATE UNIQUE INDEX without CONCURRENTLY
--
-- Revision ID: c04
-- Revises:
-- Create Date: 2026-12-01 09:00:00
-- Expect: require-concurrent-index-creation

-- migrate:upgrade
SET LOCAL lock_timeout = '2s';
CREATE UNIQUE INDEX customers_email_idx ON customers (email);
