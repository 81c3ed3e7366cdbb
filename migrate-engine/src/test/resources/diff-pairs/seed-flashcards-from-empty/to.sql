CREATE EXTENSION IF NOT EXISTS "uuid-ossp";
CREATE TABLE decks (id uuid PRIMARY KEY DEFAULT uuid_generate_v4(), name text NOT NULL, created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE cards (id uuid PRIMARY KEY DEFAULT uuid_generate_v4(), deck_id uuid NOT NULL REFERENCES decks (id) ON DELETE CASCADE, front text NOT NULL, back text NOT NULL, updated_at timestamptz NOT NULL DEFAULT now());
CREATE INDEX cards_deck_id ON cards (deck_id);
CREATE FUNCTION set_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN NEW.updated_at = now(); RETURN NEW; END$$;
CREATE TRIGGER decks_updated_at BEFORE UPDATE ON decks FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER cards_updated_at BEFORE UPDATE ON cards FOR EACH ROW EXECUTE FUNCTION set_updated_at();
