CREATE TABLE products (sku text PRIMARY KEY, name text CONSTRAINT products_name_key UNIQUE,
    price numeric(10,2) CONSTRAINT products_price_positive CHECK (price > 0));
