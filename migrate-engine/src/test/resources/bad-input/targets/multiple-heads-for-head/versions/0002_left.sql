-- left0002
--
-- Revision ID: left0002
-- Revises: base0001

-- migrate:upgrade
CREATE TABLE left_t (id int);

-- migrate:downgrade
DROP TABLE left_t;
