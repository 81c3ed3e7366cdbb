CREATE TABLE customers (id int PRIMARY KEY);
CREATE TABLE payments (id int PRIMARY KEY, customer_id int, amount int);
ALTER TABLE payments ADD CONSTRAINT payments_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;
ALTER TABLE payments ADD CONSTRAINT payments_amount_positive CHECK (amount > 0) NOT VALID;
