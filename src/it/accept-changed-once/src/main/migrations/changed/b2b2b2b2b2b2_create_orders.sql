-- create orders
--
-- Revision ID: b2b2b2b2b2b2
-- Revises: a1a1a1a1a1a1
-- Create Date: 2026-11-22 09:00:00

-- migrate:upgrade
CREATE TABLE orders (id bigint PRIMARY KEY, account_id bigint NOT NULL REFERENCES accounts (id), placed_at timestamptz);

-- migrate:downgrade
DROP TABLE orders;
