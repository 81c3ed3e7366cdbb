-- fail0002
--
-- Revision ID: fail0002
-- Revises: base0001

-- migrate:upgrade
ALTER TABLE keep ADD CONSTRAINT positive CHECK (id < 0);

-- migrate:downgrade

