-- abcd0002x
--
-- Revision ID: abcd0002x
-- Revises: base0001

-- migrate:upgrade
SELECT 1;

-- migrate:downgrade

