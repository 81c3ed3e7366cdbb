CREATE EXTENSION IF NOT EXISTS "uuid-ossp";
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE TABLE cards (id int PRIMARY KEY, word text, uid uuid DEFAULT uuid_generate_v4());
CREATE INDEX cards_word_trgm ON cards USING gin (word gin_trgm_ops);
