-- NOT NULL dropped
--
-- Revision ID: c41
-- Revises:
-- Create Date: 2026-12-01 09:00:00
-- Expect: ban-drop-not-null

-- migrate:upgrade
SET LOCAL lock_timeout = '2s';
ALTER TABLE customers ALTER COLUMN name DROP NOT NULL;
