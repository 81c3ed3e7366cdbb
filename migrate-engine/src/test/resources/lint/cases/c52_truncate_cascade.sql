-- TRUNCATE ... CASCADE empties a referencing table too
--
-- Revision ID: c52
-- Revises:
-- Create Date: 2026-12-01 09:00:00
-- Expect: ban-truncate-cascade, indirect-lock

-- migrate:upgrade
SET LOCAL lock_timeout = '2s';
TRUNCATE orders CASCADE;
