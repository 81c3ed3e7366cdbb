-- index account names
--
-- Revision ID: b2b2b2b2b2b2
-- Revises: a1a1a1a1a1a1
-- Create Date: 2026-12-01 09:10:00

-- migrate:upgrade
SET LOCAL lock_timeout = '2s';
SET LOCAL statement_timeout = '1min';
-- migrate:lint-ignore require-concurrent-index-creation accounts is written once a night, by the batch
CREATE INDEX accounts_name_idx ON accounts (name);

-- migrate:downgrade
DROP INDEX accounts_name_idx;
