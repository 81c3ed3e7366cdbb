CREATE TABLE reports (id integer PRIMARY KEY, title varchar(50), score integer, ratio real);
