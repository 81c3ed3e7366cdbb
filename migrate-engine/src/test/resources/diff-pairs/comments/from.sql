CREATE TABLE users (id int PRIMARY KEY, email text);
COMMENT ON TABLE users IS 'accounts';
COMMENT ON COLUMN users.id IS 'key';
