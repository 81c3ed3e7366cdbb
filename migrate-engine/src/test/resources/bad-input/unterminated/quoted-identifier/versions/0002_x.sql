-- unt0002
--
-- Revision ID: unt0002
-- Revises: base0001

-- migrate:upgrade
CREATE TABLE "open (id int);

-- migrate:downgrade

