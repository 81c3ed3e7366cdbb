CREATE TYPE payment_state AS ENUM ('pending', 'paid', 'refunded');
CREATE TABLE payments (id int PRIMARY KEY, state text, new_state payment_state NOT NULL DEFAULT 'pending');
