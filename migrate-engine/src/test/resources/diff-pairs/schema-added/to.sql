CREATE TABLE public.items (id int PRIMARY KEY);
CREATE SCHEMA billing;
CREATE TYPE billing.currency AS ENUM ('EUR', 'USD');
CREATE TABLE billing.prices (item_id int REFERENCES public.items (id) ON DELETE CASCADE, currency billing.currency NOT NULL, cents bigint NOT NULL, PRIMARY KEY (item_id, currency));
