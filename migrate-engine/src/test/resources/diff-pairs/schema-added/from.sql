CREATE TABLE public.items (id int PRIMARY KEY);
