CREATE TABLE users (id int PRIMARY KEY, fullname text);
