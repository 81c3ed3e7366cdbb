-- unt0002
--
-- Revision ID: unt0002
-- Revises: base0001

-- migrate:upgrade
DO $$ BEGIN PERFORM 1; END;

-- migrate:downgrade

