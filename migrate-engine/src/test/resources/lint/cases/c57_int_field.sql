-- integer column
--
-- Revision ID: c57
-- Revises:
-- Create Date: 2026-12-01 09:00:00
-- Expect: prefer-bigint-over-int

-- migrate:upgrade
SET LOCAL lock_timeout = '2s';
CREATE TABLE counters (id bigint PRIMARY KEY, hits integer NOT NULL DEFAULT 0);
