-- CLUSTER
--
-- Revision ID: c46
-- Revises:
-- Create Date: 2026-12-01 09:00:00
-- Expect: prefer-repack

-- migrate:upgrade
SET LOCAL lock_timeout = '2s';
CLUSTER orders USING orders_pkey;
