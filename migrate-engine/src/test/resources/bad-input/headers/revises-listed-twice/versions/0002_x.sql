-- aaa0002
--
-- Revision ID: aaa0002
-- Revises: base0001, base0001

-- migrate:upgrade
SELECT 1;

-- migrate:downgrade

