CREATE TABLE sales (id int PRIMARY KEY, region text, amount numeric);
CREATE MATERIALIZED VIEW sales_by_region AS SELECT region, sum(amount) AS amount, count(*) AS n FROM sales GROUP BY region;
CREATE UNIQUE INDEX sales_by_region_region ON sales_by_region (region);
CREATE MATERIALIZED VIEW big_sales AS SELECT id, amount FROM sales WHERE amount > 1000 WITH NO DATA;
