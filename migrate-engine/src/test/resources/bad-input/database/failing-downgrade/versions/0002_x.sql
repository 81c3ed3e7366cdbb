-- fail0002
--
-- Revision ID: fail0002
-- Revises: base0001

-- migrate:upgrade
CREATE TABLE up_t (id int);

-- migrate:downgrade
DROP TABLE up_t;
SELECT 1/0;
