-- identifier over 63 bytes
--
-- Revision ID: c66
-- Revises:
-- Create Date: 2026-12-01 09:00:00
-- Expect: identifier-too-long

-- migrate:upgrade
SET LOCAL lock_timeout = '2s';
CREATE TABLE customer_preferences_for_notifications_sent_by_email_and_text_messages (id bigint PRIMARY KEY);
