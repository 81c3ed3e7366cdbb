-- char(n) column
--
-- Revision ID: c56
-- Revises:
-- Create Date: 2026-12-01 09:00:00
-- Expect: ban-char-field

-- migrate:upgrade
SET LOCAL lock_timeout = '2s';
CREATE TABLE currencies (code char(3) PRIMARY KEY, name text NOT NULL);
