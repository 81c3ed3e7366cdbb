-- lab0002
--
-- Revision ID: lab0002
-- Revises: base0001
-- Branch Labels: base0001

-- migrate:upgrade
SELECT 1;

-- migrate:downgrade

