CREATE TABLE cards (id uuid PRIMARY KEY, front text, updated_at timestamptz);
