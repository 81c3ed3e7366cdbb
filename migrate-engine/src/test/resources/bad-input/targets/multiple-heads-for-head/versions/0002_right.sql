-- right0002
--
-- Revision ID: right0002
-- Revises: base0001

-- migrate:upgrade
CREATE TABLE right_t (id int);

-- migrate:downgrade
DROP TABLE right_t;
