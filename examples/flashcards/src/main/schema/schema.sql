-- The schema this project wants; `mvn migrate:check` fails when the revisions do not produce it.
CREATE EXTENSION "uuid-ossp";

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

CREATE TABLE jobs (
    id          uuid PRIMARY KEY DEFAULT uuid_generate_v4(),
    kind        text NOT NULL,
    payload     jsonb NOT NULL DEFAULT '{}'::jsonb,
    state       text NOT NULL DEFAULT 'queued'
                CHECK (state IN ('queued', 'running', 'done', 'failed')),
    attempts    integer NOT NULL DEFAULT 0,
    run_after   timestamptz NOT NULL DEFAULT now(),
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ix_jobs_queued ON jobs (run_after) WHERE state = 'queued';

CREATE TABLE notifications (
    id         uuid PRIMARY KEY DEFAULT uuid_generate_v4(),
    user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    body       text NOT NULL,
    read_at    timestamptz,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE audit_logs (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    actor_id    uuid REFERENCES users (id) ON DELETE SET NULL,
    action      text NOT NULL,
    target      text NOT NULL,
    details     jsonb,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER jobs_touch_updated_at BEFORE UPDATE ON jobs
    FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

CREATE INDEX ix_cards_deck_id_due_at ON cards (deck_id, due_at);
