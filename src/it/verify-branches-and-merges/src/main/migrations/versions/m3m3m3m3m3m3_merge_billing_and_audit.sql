-- merge billing and audit
--
-- Revision ID: m3m3m3m3m3m3
-- Revises: b1b1b1b1b1b1, b2b2b2b2b2b2
-- Create Date: 2026-12-01 09:20:00

-- migrate:upgrade


-- migrate:downgrade

