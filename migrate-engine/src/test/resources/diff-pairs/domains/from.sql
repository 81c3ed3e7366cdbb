CREATE DOMAIN email AS text CHECK (VALUE LIKE '%@%');
CREATE TABLE contacts (id int PRIMARY KEY, address email);
