-- cyc0002
--
-- Revision ID: cyc0002
-- Revises: cyc0002

-- migrate:upgrade
SELECT 1;

-- migrate:downgrade

