-- an INSERT whose trigger builds an index on another table
--
-- Revision ID: c69
-- Revises:
-- Create Date: 2026-12-01 09:00:00
-- Expect: require-concurrent-index-creation

-- migrate:upgrade
SET LOCAL lock_timeout = '2s';
INSERT INTO settings (key, value) VALUES ('index_notes', 'on');
