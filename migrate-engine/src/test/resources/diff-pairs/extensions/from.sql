CREATE TABLE cards (id int PRIMARY KEY, word text);
