-- primary key on an index built concurrently
--
-- Revision ID: c31
-- Revises:
-- Create Date: 2026-12-01 09:00:00
-- Transactional: false
-- Expect: none

-- migrate:upgrade
SET lock_timeout = '2s';
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS events_id_key ON events (id);
ALTER TABLE events ADD CONSTRAINT events_pkey PRIMARY KEY USING INDEX events_id_key;
