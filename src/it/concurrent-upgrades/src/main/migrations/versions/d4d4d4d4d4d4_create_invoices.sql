-- create invoices
--
-- Revision ID: d4d4d4d4d4d4
-- Revises: c3c3c3c3c3c3
-- Create Date: 2026-11-22 09:00:00

-- migrate:upgrade
CREATE TABLE invoices (id bigint PRIMARY KEY, order_id bigint NOT NULL REFERENCES orders (id));
SELECT pg_sleep(0.3);

-- migrate:downgrade
DROP TABLE invoices;
