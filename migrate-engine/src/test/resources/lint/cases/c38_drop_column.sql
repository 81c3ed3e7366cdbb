-- column dropped
--
-- Revision ID: c38
-- Revises:
-- Create Date: 2026-12-01 09:00:00
-- Expect: ban-drop-column

-- migrate:upgrade
SET LOCAL lock_timeout = '2s';
ALTER TABLE customers DROP COLUMN legacy_code;
