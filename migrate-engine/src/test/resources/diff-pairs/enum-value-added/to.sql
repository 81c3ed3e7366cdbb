CREATE TYPE report_status AS ENUM ('draft', 'review', 'published', 'archived');
CREATE TABLE reports (id int PRIMARY KEY, status report_status NOT NULL DEFAULT 'draft');
