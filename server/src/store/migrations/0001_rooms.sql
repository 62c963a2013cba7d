-- Version 1: rooms, the history index, the server's keys. Portable SQL: SQLite and
-- PostgreSQL read it alike (TEXT, BIGINT, primary keys, no engine-specific type).
CREATE TABLE immail_meet_rooms (
    name TEXT PRIMARY KEY,
    upstream_id TEXT NOT NULL,
    topic TEXT NOT NULL,
    start_at TEXT,
    duration_minutes BIGINT,
    creator TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE TABLE immail_meet_sessions (
    session_id TEXT PRIMARY KEY,
    room TEXT NOT NULL REFERENCES immail_meet_rooms (name)
);
CREATE TABLE immail_meet_recordings (
    file_id TEXT PRIMARY KEY,
    room TEXT NOT NULL REFERENCES immail_meet_rooms (name),
    name TEXT
);
CREATE TABLE immail_meet_keys (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
