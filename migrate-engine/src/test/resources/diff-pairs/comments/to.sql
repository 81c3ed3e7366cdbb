CREATE TABLE users (id int PRIMARY KEY, email text);
COMMENT ON TABLE users IS 'people''s accounts';
COMMENT ON COLUMN users.email IS 'login address';
