CREATE TABLE profiles (id int PRIMARY KEY, name text, secret text);
GRANT SELECT, INSERT, UPDATE ON profiles TO authenticated;
GRANT SELECT (id, name) ON profiles TO anon;
GRANT ALL ON profiles TO service_role WITH GRANT OPTION;
