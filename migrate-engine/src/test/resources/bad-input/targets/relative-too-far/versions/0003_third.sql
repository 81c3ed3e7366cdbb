-- third0003
--
-- Revision ID: third0003
-- Revises: second0002

-- migrate:upgrade
CREATE TABLE third_t (id int);

-- migrate:downgrade
DROP TABLE third_t;
