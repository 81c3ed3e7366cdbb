-- smallint column
--
-- Revision ID: c58
-- Revises:
-- Create Date: 2026-12-01 09:00:00
-- Expect: prefer-bigint-over-smallint

-- migrate:upgrade
SET LOCAL lock_timeout = '2s';
CREATE TABLE levels (id bigint PRIMARY KEY, level smallint);
