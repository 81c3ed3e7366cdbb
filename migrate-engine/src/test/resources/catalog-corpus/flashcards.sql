-- a flashcards backend: seven UUID-keyed tables, uuid-ossp, updated_at triggers, row-level security
CREATE EXTENSION IF NOT EXISTS "uuid-ossp";

CREATE FUNCTION touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END;
$$;

CREATE TABLE profiles (
    id uuid PRIMARY KEY DEFAULT uuid_generate_v4(),
    username text NOT NULL UNIQUE,
    locale text NOT NULL DEFAULT 'en',
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE decks (
    id uuid PRIMARY KEY DEFAULT uuid_generate_v4(),
    owner_id uuid NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
    name text NOT NULL,
    is_public boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (owner_id, name)
);
CREATE TABLE cards (
    id uuid PRIMARY KEY DEFAULT uuid_generate_v4(),
    deck_id uuid NOT NULL REFERENCES decks (id) ON DELETE CASCADE,
    front text NOT NULL,
    back text NOT NULL,
    position integer NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX cards_deck_position ON cards (deck_id, position);
CREATE TABLE tags (
    id uuid PRIMARY KEY DEFAULT uuid_generate_v4(),
    label text NOT NULL,
    CONSTRAINT tags_label_key UNIQUE (label)
);
CREATE TABLE card_tags (
    id uuid PRIMARY KEY DEFAULT uuid_generate_v4(),
    card_id uuid NOT NULL REFERENCES cards (id) ON DELETE CASCADE,
    tag_id uuid NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
    UNIQUE (card_id, tag_id)
);
CREATE TABLE reviews (
    id uuid PRIMARY KEY DEFAULT uuid_generate_v4(),
    card_id uuid NOT NULL REFERENCES cards (id) ON DELETE CASCADE,
    reviewer_id uuid NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
    grade smallint NOT NULL CHECK (grade BETWEEN 0 AND 5),
    ease numeric(4,2) NOT NULL DEFAULT 2.5,
    due_at timestamptz NOT NULL,
    reviewed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX reviews_due ON reviews (reviewer_id, due_at);
CREATE TABLE study_sessions (
    id uuid PRIMARY KEY DEFAULT uuid_generate_v4(),
    profile_id uuid NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
    deck_id uuid REFERENCES decks (id) ON DELETE SET NULL,
    started_at timestamptz NOT NULL DEFAULT now(),
    ended_at timestamptz,
    updated_at timestamptz NOT NULL DEFAULT now(),
    CHECK (ended_at IS NULL OR ended_at >= started_at)
);

CREATE TRIGGER profiles_touch BEFORE UPDATE ON profiles FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
CREATE TRIGGER decks_touch BEFORE UPDATE ON decks FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
CREATE TRIGGER cards_touch BEFORE UPDATE ON cards FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
CREATE TRIGGER study_sessions_touch BEFORE UPDATE ON study_sessions FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

ALTER TABLE decks ENABLE ROW LEVEL SECURITY;
CREATE POLICY decks_visible ON decks FOR SELECT USING (is_public);
