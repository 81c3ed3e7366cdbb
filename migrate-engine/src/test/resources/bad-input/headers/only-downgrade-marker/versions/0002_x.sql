-- down only
-- Revision ID: aaa0002
-- Revises: base0001

-- migrate:downgrade
SELECT 1;
