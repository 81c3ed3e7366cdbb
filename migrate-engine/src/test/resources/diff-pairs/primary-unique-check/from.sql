CREATE TABLE products (sku text, name text, price numeric(10,2));
