-- labb002
--
-- Revision ID: labb002
-- Revises: laba002
-- Branch Labels: auth

-- migrate:upgrade
SELECT 1;

-- migrate:downgrade

