-- fail0002
--
-- Revision ID: fail0002
-- Revises: base0001

-- migrate:upgrade
CREATE TABLE nowhere.t (id int);

-- migrate:downgrade

