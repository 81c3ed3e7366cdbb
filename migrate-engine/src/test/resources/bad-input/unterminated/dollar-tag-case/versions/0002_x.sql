-- unt0002
--
-- Revision ID: unt0002
-- Revises: base0001

-- migrate:upgrade
DO $Tag$ BEGIN PERFORM 1; END $tag$;

-- migrate:downgrade

