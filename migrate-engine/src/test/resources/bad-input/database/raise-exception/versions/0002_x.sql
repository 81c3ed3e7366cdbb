-- fail0002
--
-- Revision ID: fail0002
-- Revises: base0001

-- migrate:upgrade
DO $$ BEGIN RAISE EXCEPTION 'boom from the revision'; END $$;

-- migrate:downgrade

