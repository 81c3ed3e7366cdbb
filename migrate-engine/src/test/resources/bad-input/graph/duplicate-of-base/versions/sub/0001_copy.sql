-- base0001
--
-- Revision ID: base0001
-- Revises: 

-- migrate:upgrade
SELECT 1;

-- migrate:downgrade

