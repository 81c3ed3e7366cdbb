-- fail0002
--
-- Revision ID: fail0002
-- Revises: base0001

-- migrate:upgrade
DROP TABLE not_there;

-- migrate:downgrade

