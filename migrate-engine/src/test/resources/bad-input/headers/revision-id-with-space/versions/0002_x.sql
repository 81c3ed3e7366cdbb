-- abc def
--
-- Revision ID: abc def
-- Revises: base0001

-- migrate:upgrade
SELECT 1;

-- migrate:downgrade

