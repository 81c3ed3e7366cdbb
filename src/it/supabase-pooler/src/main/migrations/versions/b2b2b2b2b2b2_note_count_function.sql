-- note count function
--
-- Revision ID: b2b2b2b2b2b2
-- Revises: a1a1a1a1a1a1
-- Create Date: 2026-11-22 09:01:00

-- migrate:upgrade
CREATE FUNCTION public.note_count() RETURNS bigint
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = ''
AS $$
    SELECT count(*) FROM public.notes;
$$;
REVOKE EXECUTE ON FUNCTION public.note_count() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.note_count() TO anon, authenticated;

-- migrate:downgrade
DROP FUNCTION public.note_count();
