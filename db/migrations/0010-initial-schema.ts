import type { Migration } from './index.ts';

// Times: dates are ISO `YYYY-MM-DD`; instants are ISO UTC (`...Z`) plus an IANA
// zone column, so a meeting shows correctly in venue and home time.
// `classification` is a level of the configured scheme; '' means its lowest level.
export const initialSchema: Migration = {
  version: 10,
  name: 'initial schema',
  up(db) {
    db.exec(`
      CREATE TABLE source (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
        publisher TEXT NOT NULL DEFAULT '',
        location TEXT NOT NULL DEFAULT '',
        published_on TEXT,
        note TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ'))
      );

      CREATE TABLE country (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 200),
        native_name TEXT NOT NULL DEFAULT '',
        kind TEXT NOT NULL CHECK (kind IN ('country', 'organisation')),
        note TEXT NOT NULL DEFAULT '',
        source_id INTEGER REFERENCES source(id) ON DELETE SET NULL
      );

      CREATE TABLE person (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        native_name TEXT NOT NULL DEFAULT '',
        title TEXT NOT NULL DEFAULT '',
        country_id INTEGER REFERENCES country(id) ON DELETE SET NULL,
        biography TEXT NOT NULL DEFAULT '',
        classification TEXT NOT NULL DEFAULT '',
        source_id INTEGER REFERENCES source(id) ON DELETE SET NULL,
        updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ'))
      );

      CREATE TABLE summit (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        city TEXT NOT NULL DEFAULT '',
        country_id INTEGER REFERENCES country(id) ON DELETE SET NULL,
        start_date TEXT NOT NULL,
        end_date TEXT NOT NULL,
        time_zone TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        source_id INTEGER REFERENCES source(id) ON DELETE SET NULL,
        updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ')),
        CHECK (end_date >= start_date)
      );

      CREATE TABLE meeting (
        id INTEGER PRIMARY KEY,
        summit_id INTEGER REFERENCES summit(id) ON DELETE SET NULL,
        title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        format TEXT NOT NULL CHECK (format IN ('bilateral', 'pull-aside', 'plenary', 'working-dinner', 'other')),
        starts_at TEXT NOT NULL,
        start_time_known INTEGER NOT NULL DEFAULT 1 CHECK (start_time_known IN (0, 1)),
        duration_minutes INTEGER CHECK (duration_minutes IS NULL OR duration_minutes > 0),
        time_zone TEXT NOT NULL,
        venue TEXT NOT NULL DEFAULT '',
        interpreters TEXT NOT NULL DEFAULT '',
        press TEXT NOT NULL DEFAULT 'unknown' CHECK (press IN ('open', 'closed', 'unknown')),
        purpose TEXT NOT NULL DEFAULT '',
        objectives TEXT NOT NULL DEFAULT '',
        their_asks TEXT NOT NULL DEFAULT '',
        points_to_make TEXT NOT NULL DEFAULT '',
        lines_to_take TEXT NOT NULL DEFAULT '',
        defensive_points TEXT NOT NULL DEFAULT '',
        background TEXT NOT NULL DEFAULT '',
        sensitivities TEXT NOT NULL DEFAULT '',
        protocol_notes TEXT NOT NULL DEFAULT '',
        press_line TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'confirmed', 'held', 'cancelled')),
        outcome TEXT NOT NULL DEFAULT '',
        counterpart_id INTEGER REFERENCES person(id) ON DELETE SET NULL,
        classification TEXT NOT NULL DEFAULT '',
        source_id INTEGER REFERENCES source(id) ON DELETE SET NULL,
        updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ'))
      );
      CREATE INDEX meeting_by_summit ON meeting(summit_id, starts_at);
      CREATE INDEX meeting_by_start ON meeting(starts_at);

      CREATE TABLE meeting_participant (
        meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
        person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
        side TEXT NOT NULL CHECK (side IN ('ours', 'theirs')),
        role TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (meeting_id, person_id)
      ) WITHOUT ROWID;
      CREATE INDEX participant_by_person ON meeting_participant(person_id);

      CREATE TABLE programme (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 40),
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        partner_id INTEGER REFERENCES country(id) ON DELETE SET NULL,
        signed_on TEXT,
        sector_count INTEGER,
        description TEXT NOT NULL DEFAULT '',
        source_id INTEGER REFERENCES source(id) ON DELETE SET NULL
      );

      CREATE TABLE sector (
        id INTEGER PRIMARY KEY,
        programme_id INTEGER NOT NULL REFERENCES programme(id) ON DELETE CASCADE,
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        position INTEGER NOT NULL DEFAULT 0,
        summary TEXT NOT NULL DEFAULT '',
        our_position TEXT NOT NULL DEFAULT '',
        classification TEXT NOT NULL DEFAULT '',
        source_id INTEGER REFERENCES source(id) ON DELETE SET NULL
      );
      CREATE INDEX sector_by_programme ON sector(programme_id, position);

      CREATE TABLE sector_entry (
        id INTEGER PRIMARY KEY,
        sector_id INTEGER NOT NULL REFERENCES sector(id) ON DELETE CASCADE,
        occurred_on TEXT NOT NULL,
        title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
        body TEXT NOT NULL DEFAULT '',
        source_id INTEGER NOT NULL REFERENCES source(id) ON DELETE RESTRICT,
        source_excerpt TEXT NOT NULL DEFAULT '',
        classification TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ'))
      );
      CREATE INDEX sector_entry_by_sector ON sector_entry(sector_id, occurred_on);

      CREATE TABLE timeline_event (
        id INTEGER PRIMARY KEY,
        occurred_on TEXT NOT NULL,
        precision TEXT NOT NULL DEFAULT 'day' CHECK (precision IN ('day', 'month', 'year')),
        title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
        description TEXT NOT NULL DEFAULT '',
        summit_id INTEGER REFERENCES summit(id) ON DELETE SET NULL,
        source_id INTEGER REFERENCES source(id) ON DELETE SET NULL,
        source_excerpt TEXT NOT NULL DEFAULT ''
      );
      CREATE INDEX timeline_by_date ON timeline_event(occurred_on);

      -- Annotations (on a sector entry or a meeting) and free-standing notes share
      -- one table so revisions, trash and conflicts work the same for all of them.
      -- Deleting what a note annotates keeps the note: staff's words are never lost.
      CREATE TABLE note (
        id INTEGER PRIMARY KEY,
        sector_entry_id INTEGER REFERENCES sector_entry(id) ON DELETE SET NULL,
        meeting_id INTEGER REFERENCES meeting(id) ON DELETE SET NULL,
        title TEXT NOT NULL DEFAULT '',
        body TEXT NOT NULL DEFAULT '',
        tags TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags) AND json_type(tags) = 'array'),
        classification TEXT NOT NULL DEFAULT '',
        version INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ')),
        updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ')),
        deleted_at TEXT,
        CHECK (sector_entry_id IS NULL OR meeting_id IS NULL)
      );
      CREATE INDEX note_by_entry ON note(sector_entry_id) WHERE sector_entry_id IS NOT NULL;
      CREATE INDEX note_by_meeting ON note(meeting_id) WHERE meeting_id IS NOT NULL;
      CREATE INDEX note_by_updated ON note(updated_at);

      CREATE TABLE note_revision (
        note_id INTEGER NOT NULL REFERENCES note(id) ON DELETE CASCADE,
        version INTEGER NOT NULL,
        title TEXT NOT NULL,
        body TEXT NOT NULL,
        tags TEXT NOT NULL,
        classification TEXT NOT NULL,
        saved_at TEXT NOT NULL,
        PRIMARY KEY (note_id, version)
      ) WITHOUT ROWID;

      CREATE TABLE follow_up (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER REFERENCES meeting(id) ON DELETE CASCADE,
        description TEXT NOT NULL CHECK (length(description) BETWEEN 1 AND 2000),
        owner TEXT NOT NULL DEFAULT '',
        due_on TEXT,
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'dropped')),
        updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ'))
      );
      CREATE INDEX follow_up_by_due ON follow_up(status, due_on);

      CREATE TABLE briefing_pack (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 200),
        definition TEXT NOT NULL CHECK (json_valid(definition)),
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ')),
        updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ'))
      );

      CREATE TABLE setting (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL CHECK (json_valid(value))
      ) WITHOUT ROWID;
    `);
  },
};
