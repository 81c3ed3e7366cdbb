CREATE SEQUENCE invoice_numbers AS bigint INCREMENT BY 10 START WITH 1000 CACHE 5;
CREATE SEQUENCE ticket_numbers CYCLE MAXVALUE 9999;
CREATE TABLE invoices (id int PRIMARY KEY, number bigint DEFAULT nextval('invoice_numbers'));
ALTER SEQUENCE invoice_numbers OWNED BY invoices.number;
