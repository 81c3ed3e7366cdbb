CREATE TABLE accounts (id int PRIMARY KEY, email text, phone text NOT NULL);
