-- abc+1
--
-- Revision ID: abc+1
-- Revises: base0001

-- migrate:upgrade
SELECT 1;

-- migrate:downgrade

