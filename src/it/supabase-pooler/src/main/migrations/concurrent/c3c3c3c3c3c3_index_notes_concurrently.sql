-- index notes concurrently
--
-- Revision ID: c3c3c3c3c3c3
-- Revises: b2b2b2b2b2b2
-- Create Date: 2026-11-22 09:02:00
-- Transactional: false

-- migrate:upgrade
CREATE INDEX CONCURRENTLY notes_owner_idx ON public.notes (owner);

-- migrate:downgrade
DROP INDEX CONCURRENTLY notes_owner_idx;
