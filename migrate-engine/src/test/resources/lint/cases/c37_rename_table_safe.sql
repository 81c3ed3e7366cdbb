-- view under the new name
--
-- Revision ID: c37
-- Revises:
-- Create Date: 2026-12-01 09:00:00
-- Expect: none

-- migrate:upgrade
SET LOCAL lock_timeout = '2s';
CREATE VIEW app_settings AS SELECT key, value FROM settings;
