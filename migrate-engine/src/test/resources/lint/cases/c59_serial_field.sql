-- bigserial column
--
-- Revision ID: c59
-- Revises:
-- Create Date: 2026-12-01 09:00:00
-- Expect: prefer-identity

-- migrate:upgrade
SET LOCAL lock_timeout = '2s';
CREATE TABLE tags (id bigserial PRIMARY KEY, name text NOT NULL);
