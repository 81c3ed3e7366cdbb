-- two users, as the application has them before emails
INSERT INTO users (id, name) VALUES (1, 'Ada'), (2, 'Alan');
