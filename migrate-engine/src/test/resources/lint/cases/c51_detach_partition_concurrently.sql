-- DETACH PARTITION CONCURRENTLY
--
-- Revision ID: c51
-- Revises:
-- Create Date: 2026-12-01 09:00:00
-- Transactional: false
-- Expect: none

-- migrate:upgrade
SET lock_timeout = '2s';
ALTER TABLE measurements DETACH PARTITION measurements_2025 CONCURRENTLY;
