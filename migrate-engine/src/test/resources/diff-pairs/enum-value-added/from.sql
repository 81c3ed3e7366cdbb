CREATE TYPE report_status AS ENUM ('draft', 'published');
CREATE TABLE reports (id int PRIMARY KEY, status report_status NOT NULL DEFAULT 'draft');
