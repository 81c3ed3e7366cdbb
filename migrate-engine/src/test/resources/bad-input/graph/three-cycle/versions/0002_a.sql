-- cyca002
--
-- Revision ID: cyca002
-- Revises: cycc002

-- migrate:upgrade
SELECT 1;

-- migrate:downgrade

