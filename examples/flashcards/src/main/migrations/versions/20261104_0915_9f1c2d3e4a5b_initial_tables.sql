-- users, decks and cards keyed by UUID
--
-- Revision ID: 9f1c2d3e4a5b
-- Revises:
-- Create Date: 2026-11-04 09:15:00

-- migrate:upgrade
CREATE EXTENSION IF NOT EXISTS "uuid-ossp";

CREATE FUNCTION touch_updated_at() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END;
$$;

CREATE TABLE users (
    id           uuid PRIMARY KEY DEFAULT uuid_generate_v4(),
    email        text NOT NULL UNIQUE,
    display_name text NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE decks (
    id         uuid PRIMARY KEY DEFAULT uuid_generate_v4(),
    owner_id   uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name       text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT uq_decks_owner_name UNIQUE (owner_id, name)
);

CREATE TABLE cards (
    id         uuid PRIMARY KEY DEFAULT uuid_generate_v4(),
    deck_id    uuid NOT NULL REFERENCES decks (id) ON DELETE CASCADE,
    front      text NOT NULL,
    back       text NOT NULL,
    due_at     timestamptz NOT NULL DEFAULT now(),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER users_touch_updated_at BEFORE UPDATE ON users
    FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
CREATE TRIGGER decks_touch_updated_at BEFORE UPDATE ON decks
    FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
CREATE TRIGGER cards_touch_updated_at BEFORE UPDATE ON cards
    FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

-- migrate:downgrade
DROP TABLE cards;
DROP TABLE decks;
DROP TABLE users;
DROP FUNCTION touch_updated_at();
DROP EXTENSION "uuid-ossp";
