-- perm0002
--
-- Revision ID: perm0002
-- Revises: base0001

-- migrate:upgrade
SELECT 1;

-- migrate:downgrade

