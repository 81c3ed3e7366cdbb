-- unt0002
--
-- Revision ID: unt0002
-- Revises: base0001

-- migrate:upgrade
CREATE FUNCTION f() RETURNS int LANGUAGE sql
BEGIN ATOMIC
  SELECT 1;

-- migrate:downgrade

