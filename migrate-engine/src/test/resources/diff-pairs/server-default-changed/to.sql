CREATE TABLE tasks (id int PRIMARY KEY, status text DEFAULT 'open', priority int DEFAULT 3, created_at timestamptz DEFAULT now());
