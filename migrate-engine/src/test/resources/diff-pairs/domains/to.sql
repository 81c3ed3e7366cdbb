CREATE DOMAIN email AS text NOT NULL CONSTRAINT email_shape CHECK (VALUE ~ '^[^@]+@[^@]+$');
CREATE DOMAIN positive_amount AS numeric(12,2) DEFAULT 0 CHECK (VALUE >= 0);
CREATE TABLE contacts (id int PRIMARY KEY, address email, balance positive_amount);
