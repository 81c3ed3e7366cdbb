CREATE TABLE nodes (id int PRIMARY KEY, parent_id int CONSTRAINT nodes_parent_fk REFERENCES nodes (id));
