CREATE TABLE sales (id int PRIMARY KEY, region text, amount numeric);
CREATE MATERIALIZED VIEW sales_by_region AS SELECT region, sum(amount) AS amount FROM sales GROUP BY region;
