CREATE TABLE orders (id int PRIMARY KEY, total int, paid boolean);
CREATE VIEW paid_orders AS SELECT id, total FROM orders WHERE paid;
