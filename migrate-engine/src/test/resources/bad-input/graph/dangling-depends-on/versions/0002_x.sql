-- dang0002
--
-- Revision ID: dang0002
-- Revises: base0001
-- Depends On: ghost0009

-- migrate:upgrade
SELECT 1;

-- migrate:downgrade

