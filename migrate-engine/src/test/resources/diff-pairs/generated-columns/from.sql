CREATE TABLE line_items (id int PRIMARY KEY, quantity int NOT NULL, unit_price numeric(10,2) NOT NULL);
