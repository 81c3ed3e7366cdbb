-- foreign key added and validated at once
--
-- Revision ID: c07
-- Revises:
-- Create Date: 2026-12-01 09:00:00
-- Expect: adding-foreign-key-constraint

-- migrate:upgrade
SET LOCAL lock_timeout = '2s';
ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id);
