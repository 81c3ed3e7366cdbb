CREATE TABLE users (id int PRIMARY KEY, email text NOT NULL, deleted_at timestamptz);
CREATE INDEX users_email ON users (email);
