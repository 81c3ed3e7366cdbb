-- serial column added as primary key
--
-- Revision ID: c30
-- Revises:
-- Create Date: 2026-12-01 09:00:00
-- Expect: adding-serial-primary-key-field, prefer-bigint-over-int, prefer-identity

-- migrate:upgrade
SET LOCAL lock_timeout = '2s';
ALTER TABLE events ADD COLUMN seq serial PRIMARY KEY;
