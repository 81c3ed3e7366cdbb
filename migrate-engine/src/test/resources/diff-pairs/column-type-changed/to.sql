CREATE TABLE reports (id bigint PRIMARY KEY, title varchar(200), score bigint, ratio double precision);
