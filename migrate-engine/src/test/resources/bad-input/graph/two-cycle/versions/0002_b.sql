-- cycb002
--
-- Revision ID: cycb002
-- Revises: cyca002

-- migrate:upgrade
SELECT 1;

-- migrate:downgrade

