-- bad-id
--
-- Revision ID: bad-id
-- Revises: base0001

-- migrate:upgrade
SELECT 1;

-- migrate:downgrade

