-- base of every case
--
-- Revision ID: base0001
-- Revises:

-- migrate:upgrade
CREATE TABLE base_marker (id int, edited int);

-- migrate:downgrade
DROP TABLE base_marker;
