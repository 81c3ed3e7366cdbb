CREATE TABLE IF NOT EXISTS "public"."migrate_version" (
    version_num varchar(64) NOT NULL,
    CONSTRAINT "migrate_version_pkc" PRIMARY KEY (version_num)
);

CREATE TABLE IF NOT EXISTS "public"."migrate_history" (
    id bigserial PRIMARY KEY,
    revision varchar(64) NOT NULL,
    direction varchar(16) NOT NULL CHECK (direction IN ('upgrade', 'downgrade', 'stamp', 'accept')),
    checksum varchar(128),
    applied_by text NOT NULL DEFAULT current_user,
    applied_at timestamptz NOT NULL DEFAULT now(),
    duration_ms bigint NOT NULL DEFAULT 0,
    environment text,
    tool_version text,
    message text,
    status varchar(16) NOT NULL DEFAULT 'done' CHECK (status IN ('done', 'running', 'abandoned')),
    statements_done integer
);

SET lock_timeout = 60000;

-- Running upgrade  -> a1a1a1a1a1a1, create accounts

BEGIN;

CREATE TABLE accounts (id bigint PRIMARY KEY, name text NOT NULL);

INSERT INTO "public"."migrate_version" (version_num) VALUES ('a1a1a1a1a1a1');

INSERT INTO "public"."migrate_history" (revision, direction, checksum, duration_ms, environment, tool_version, message) VALUES ('a1a1a1a1a1a1', 'upgrade', 'v2:f181c9c2676a00bc42e8e1e1a1989dad3d55b369b710f3fcb972a3f142052502', 0, 'local', '@project.version@', 'create accounts');

COMMIT;

-- Running upgrade a1a1a1a1a1a1 -> b2b2b2b2b2b2, create orders

BEGIN;

CREATE TABLE orders (id bigint PRIMARY KEY, account_id bigint NOT NULL REFERENCES accounts (id));

UPDATE "public"."migrate_version" SET version_num = 'b2b2b2b2b2b2' WHERE version_num = 'a1a1a1a1a1a1';

INSERT INTO "public"."migrate_history" (revision, direction, checksum, duration_ms, environment, tool_version, message) VALUES ('b2b2b2b2b2b2', 'upgrade', 'v2:2e8e8c46ad5f133c8ee7ac8c588dcac399f92b3b1d4768d945c011fcaec51947', 0, 'local', '@project.version@', 'create orders');

COMMIT;

-- Running upgrade b2b2b2b2b2b2 -> c3c3c3c3c3c3, add order total

BEGIN;

ALTER TABLE orders ADD COLUMN total numeric(12, 2) NOT NULL DEFAULT 0 CHECK (total >= 0);

UPDATE "public"."migrate_version" SET version_num = 'c3c3c3c3c3c3' WHERE version_num = 'b2b2b2b2b2b2';

INSERT INTO "public"."migrate_history" (revision, direction, checksum, duration_ms, environment, tool_version, message) VALUES ('c3c3c3c3c3c3', 'upgrade', 'v2:a98a0b324fe4890dbd35803e6eb6c35d59141869e972457ee232a07fda8f75c9', 0, 'local', '@project.version@', 'add order total');

COMMIT;

