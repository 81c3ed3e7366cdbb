-- perm0002
--
-- Revision ID: perm0002
-- Revises: base0001

-- migrate:upgrade
DROP TABLE keep;

-- migrate:downgrade

