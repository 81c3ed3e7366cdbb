-- enum value added at a stated place
--
-- Revision ID: c79
-- Revises:
-- Create Date: 2026-12-01 09:00:00
-- Expect: none

-- migrate:upgrade
SET LOCAL lock_timeout = '2s';
ALTER TYPE order_kind ADD VALUE 'app' AFTER 'shop';
