CREATE TABLE tasks (id int PRIMARY KEY, status text, priority int DEFAULT 1, created_at timestamptz);
