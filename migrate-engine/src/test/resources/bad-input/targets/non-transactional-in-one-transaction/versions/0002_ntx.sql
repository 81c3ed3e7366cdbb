-- ntx0002
--
-- Revision ID: ntx0002
-- Revises: base0001
-- Transactional: false

-- migrate:upgrade
CREATE INDEX CONCURRENTLY keep_note ON keep (note);

-- migrate:downgrade

