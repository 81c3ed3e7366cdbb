CREATE TABLE customers (id int PRIMARY KEY);
CREATE TABLE payments (id int PRIMARY KEY, customer_id int, amount int);
