-- abcd0002y
--
-- Revision ID: abcd0002y
-- Revises: base0001

-- migrate:upgrade
SELECT 1;

-- migrate:downgrade

