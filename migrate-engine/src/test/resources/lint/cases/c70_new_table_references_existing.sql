-- new table with a foreign key to an existing one, no lock_timeout
--
-- Revision ID: c70
-- Revises:
-- Create Date: 2026-12-01 09:00:00
-- Expect: require-lock-timeout

-- migrate:upgrade
CREATE TABLE order_items (id bigint PRIMARY KEY, order_id bigint NOT NULL REFERENCES orders (id));
