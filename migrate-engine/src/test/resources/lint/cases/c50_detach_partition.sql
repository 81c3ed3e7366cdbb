-- DETACH PARTITION without CONCURRENTLY
--
-- Revision ID: c50
-- Revises:
-- Create Date: 2026-12-01 09:00:00
-- Expect: require-concurrent-partition-detach

-- migrate:upgrade
SET LOCAL lock_timeout = '2s';
ALTER TABLE measurements DETACH PARTITION measurements_2025;
