CREATE SEQUENCE invoice_numbers;
CREATE TABLE invoices (id int PRIMARY KEY, number bigint);
