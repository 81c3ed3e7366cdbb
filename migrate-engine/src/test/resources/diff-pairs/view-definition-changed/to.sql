CREATE TABLE orders (id int PRIMARY KEY, total int, paid boolean);
CREATE VIEW paid_orders WITH (security_invoker = true) AS SELECT id, total FROM orders WHERE paid AND total > 0;
CREATE VIEW order_totals AS SELECT paid, sum(total) AS total FROM orders GROUP BY paid;
