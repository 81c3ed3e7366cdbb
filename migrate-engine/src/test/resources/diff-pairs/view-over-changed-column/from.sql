CREATE TABLE reports (id int PRIMARY KEY, score int, title text);
CREATE VIEW top_reports AS SELECT id, score, title FROM reports WHERE score > 10;
CREATE VIEW top_titles AS SELECT title FROM top_reports;
