-- index emails
--
-- Revision ID: c3c3c3c3c3c3
-- Revises: b2b2b2b2b2b2
-- Create Date: 2026-12-01 09:20:00

-- migrate:upgrade
CREATE UNIQUE INDEX users_email_key ON users (email);

-- migrate:downgrade
DROP INDEX users_email_key;
