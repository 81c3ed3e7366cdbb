INSERT INTO users (id, name, email) VALUES (1, 'Ada', 'ada@example.com'), (2, 'Alan', 'alan@example.com');
