CREATE TABLE payments (id int PRIMARY KEY, state text);
