-- laba002
--
-- Revision ID: laba002
-- Revises: base0001
-- Branch Labels: auth

-- migrate:upgrade
SELECT 1;

-- migrate:downgrade

