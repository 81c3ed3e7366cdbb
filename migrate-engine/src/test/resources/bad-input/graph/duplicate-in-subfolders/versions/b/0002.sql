-- dup0002
--
-- Revision ID: dup0002
-- Revises: base0001

-- migrate:upgrade
SELECT 3;

-- migrate:downgrade

