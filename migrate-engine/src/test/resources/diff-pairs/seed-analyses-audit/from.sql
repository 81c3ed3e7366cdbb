CREATE TABLE analyses (id bigserial PRIMARY KEY, name text NOT NULL, score int);
CREATE TABLE audit_logs (id bigserial PRIMARY KEY, analysis_id bigint, action text NOT NULL);
