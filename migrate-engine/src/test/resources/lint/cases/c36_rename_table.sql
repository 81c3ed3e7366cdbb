-- table renamed
--
-- Revision ID: c36
-- Revises:
-- Create Date: 2026-12-01 09:00:00
-- Expect: renaming-table

-- migrate:upgrade
SET LOCAL lock_timeout = '2s';
ALTER TABLE settings RENAME TO app_settings;
