CREATE TABLE hot (id int PRIMARY KEY, n int) WITH (fillfactor = 70, autovacuum_vacuum_scale_factor = 0.05);
