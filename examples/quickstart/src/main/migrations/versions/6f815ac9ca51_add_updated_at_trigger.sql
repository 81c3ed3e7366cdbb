-- keep users.updated_at current with a trigger
--
-- Revision ID: 6f815ac9ca51
-- Revises: 1a2b3c4d5e6f
-- Create Date: 2026-11-22 09:10:00

-- migrate:upgrade
ALTER TABLE users ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();

CREATE FUNCTION touch_updated_at() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();  -- a semicolon inside the body
    RETURN NEW;
END;
$$;

CREATE TRIGGER users_touch_updated_at
    BEFORE UPDATE ON users
    FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

-- migrate:downgrade
DROP TRIGGER users_touch_updated_at ON users;
DROP FUNCTION touch_updated_at();
ALTER TABLE users DROP COLUMN updated_at;
