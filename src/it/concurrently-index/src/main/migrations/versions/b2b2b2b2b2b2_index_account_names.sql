-- index account names
--
-- Revision ID: b2b2b2b2b2b2
-- Revises: a1a1a1a1a1a1
-- Create Date: 2026-11-22 09:00:00
-- Transactional: false

-- migrate:upgrade
CREATE INDEX CONCURRENTLY accounts_name_idx ON accounts (name);

-- migrate:downgrade
DROP INDEX CONCURRENTLY accounts_name_idx;
