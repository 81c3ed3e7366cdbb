CREATE TABLE hot (id int PRIMARY KEY, n int);
