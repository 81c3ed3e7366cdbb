CREATE TABLE profiles (id int PRIMARY KEY, name text, secret text);
GRANT SELECT ON profiles TO anon;
