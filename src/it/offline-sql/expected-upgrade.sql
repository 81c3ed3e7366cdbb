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

-- Running upgrade  -> a1a1a1a1a1a1, create accounts

BEGIN;

CREATE TABLE accounts (id bigint PRIMARY KEY, name text NOT NULL);

INSERT INTO "public"."migrate_version" (version_num) VALUES ('a1a1a1a1a1a1');

INSERT INTO "public"."migrate_history" (revision, direction, checksum, duration_ms, environment, tool_version, message) VALUES ('a1a1a1a1a1a1', 'upgrade', 'a41a72e91b29298946a8a3a6369ddd0c4e3d3cb5c0605e3d3c33520a7113f0bb', 0, 'local', '@project.version@', 'create accounts');

COMMIT;

-- Running upgrade a1a1a1a1a1a1 -> b2b2b2b2b2b2, create orders

BEGIN;

CREATE TABLE orders (id bigint PRIMARY KEY, account_id bigint NOT NULL REFERENCES accounts (id));

UPDATE "public"."migrate_version" SET version_num = 'b2b2b2b2b2b2' WHERE version_num = 'a1a1a1a1a1a1';

INSERT INTO "public"."migrate_history" (revision, direction, checksum, duration_ms, environment, tool_version, message) VALUES ('b2b2b2b2b2b2', 'upgrade', 'd46f363110cb293d3dad02b6f2dbd21cff433f75adbddb33918c6aeb66b5f8cc', 0, 'local', '@project.version@', 'create orders');

COMMIT;

-- Running upgrade b2b2b2b2b2b2 -> c3c3c3c3c3c3, add order total

BEGIN;

ALTER TABLE orders ADD COLUMN total numeric(12, 2) NOT NULL DEFAULT 0 CHECK (total >= 0);

UPDATE "public"."migrate_version" SET version_num = 'c3c3c3c3c3c3' WHERE version_num = 'b2b2b2b2b2b2';

INSERT INTO "public"."migrate_history" (revision, direction, checksum, duration_ms, environment, tool_version, message) VALUES ('c3c3c3c3c3c3', 'upgrade', '6b1c442c2784b20e30501025189355f88ca4f77c37663de2c46561be7b992f2d', 0, 'local', '@project.version@', 'add order total');

COMMIT;

