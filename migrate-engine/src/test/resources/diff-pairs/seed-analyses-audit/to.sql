CREATE TABLE analyses (id bigserial PRIMARY KEY, name text NOT NULL, score int CONSTRAINT analyses_score_range CHECK (score BETWEEN 0 AND 100), kind text NOT NULL DEFAULT 'basic' CHECK (kind IN ('basic', 'full')));
CREATE TABLE audit_logs (id bigserial PRIMARY KEY, analysis_id bigint CONSTRAINT audit_logs_analysis_fk REFERENCES analyses (id) ON DELETE SET NULL, action text NOT NULL, at timestamptz NOT NULL DEFAULT now());
CREATE INDEX audit_logs_analysis_at ON audit_logs (analysis_id, at DESC);
