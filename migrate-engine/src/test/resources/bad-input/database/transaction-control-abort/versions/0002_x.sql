-- txc0002
--
-- Revision ID: txc0002
-- Revises: base0001

-- migrate:upgrade
CREATE TABLE x1 (id int);
ABORT;

-- migrate:downgrade

