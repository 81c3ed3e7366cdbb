CREATE TABLE notes (id int PRIMARY KEY, owner text NOT NULL DEFAULT current_user, body text);
ALTER TABLE notes ENABLE ROW LEVEL SECURITY;
ALTER TABLE notes FORCE ROW LEVEL SECURITY;
CREATE POLICY notes_read ON notes FOR SELECT TO authenticated USING (owner = current_user);
CREATE POLICY notes_write ON notes AS RESTRICTIVE FOR INSERT TO authenticated WITH CHECK (owner = current_user);
