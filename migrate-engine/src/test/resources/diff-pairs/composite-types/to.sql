CREATE TYPE address AS (street text, city text, postcode varchar(10));
CREATE TYPE money_amount AS (currency char(3), cents bigint);
CREATE TABLE shops (id int PRIMARY KEY, location address, turnover money_amount);
