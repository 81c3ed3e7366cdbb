-- backfill account names
--
-- Revision ID: b2b2b2b2b2b2
-- Revises: a1a1a1a1a1a1
-- Create Date: 2026-11-22 09:00:00

-- migrate:upgrade
UPDATE accounts SET name = trim(name);
