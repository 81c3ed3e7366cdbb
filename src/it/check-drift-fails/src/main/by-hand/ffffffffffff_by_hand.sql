-- by hand
--
-- Revision ID: ffffffffffff
-- Revises: a1a1a1a1a1a1
-- Create Date: 2026-12-01 09:00:00

-- migrate:upgrade
ALTER TABLE accounts ADD COLUMN nickname text;

-- migrate:downgrade
-- migrate:nothing-to-undo
