-- identity column added as primary key
--
-- Revision ID: c29
-- Revises:
-- Create Date: 2026-12-01 09:00:00
-- Expect: adding-serial-primary-key-field

-- migrate:upgrade
SET LOCAL lock_timeout = '2s';
ALTER TABLE events ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY;
