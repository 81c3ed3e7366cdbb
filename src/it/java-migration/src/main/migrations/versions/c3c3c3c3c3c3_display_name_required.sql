-- display_name required
--
-- Revision ID: c3c3c3c3c3c3
-- Revises: b2b2b2b2b2b2

-- migrate:upgrade
ALTER TABLE users ALTER COLUMN display_name SET NOT NULL;

-- migrate:downgrade
ALTER TABLE users ALTER COLUMN display_name DROP NOT NULL;
