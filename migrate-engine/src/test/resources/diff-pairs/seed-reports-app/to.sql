CREATE TYPE report_status AS ENUM ('pending', 'running', 'done', 'failed');
CREATE TABLE users (id serial PRIMARY KEY, email varchar(255) NOT NULL, created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now());
CREATE UNIQUE INDEX users_email ON users (lower(email));
CREATE TABLE reports (id serial PRIMARY KEY, user_id int NOT NULL REFERENCES users (id) ON DELETE CASCADE, status report_status NOT NULL DEFAULT 'pending', body text, updated_at timestamptz NOT NULL DEFAULT now());
CREATE INDEX reports_user_status ON reports (user_id, status);
CREATE FUNCTION touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN NEW.updated_at := now(); RETURN NEW; END$$;
CREATE TRIGGER users_touch BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
CREATE TRIGGER reports_touch BEFORE UPDATE ON reports FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
