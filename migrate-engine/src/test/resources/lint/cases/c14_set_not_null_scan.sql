-- SET NOT NULL without a validated check
--
-- Revision ID: c14
-- Revises:
-- Create Date: 2026-12-01 09:00:00
-- Expect: adding-not-nullable-field

-- migrate:upgrade
SET LOCAL lock_timeout = '2s';
ALTER TABLE customers ALTER COLUMN email SET NOT NULL;
