-- fail0002
--
-- Revision ID: fail0002
-- Revises: base0001

-- migrate:upgrade
CREATE INDEX CONCURRENTLY keep_note ON keep (note);

-- migrate:downgrade

