-- Rows that `mvn migrate:verify` loads after the first revision, so that later revisions and
-- their data steps meet existing data.
INSERT INTO users (email, full_name) VALUES
    ('ada@example.com', 'Ada Lovelace'),
    ('alan@example.com', 'Alan Turing');
