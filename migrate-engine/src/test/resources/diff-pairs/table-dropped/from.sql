CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);
CREATE TABLE sessions (id uuid PRIMARY KEY, user_id bigint REFERENCES users (id) ON DELETE CASCADE, expires_at timestamptz);
