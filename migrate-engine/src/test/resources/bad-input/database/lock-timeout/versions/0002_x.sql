-- lock0002
--
-- Revision ID: lock0002
-- Revises: base0001

-- migrate:upgrade
ALTER TABLE keep ADD COLUMN extra int;

-- migrate:downgrade

