-- add account note
--
-- Revision ID: b2b2b2b2b2b2
-- Revises: a1a1a1a1a1a1
-- Create Date: 2026-11-22 09:00:00

-- migrate:upgrade
ALTER TABLE accounts ADD COLUMN note text;

-- migrate:downgrade
ALTER TABLE accounts DROP COLUMN note;
