-- create orders
--
-- Revision ID: c3c3c3c3c3c3
-- Revises: b2b2b2b2b2b2
-- Create Date: 2026-11-22 09:02:00

-- migrate:upgrade
CREATE TABLE orders (id bigint PRIMARY KEY);

-- migrate:downgrade
-- (forgotten)
