CREATE TABLE IF NOT EXISTS "public"."migrate_version" (
    version_num varchar(64) NOT NULL,
    CONSTRAINT "migrate_version_pkc" PRIMARY KEY (version_num)
);

CREATE TABLE IF NOT EXISTS "public"."migrate_history" (
    id bigserial PRIMARY KEY,
    revision varchar(64) NOT NULL,
    direction varchar(16) NOT NULL CHECK (direction IN ('upgrade', 'downgrade', 'stamp')),
    checksum varchar(128),
    applied_by text NOT NULL DEFAULT current_user,
    applied_at timestamptz NOT NULL DEFAULT now(),
    duration_ms bigint NOT NULL DEFAULT 0,
    environment text,
    tool_version text,
    message text
);

-- Running downgrade c3c3c3c3c3c3 -> b2b2b2b2b2b2, add order total

BEGIN;

ALTER TABLE orders DROP COLUMN total;

UPDATE "public"."migrate_version" SET version_num = 'b2b2b2b2b2b2' WHERE version_num = 'c3c3c3c3c3c3';

INSERT INTO "public"."migrate_history" (revision, direction, checksum, duration_ms, environment, tool_version, message) VALUES ('c3c3c3c3c3c3', 'downgrade', '6b1c442c2784b20e30501025189355f88ca4f77c37663de2c46561be7b992f2d', 0, 'local', '@project.version@', 'add order total');

COMMIT;

-- Running downgrade b2b2b2b2b2b2 -> a1a1a1a1a1a1, create orders

BEGIN;

DROP TABLE orders;

UPDATE "public"."migrate_version" SET version_num = 'a1a1a1a1a1a1' WHERE version_num = 'b2b2b2b2b2b2';

INSERT INTO "public"."migrate_history" (revision, direction, checksum, duration_ms, environment, tool_version, message) VALUES ('b2b2b2b2b2b2', 'downgrade', 'd46f363110cb293d3dad02b6f2dbd21cff433f75adbddb33918c6aeb66b5f8cc', 0, 'local', '@project.version@', 'create orders');

COMMIT;

