CREATE TABLE reports (id int PRIMARY KEY, score numeric(6,2), title varchar(120));
CREATE VIEW top_reports AS SELECT id, score, title FROM reports WHERE score > 10;
CREATE VIEW top_titles AS SELECT title FROM top_reports;
