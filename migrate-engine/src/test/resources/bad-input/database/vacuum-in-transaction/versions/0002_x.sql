-- fail0002
--
-- Revision ID: fail0002
-- Revises: base0001

-- migrate:upgrade
VACUUM keep;

-- migrate:downgrade

