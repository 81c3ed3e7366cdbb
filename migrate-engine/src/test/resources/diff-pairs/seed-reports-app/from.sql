CREATE TYPE report_status AS ENUM ('pending', 'done');
CREATE TABLE users (id serial PRIMARY KEY, email varchar(255) NOT NULL, created_at timestamptz);
CREATE UNIQUE INDEX users_email ON users (email);
CREATE TABLE reports (id serial PRIMARY KEY, user_id int NOT NULL REFERENCES users (id), status report_status NOT NULL DEFAULT 'pending', body text);
