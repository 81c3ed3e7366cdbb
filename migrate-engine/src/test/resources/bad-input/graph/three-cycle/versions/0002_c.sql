-- cycc002
--
-- Revision ID: cycc002
-- Revises: cycb002

-- migrate:upgrade
SELECT 1;

-- migrate:downgrade

