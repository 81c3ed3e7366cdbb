-- index account names
--
-- Revision ID: b2b2b2b2b2b2
-- Revises: a1a1a1a1a1a1
-- Create Date: 2026-12-01 09:10:00
-- Transactional: false

-- migrate:upgrade
SET lock_timeout = '2s';
CREATE INDEX CONCURRENTLY IF NOT EXISTS accounts_name_idx ON accounts (name);

-- migrate:downgrade
DROP INDEX CONCURRENTLY IF EXISTS accounts_name_idx;
