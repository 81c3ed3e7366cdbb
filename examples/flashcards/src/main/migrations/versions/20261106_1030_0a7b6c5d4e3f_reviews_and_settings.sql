-- review history and per-user settings
--
-- Revision ID: 0a7b6c5d4e3f
-- Revises: 9f1c2d3e4a5b
-- Create Date: 2026-11-06 10:30:00

-- migrate:upgrade
CREATE TABLE reviews (
    id          uuid PRIMARY KEY DEFAULT uuid_generate_v4(),
    card_id     uuid NOT NULL REFERENCES cards (id) ON DELETE CASCADE,
    user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    grade       smallint NOT NULL CHECK (grade BETWEEN 0 AND 5),
    reviewed_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE user_settings (
    id             uuid PRIMARY KEY DEFAULT uuid_generate_v4(),
    user_id        uuid NOT NULL UNIQUE REFERENCES users (id) ON DELETE CASCADE,
    daily_new      integer NOT NULL DEFAULT 20 CHECK (daily_new >= 0),
    timezone       text NOT NULL DEFAULT 'UTC',
    preferences    jsonb NOT NULL DEFAULT '{}'::jsonb,
    updated_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER user_settings_touch_updated_at BEFORE UPDATE ON user_settings
    FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

-- migrate:downgrade
DROP TABLE user_settings;
DROP TABLE reviews;
