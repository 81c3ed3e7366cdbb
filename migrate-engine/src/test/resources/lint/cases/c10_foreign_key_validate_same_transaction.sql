-- foreign key added NOT VALID and validated in the same transaction
--
-- Revision ID: c10
-- Revises:
-- Create Date: 2026-12-01 09:00:00
-- Expect: constraint-missing-not-valid

-- migrate:upgrade
SET LOCAL lock_timeout = '2s';
ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_fk;
