-- VACUUM FULL
--
-- Revision ID: c45
-- Revises:
-- Create Date: 2026-12-01 09:00:00
-- Transactional: false
-- Expect: prefer-repack

-- migrate:upgrade
SET lock_timeout = '2s';
VACUUM FULL orders;
