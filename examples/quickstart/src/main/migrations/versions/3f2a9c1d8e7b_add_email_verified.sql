-- add email_verified to users
--
-- Revision ID: 3f2a9c1d8e7b
-- Revises: 6f815ac9ca51
-- Create Date: 2026-11-22 10:30:45

-- migrate:upgrade
ALTER TABLE users ADD COLUMN email_verified boolean NOT NULL DEFAULT false;

-- migrate:downgrade
ALTER TABLE users DROP COLUMN email_verified;
