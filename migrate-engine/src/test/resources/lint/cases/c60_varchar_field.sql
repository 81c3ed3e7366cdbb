-- varchar(n) column
--
-- Revision ID: c60
-- Revises:
-- Create Date: 2026-12-01 09:00:00
-- Expect: prefer-text-field

-- migrate:upgrade
SET LOCAL lock_timeout = '2s';
CREATE TABLE notes (id bigint PRIMARY KEY, body varchar(200));
