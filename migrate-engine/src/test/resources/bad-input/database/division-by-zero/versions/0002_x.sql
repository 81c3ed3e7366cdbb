-- fail0002
--
-- Revision ID: fail0002
-- Revises: base0001

-- migrate:upgrade
SELECT 1/0;

-- migrate:downgrade

