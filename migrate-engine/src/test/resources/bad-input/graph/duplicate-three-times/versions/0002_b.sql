-- dup0002
--
-- Revision ID: dup0002
-- Revises: base0001

-- migrate:upgrade
SELECT 2;

-- migrate:downgrade

