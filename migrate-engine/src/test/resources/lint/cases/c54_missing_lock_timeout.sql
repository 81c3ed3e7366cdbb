-- ALTER TABLE without a lock_timeout
--
-- Revision ID: c54
-- Revises:
-- Create Date: 2026-12-01 09:00:00
-- Expect: require-lock-timeout

-- migrate:upgrade
ALTER TABLE orders ADD COLUMN flag boolean;
