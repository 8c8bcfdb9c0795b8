// Migration 0001: the event log, command answers, projections for snapshots, users, sessions.
// NOTE: SQL lives in a .ts module (not a bare .sql file) so that it is bundled into
// out/main/hub.js by electron-vite; a loose .sql file would not be shipped next to the bundle.

export const sql = /* sql */ `
CREATE TABLE events (
  seq        INTEGER PRIMARY KEY,
  type       TEXT    NOT NULL,
  at         TEXT    NOT NULL,
  actor      TEXT    NOT NULL,
  mode       TEXT    NOT NULL CHECK (mode IN ('real', 'drill')),
  drill_id   TEXT,
  command_id TEXT    NOT NULL,
  payload    TEXT    NOT NULL,
  prev_hash  TEXT    NOT NULL,
  hash       TEXT    NOT NULL
);
CREATE INDEX events_command_id ON events (command_id);

-- The log is append-only: the hub never updates or deletes an event.
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;

-- Where the chain ended at the last commit, so that a truncated tail is noticed by verify.
CREATE TABLE chain_head (
  id   INTEGER PRIMARY KEY CHECK (id = 1),
  seq  INTEGER NOT NULL,
  hash TEXT    NOT NULL
);
INSERT INTO chain_head (id, seq, hash) VALUES (1, 0, '${'0'.repeat(64)}');

-- One row per answered command id: a resent command gets this answer, with no second effect.
CREATE TABLE commands (
  id      TEXT PRIMARY KEY,
  user_id TEXT NOT NULL,
  type    TEXT NOT NULL,
  answer  TEXT NOT NULL,
  at      TEXT NOT NULL
) WITHOUT ROWID;

-- Projections of the log (the replicated tables), kept for snapshots. Written only by the
-- shared projection (@common/projection/project.ts) in the same transaction as the events.
CREATE TABLE p_incidents       (id TEXT PRIMARY KEY, seq INTEGER NOT NULL, row TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE p_incident_notes  (id TEXT PRIMARY KEY, seq INTEGER NOT NULL, row TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE p_enterprises     (id TEXT PRIMARY KEY, seq INTEGER NOT NULL, row TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE p_hazard_sources  (id TEXT PRIMARY KEY, seq INTEGER NOT NULL, row TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE p_rescue_teams    (id TEXT PRIMARY KEY, seq INTEGER NOT NULL, row TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE p_plans           (id TEXT PRIMARY KEY, seq INTEGER NOT NULL, row TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE p_departments     (id TEXT PRIMARY KEY, seq INTEGER NOT NULL, row TEXT NOT NULL) WITHOUT ROWID;

CREATE TABLE users (
  id            TEXT PRIMARY KEY,
  username      TEXT NOT NULL UNIQUE,
  display_name  TEXT NOT NULL,
  role          TEXT NOT NULL,
  department_id TEXT,
  -- scrypt: NULL for system users that cannot log in
  password_hash TEXT,
  salt          TEXT,
  params        TEXT,
  disabled      INTEGER NOT NULL DEFAULT 0,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
);

CREATE TABLE sessions (
  id          TEXT PRIMARY KEY,
  token_hash  TEXT NOT NULL UNIQUE,
  user_id     TEXT NOT NULL REFERENCES users (id),
  workstation TEXT NOT NULL,
  created_at  INTEGER NOT NULL,
  expires_at  INTEGER NOT NULL,
  revoked_at  INTEGER
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
`;
