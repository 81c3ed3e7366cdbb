-- add user email
--
-- Revision ID: e5e5e5e5e5e5
-- Revises: d4d4d4d4d4d4
-- Create Date: 2026-11-22 09:00:00

-- migrate:upgrade
ALTER TABLE users ADD COLUMN email text;

-- migrate:downgrade
ALTER TABLE users DROP COLUMN email;
