-- timestamp without time zone column
--
-- Revision ID: c61
-- Revises:
-- Create Date: 2026-12-01 09:00:00
-- Expect: prefer-timestamp-tz

-- migrate:upgrade
SET LOCAL lock_timeout = '2s';
CREATE TABLE visits (id bigint PRIMARY KEY, at timestamp NOT NULL);
