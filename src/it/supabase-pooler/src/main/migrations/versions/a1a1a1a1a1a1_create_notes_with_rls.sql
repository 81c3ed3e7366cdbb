-- create notes with row level security
--
-- Revision ID: a1a1a1a1a1a1
-- Revises:
-- Create Date: 2026-11-22 09:00:00

-- migrate:upgrade
CREATE TABLE public.notes (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    owner uuid NOT NULL REFERENCES auth.users (id) ON DELETE CASCADE,
    body text NOT NULL
);
ALTER TABLE public.notes ENABLE ROW LEVEL SECURITY;
CREATE POLICY notes_owner ON public.notes FOR ALL TO authenticated
    USING (owner = auth.uid()) WITH CHECK (owner = auth.uid());
GRANT SELECT, INSERT, UPDATE, DELETE ON public.notes TO authenticated;

-- migrate:downgrade
DROP TABLE public.notes;
