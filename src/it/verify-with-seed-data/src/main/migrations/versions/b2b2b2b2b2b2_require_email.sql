-- require email
--
-- Revision ID: b2b2b2b2b2b2
-- Revises: a1a1a1a1a1a1
-- Create Date: 2026-12-01 09:10:00

-- migrate:upgrade
ALTER TABLE users ADD COLUMN email text NOT NULL;

-- migrate:downgrade
ALTER TABLE users DROP COLUMN email;
