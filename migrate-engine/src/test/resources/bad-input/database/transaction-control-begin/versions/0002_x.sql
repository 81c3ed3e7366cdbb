-- txc0002
--
-- Revision ID: txc0002
-- Revises: base0001

-- migrate:upgrade
BEGIN;
CREATE TABLE x1 (id int);

-- migrate:downgrade

