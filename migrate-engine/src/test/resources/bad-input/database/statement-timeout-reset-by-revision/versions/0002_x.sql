-- reset0002
--
-- Revision ID: reset0002
-- Revises: base0001

-- migrate:upgrade
SET statement_timeout = 0;
CREATE TABLE reset_marker(id int);

-- migrate:downgrade
DROP TABLE reset_marker;
