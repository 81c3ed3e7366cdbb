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

-- Running downgrade c3c3c3c3c3c3 -> b2b2b2b2b2b2, add order total

BEGIN;

ALTER TABLE orders DROP COLUMN total;

UPDATE "public"."migrate_version" SET version_num = 'b2b2b2b2b2b2' WHERE version_num = 'c3c3c3c3c3c3';

INSERT INTO "public"."migrate_history" (revision, direction, checksum, duration_ms, environment, tool_version, message) VALUES ('c3c3c3c3c3c3', 'downgrade', 'v2:a98a0b324fe4890dbd35803e6eb6c35d59141869e972457ee232a07fda8f75c9', 0, 'local', '@project.version@', 'add order total');

COMMIT;

-- Running downgrade b2b2b2b2b2b2 -> a1a1a1a1a1a1, create orders

BEGIN;

DROP TABLE orders;

UPDATE "public"."migrate_version" SET version_num = 'a1a1a1a1a1a1' WHERE version_num = 'b2b2b2b2b2b2';

INSERT INTO "public"."migrate_history" (revision, direction, checksum, duration_ms, environment, tool_version, message) VALUES ('b2b2b2b2b2b2', 'downgrade', 'v2:2e8e8c46ad5f133c8ee7ac8c588dcac399f92b3b1d4768d945c011fcaec51947', 0, 'local', '@project.version@', 'create orders');

COMMIT;

