-- add email
--
-- Revision ID: b2b2b2b2b2b2
-- Revises: a1a1a1a1a1a1
-- Create Date: 2026-12-01 09:00:00

-- migrate:upgrade
ALTER TABLE accounts ADD COLUMN email text;
CREATE UNIQUE INDEX accounts_email_key ON accounts (email);

-- migrate:downgrade
DROP INDEX accounts_email_key;
ALTER TABLE accounts DROP COLUMN email;
