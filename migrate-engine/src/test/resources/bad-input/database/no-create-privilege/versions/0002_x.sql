-- perm0002
--
-- Revision ID: perm0002
-- Revises: base0001

-- migrate:upgrade
CREATE TABLE not_allowed (id int);

-- migrate:downgrade

