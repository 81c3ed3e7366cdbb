-- index due cards per deck without blocking writes
--
-- Revision ID: 2c3d4e5f6071
-- Revises: 1b2c3d4e5f60
-- Create Date: 2026-11-18 08:45:00
-- Transactional: false

-- migrate:upgrade
CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_cards_deck_id_due_at ON cards (deck_id, due_at);

-- migrate:downgrade
DROP INDEX CONCURRENTLY IF EXISTS ix_cards_deck_id_due_at;
