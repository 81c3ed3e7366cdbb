-- cyca002
--
-- Revision ID: cyca002
-- Revises: base0001
-- Depends On: cycb002

-- migrate:upgrade
SELECT 1;

-- migrate:downgrade

