-- second0002
--
-- Revision ID: second0002
-- Revises: base0001

-- migrate:upgrade
CREATE TABLE second_t (id int);

-- migrate:downgrade
DROP TABLE second_t;
